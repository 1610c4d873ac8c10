import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/http';
import { formatDate } from './format';

/** The translated message for an API error code; the server's text as a fallback. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'version_conflict') {
      const by = error.details.updatedBy as string | null;
      const at = error.details.updatedAt ? new Date(String(error.details.updatedAt)).toLocaleString() : '';
      return by ? t('errors.version_conflict_by', { by, at }) : t('errors.version_conflict', { at });
    }
    if (error.code === 'rate_limited') {
      const seconds = Number(error.details.retryAfterSeconds ?? 60);
      return t('errors.rate_limited', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    const key = `errors.${error.code}`;
    const translated = t(key, { ...error.details });
    if (translated !== key) {
      if (error.code === 'validation_failed' && error.fields.length) {
        return `${translated} (${error.fields.map((f) => f.path).join(', ')})`;
      }
      return translated;
    }
    return error.message;
  }
  return t('errors.internal');
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={title} role="alert">
      {errorMessage(t, error)}
    </Alert>
  );
}

export function notifyError(t: TFunction, error: unknown) {
  notifications.show({ color: 'red', title: t('common.error'), message: errorMessage(t, error) });
}

export function notifySaved(t: TFunction, message?: string) {
  notifications.show({ color: 'green', message: message ?? t('common.saved'), autoClose: 2500 });
}

/** Puts the server's field errors on the form's inputs; returns whether any matched. */
export function applyFieldErrors(
  form: { setFieldError(path: string, message: string): void },
  error: unknown,
  t: TFunction,
): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  for (const f of error.fields) form.setFieldError(f.path, translateFieldMessage(t, error.code, f.message));
  return true;
}

function translateFieldMessage(t: TFunction, code: string, message: string): string {
  if (code === 'password_policy') return t('errors.password_policy');
  if (code === 'email_taken') return t('errors.email_taken');
  if (message.includes('current password')) return t('errors.wrong_current_password');
  return localiseContractMessage(t, message);
}

/**
 * The contracts' own messages that carry values (date ranges, src/contracts/common.ts), in the
 * user's language and date format: the same words whether the browser or the server checked.
 */
export function localiseContractMessage(t: TFunction, message: string): string {
  const range = /^must be a date between (\d{4}-\d{2}-\d{2}) and (\d{4}-\d{2}-\d{2})$/.exec(message);
  if (range?.[1] && range[2]) {
    return t('validation.dateRange', { min: formatDate(range[1]), max: formatDate(range[2]) });
  }
  if (message === 'is not a field of this request') return t('validation.unknownField');
  return message;
}
