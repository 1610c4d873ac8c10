import { Button, Group, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';

/**
 * Every dialog of the portal: what was typed stays until it is saved or deliberately discarded
 * (FormDialog asks first); the server's refusal is said above the fields or on the field.
 */
export function PortalDialog<V>(p: {
  title: string;
  form: UseFormReturnType<V>;
  save(values: V): Promise<unknown>;
  onClose(): void;
  /** The notice after a save. */
  saved: string;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('portal');
  const [error, setError] = useState<unknown>(null);
  const submit = p.form.onSubmit(async (values) => {
    setError(null);
    try {
      await p.save(values);
      notifySaved(t, p.saved);
      p.onClose();
    } catch (e) {
      if (!applyFieldErrors(p.form, e, t)) setError(e);
    }
  });
  return (
    <FormDialog title={p.title} form={p.form} onSubmit={submit} onClose={p.onClose}>
      {(close) => (
        <Stack>
          <ErrorAlert error={error} />
          {p.children}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={p.form.submitting}>
              {p.submitLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
