import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInGermany } from '../../../contracts/common';
import { type PortalCommitment, type PortalReportBody, portalReportBody } from '../../../contracts/portal';
import { ApiError } from '../../lib/http';
import { dateFormat, typedDateProps } from '../../ui/dates';
import { ErrorAlert, notifySaved } from '../../ui/errors';
import { FormDialog } from '../../ui/FormDialog';
import { cleanValues, resolver } from '../../ui/fields';
import { formatDate } from '../../ui/format';
import { portalCommitmentKeys, reportPortalCommitment } from './api';

/** The contract's and the server's words for what is wrong, in the interface language. */
const messages: Record<string, string> = {
  'a few words are needed': 'report.errors.note',
  'must not be in the future': 'report.errors.future',
  'must not be before the commitment was made': 'report.errors.beforeMade',
};
const say = (t: TFunction, message: string) => (messages[message] ? t(messages[message]) : message);

const validate = resolver(portalReportBody);
type Status = PortalReportBody['status'];

/**
 * The institution reports on its commitment: how it is going (it stays open), done, or dropped
 * with why — on the day it happened (today unless said). Keeps what was typed until it is sent
 * or discarded, also when the server refuses it.
 */
export function ReportDialog({ commitment: c, onClose }: { commitment: PortalCommitment; onClose(): void }) {
  const { t, i18n } = useTranslation('portalCommitments');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: {
      status: 'done' as Status,
      note: '',
      reportedOn: todayInGermany() as string | null,
      version: c.version,
    },
    validate: (values) =>
      Object.fromEntries(Object.entries(validate(values)).map(([k, v]) => [k, say(t, String(v))])),
  });
  const progress = form.values.status === 'progress';
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const { reportedOn, ...rest } = cleanValues(values) as PortalReportBody;
    try {
      await reportPortalCommitment(c.id, progress ? rest : { ...rest, reportedOn });
      notifySaved(t, t('report.saved'));
      onClose();
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields.filter((f) => f.path in values) : [];
      for (const f of fields) form.setFieldError(f.path, say(t, f.message));
      if (fields.length === 0) setError(e);
    }
    // Saved or refused (reported meanwhile, or no longer in view): every view shows it as it is now.
    await queryClient.invalidateQueries({ queryKey: portalCommitmentKeys.portal });
  });
  const noteLabel: Record<Status, string> = {
    progress: t('report.noteProgress'),
    done: t('report.noteDone'),
    dropped: t('report.noteDropped'),
  };
  return (
    <FormDialog title={t('report.title')} form={form} onSubmit={submit} onClose={onClose}>
      {(close) => (
        <Stack>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {c.action}
            </Text>
            <Text size="xs" c="dimmed">
              {t('due', { date: formatDate(c.dueDate) })}
            </Text>
          </Stack>
          <ErrorAlert error={error} />
          <Radio.Group label={t('report.what')} required {...form.getInputProps('status')}>
            <Stack gap="xs" mt={6} data-testid="report-status">
              {(['done', 'progress', 'dropped'] as const).map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={t(`report.${s}`)}
                  description={t(`report.help.${s}`)}
                  data-autofocus={s === 'done' || undefined}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={noteLabel[form.values.status]}
            required={form.values.status !== 'done'}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('note')}
          />
          {!progress && (
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
              {t('report.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}

/** A "Report" button for an open commitment, named with its action, and the dialog it opens. */
export function useReport() {
  const { t } = useTranslation('portalCommitments');
  const [reporting, setReporting] = useState<PortalCommitment | null>(null);
  const button = (c: PortalCommitment, full = false) =>
    c.status === 'open' && (
      <Button
        variant={full ? 'filled' : 'light'}
        fullWidth={full}
        aria-label={full ? undefined : t('report.buttonFor', { action: c.action })}
        onClick={() => setReporting(c)}
        data-testid="report"
      >
        {t('report.button')}
      </Button>
    );
  const dialog = reporting && <ReportDialog commitment={reporting} onClose={() => setReporting(null)} />;
  return { button, dialog };
}
