import { Button, Group, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/http';
import { ErrorAlert, notifySaved } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { applyConferenceErrors } from './SettingsFields';

/**
 * Every dialog of the conference pages: the form (kept until saved or discarded), the server's
 * field errors on its fields in the interface language, any other refusal above them, Cancel and
 * the submit button. After a save the dialog closes, then `onSaved` gets what the save returned.
 */
export function ConferenceForm<V, R>(p: {
  title: string;
  size?: string;
  form: UseFormReturnType<V>;
  save(values: V): Promise<R>;
  onClose(): void;
  onSaved?(result: R): void;
  submitLabel?: string;
  /** The notice after a save (the common "Saved" when not given). */
  saved?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('conferences');
  const [error, setError] = useState<unknown>(null);
  const submit = p.form.onSubmit(async (values) => {
    setError(null);
    try {
      const result = await p.save(values);
      notifySaved(t, p.saved);
      p.onClose();
      p.onSaved?.(result);
    } catch (e) {
      // A field the dialog does not show (the moderator of a series, checked when its next
      // conference is made) would hold its message unseen: then it is said above the fields too.
      const shown =
        e instanceof ApiError &&
        e.fields.every((f) => (f.path.split('.')[0] ?? '') in (p.form.values as object));
      if (!applyConferenceErrors(p.form, e, t) || !shown) setError(e);
    }
  });
  return (
    <FormDialog title={p.title} size={p.size} form={p.form} onSubmit={submit} onClose={p.onClose}>
      {(close) => (
        <Stack>
          <ErrorAlert error={error} />
          {p.children}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={p.form.submitting}>
              {p.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
