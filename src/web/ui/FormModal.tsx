import { Button, Group, Modal, Stack } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyFieldErrors, ErrorAlert, notifySaved } from './errors';
import { cleanValues, type FieldSpec, Fields, resolver } from './fields';

/**
 * A form in a dialog, built from field specs: checked with the contract's schema where given,
 * the server's field errors put on the inputs, anything else shown above the form.
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
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await save(cleanValues(values));
      notifySaved(t);
      onClose();
    } catch (e) {
      if (onError?.(e)) return;
      if (!applyFieldErrors(form, e, t)) setError(e);
      else setError(null);
    } finally {
      setBusy(false);
    }
  });
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          {children?.(error)}
          <Fields form={form} specs={specs} entry={known} />
          {extra?.(form)}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
