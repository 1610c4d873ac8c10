import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CasePrivacyState, legalHoldBody } from '../../contracts/privacy';
import { applyFieldErrors, ErrorAlert } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { setLegalHold } from './requests/api';

/**
 * Places (or changes) a legal hold on a case — from the deletion list (dpo) and from the case page
 * (leads): the reason is required and shown to the case's counsellors; the case stays off the
 * deletion list until the hold is lifted. A refused save keeps the reason typed.
 */
export function HoldDialog(p: {
  clientId: string;
  title: string;
  /** What a hold does, said where the dialog opens without the case in view. */
  text?: string;
  reason?: string;
  submitLabel: string;
  onClose(): void;
  onSaved(state: CasePrivacyState): unknown;
}) {
  const { t } = useTranslation('privacy');
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { reason: p.reason ?? '' },
    validate: schemaResolver(legalHoldBody, { sync: true }),
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await p.onSaved(await setLegalHold(p.clientId, { reason: values.reason.trim() }));
      p.onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });
  return (
    <FormDialog title={p.title} form={form} onSubmit={submit} onClose={p.onClose}>
      {(cancel) => (
        <Stack>
          <ErrorAlert error={error} />
          {p.text && <Text size="sm">{p.text}</Text>}
          <Textarea
            label={t('requests.hold.reason')}
            description={t('requests.hold.reasonHelp')}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {p.submitLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
