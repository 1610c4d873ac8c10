import { Alert, Button, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInGermany } from '../../../contracts/common';
import { type RequestItem, type RequestKind, requestKinds } from '../../../contracts/privacy-requests';
import { typedDateProps } from '../../ui/dates';
import { applyFieldErrors, ErrorAlert } from '../../ui/errors';
import { FormDialog } from '../../ui/FormDialog';
import { formatDate } from '../../ui/format';
import { createRequest, personSearchQuery, requestKeys } from './api';

/**
 * Records a request: the person first (by name, case number or birth date — the search is
 * audited), then what they asked for and when it arrived; the deadline follows from that.
 */
export function NewRequestDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(r: RequestItem): void;
}) {
  const { t, i18n } = useTranslation('privacy');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: {
      q: '',
      birthDate: null as string | null,
      clientId: '',
      kind: 'access' as RequestKind,
      receivedOn: todayInGermany() as string | null,
      note: '',
    },
    validate: {
      clientId: (v) => (v ? null : t('requests.dialog.pickPerson')),
      receivedOn: (v) => (v ? null : t('requests.dialog.required')),
    },
  });
  const [q] = useDebouncedValue(form.values.q.trim(), 300);
  const persons = useQuery(personSearchQuery(q, form.values.birthDate ?? ''));
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const created = await createRequest({
        clientId: v.clientId,
        kind: v.kind,
        receivedOn: v.receivedOn ?? '',
        note: v.note || null,
      });
      await queryClient.invalidateQueries({ queryKey: requestKeys.all });
      onClose();
      onCreated(created);
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });
  return (
    <FormDialog title={t('requests.dialog.title')} size="lg" form={form} onSubmit={submit} onClose={onClose}>
      {(cancel) => (
        <Stack>
          <ErrorAlert error={error} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('requests.dialog.search')}
              description={t('requests.dialog.searchHelp')}
              data-autofocus
              miw={200}
              {...form.getInputProps('q')}
            />
            <DateInput
              label={t('requests.dialog.birthDate')}
              clearable
              miw={160}
              {...typedDateProps(i18n, 'birth', form.values.birthDate)}
              {...form.getInputProps('birthDate')}
            />
          </Group>
          {persons.data && persons.data.length === 0 && (
            <Text size="sm" c="dimmed" role="status">
              {t('requests.dialog.noneFound')}
            </Text>
          )}
          <ErrorAlert error={persons.error} />
          {persons.data && persons.data.length > 0 && (
            <Radio.Group label={t('requests.dialog.person')} required {...form.getInputProps('clientId')}>
              <Stack gap="xs" mt="xs" data-testid="person-hits">
                {persons.data.map((p) => (
                  <Radio
                    key={p.clientId}
                    value={p.clientId}
                    label={`${p.givenNames} ${p.familyName} · ${p.caseCode}`}
                    description={[
                      p.birthDate ? formatDate(p.birthDate) : null,
                      t('requests.dialog.owner', { name: p.owner }),
                      p.restricted ? t('requests.restricted') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {form.errors.clientId && !persons.data?.length && (
            <Alert color="red" variant="light">
              {form.errors.clientId}
            </Alert>
          )}
          <Select
            label={t('requests.fields.kind')}
            required
            allowDeselect={false}
            data={requestKinds.map((k) => ({ value: k, label: t(`requests.kind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <DateInput
            label={t('requests.fields.receivedOn')}
            description={t('requests.dialog.receivedHelp')}
            required
            {...typedDateProps(i18n, 'event', form.values.receivedOn)}
            {...form.getInputProps('receivedOn')}
          />
          <Textarea label={t('requests.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('requests.dialog.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
