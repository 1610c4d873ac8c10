import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Commitment,
  type CommitmentReportBody,
  commitmentReportBody,
} from '../../contracts/commitments';
import { todayInGermany } from '../../contracts/common';
import { ApiError } from '../lib/http';
import { dateFormat, typedDateProps } from '../ui/dates';
import { ErrorAlert, notifySaved } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { cleanValues, resolver } from '../ui/fields';
import { formatDate } from '../ui/format';
import { commitmentKeys, reportCommitment } from './api';

/** The contract's and the server's words for what is wrong, in the interface language. */
const messages: Record<string, string> = {
  'say why it was dropped': 'report.errors.noteDropped',
  'say why the report is taken back': 'report.errors.noteReopen',
  'must not be in the future': 'report.errors.future',
  'must not be before the commitment was made': 'report.errors.beforeMade',
};
const say = (t: TFunction, message: string) => (messages[message] ? t(messages[message]) : message);

const validate = resolver(commitmentReportBody);

/**
 * Records what an institution reported — done, or dropped with why — on the day it said so; or,
 * for a lead, takes back a report recorded by mistake (the commitment is open again). The dialog
 * keeps what was typed until it is saved or discarded.
 */
export function ReportDialog({
  commitment: c,
  onClose,
  onSaved,
}: {
  commitment: Commitment;
  onClose(): void;
  /** After a save (e.g. the case file reads itself again). */
  onSaved?(): void;
}) {
  const { t, i18n } = useTranslation('commitments');
  const queryClient = useQueryClient();
  const reopening = c.status !== 'open';
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const form = useForm({
    initialValues: {
      status: reopening ? 'open' : 'done',
      note: '',
      reportedOn: todayInGermany() as string | null,
      version: c.version,
    },
    validate: (values) =>
      Object.fromEntries(Object.entries(validate(values)).map(([k, v]) => [k, say(t, String(v))])),
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const { reportedOn, ...rest } = cleanValues(values) as CommitmentReportBody;
    try {
      await reportCommitment(c.id, reopening ? rest : { ...rest, reportedOn });
      notifySaved(t, t(reopening ? 'report.reopened' : 'report.saved'));
      onClose();
      onSaved?.();
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields.filter((f) => f.path in values) : [];
      for (const f of fields) form.setFieldError(f.path, say(t, f.message));
      if (fields.length === 0) setError(e);
    }
    // Reported or refused (someone else reported meanwhile): every list shows it as it is now.
    await queryClient.invalidateQueries({ queryKey: commitmentKeys.all });
  });
  const dropped = form.values.status === 'dropped';
  return (
    <FormDialog
      title={t(reopening ? 'report.reopenTitle' : 'report.title')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
    >
      {(close) => (
        <Stack>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {c.action}
            </Text>
            <Text size="xs" c="dimmed">
              {c.institution.name} · {t('fields.dueDate')} {formatDate(c.dueDate)}
            </Text>
          </Stack>
          <ErrorAlert error={error} />
          {reopening ? (
            <Text size="sm">{t('report.reopenHelp')}</Text>
          ) : (
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`${id}-status`}>
                {t('report.status')}
              </Text>
              <SegmentedControl
                aria-labelledby={`${id}-status`}
                data={[
                  { value: 'done', label: t('status.done') },
                  { value: 'dropped', label: t('status.dropped') },
                ]}
                style={{ alignSelf: 'flex-start' }}
                data-autofocus
                {...form.getInputProps('status')}
              />
            </Stack>
          )}
          <Textarea
            label={t(reopening ? 'report.reason' : dropped ? 'report.noteDropped' : 'report.note')}
            required={reopening || dropped}
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus={reopening || undefined}
            {...form.getInputProps('note')}
          />
          {!reopening && (
            <DateInput
              label={t('report.reportedOn')}
              description={t('report.reportedOnHelp')}
              required
              {...form.getInputProps('reportedOn')}
              value={form.values.reportedOn || null}
              {...typedDateProps(i18n, 'event', form.values.reportedOn)}
              placeholder={dateFormat(i18n.language)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} data-testid="report-save">
              {t(reopening ? 'report.saveReopen' : 'report.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
