import { Button, Group, Stack } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyFieldErrors, ErrorAlert, notifySaved } from './errors';
import { FormDialog } from './FormDialog';
import { cleanValues, type FieldSpec, Fields, resolver } from './fields';

/**
 * A form in a dialog, built from field specs: checked with the contract's schema where given,
 * the server's field errors put on the inputs, anything else shown above the form; what was
 * typed stays until it is saved or the user chooses to discard it.
 */
export function FormModal<E>({
  title,
  specs,
  initial,
  known,
  schema,
  save,
  onClose,
  onError,
  children,
  extra,
  submitLabel,
  size = 'lg',
}: {
  title: string;
  specs: FieldSpec<E>[];
  initial: Record<string, unknown>;
  /** The entry being edited (pickers take the labels of its current values from it). */
  known?: E;
  schema?: z.ZodType;
  save(values: Record<string, unknown>): Promise<void>;
  onClose(): void;
  /** Handles an error itself (e.g. a duplicate warning); returns whether it did. */
  onError?(error: unknown): boolean;
  /** Shown between the error and the fields, given the last error. */
  children?: (error: unknown) => ReactNode;
  /** Further inputs below the fields that work on the form itself (e.g. a checklist). */
  // biome-ignore lint/suspicious/noExplicitAny: values follow the specs
  extra?: (form: UseFormReturnType<Record<string, any>>) => ReactNode;
  submitLabel?: string;
  size?: string;
}) {
  const { t } = useTranslation();
  // biome-ignore lint/suspicious/noExplicitAny: values follow the specs
  const form = useForm<Record<string, any>>({
    initialValues: initial,
    ...(schema ? { validate: resolver(schema) } : {}),
  });
  const [error, setError] = useState<unknown>(null);
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await save(cleanValues(values));
      notifySaved(t);
      onClose();
    } catch (e) {
      if (onError?.(e)) return;
      if (!applyFieldErrors(form, e, t)) setError(e);
      else setError(null);
    }
  });
  return (
    <FormDialog title={title} size={size} form={form} onSubmit={submit} onClose={onClose}>
      {(close) => (
        <Stack>
          <ErrorAlert error={error} />
          {children?.(error)}
          <Fields form={form} specs={specs} entry={known} />
          {extra?.(form)}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
