import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalHoldBody } from '../../../contracts/privacy';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../../ui/errors';
import { FormDialog } from '../../ui/FormDialog';
import { placeLegalHold, retentionKeys } from './api';

/**
 * Places a legal hold on an announced case: the reason is required and shown to the case's
 * counsellors; the case stays off the deletion list until the hold is lifted. A refused save
 * keeps the reason typed.
 */
export function HoldDialog({
  notice,
  onClose,
}: {
  notice: { clientId: string; caseCode: string };
  onClose(): void;
}) {
  const { t } = useTranslation('privacy');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { reason: '' },
    validate: schemaResolver(legalHoldBody, { sync: true }),
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await placeLegalHold(notice.clientId, values.reason);
      await queryClient.invalidateQueries({ queryKey: retentionKeys.allNotices });
      notifySaved(t, t('retention.hold.placed', { code: notice.caseCode }));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });
  return (
    <FormDialog
      title={t('retention.hold.title', { code: notice.caseCode })}
      form={form}
      onSubmit={submit}
      onClose={onClose}
    >
      {(cancel) => (
        <Stack>
          <ErrorAlert error={error} />
          <Text size="sm">{t('retention.hold.text')}</Text>
          <Textarea
            label={t('retention.hold.reason')}
            description={t('retention.hold.reasonHelp')}
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
              {t('retention.hold.place')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
