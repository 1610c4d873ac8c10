import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../lib/http';
import { ErrorAlert } from '../ui/errors';
import { Form } from '../ui/Form';
import { logIn } from './api';
import { PublicFrame } from './PublicFrame';
import { useSession } from './session';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { signedIn, lostReason } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: params.get('email') ?? '', password: '', code: '' },
    // Checked here without the shared schema, so that the first page a user sees need not load
    // zod (about 20 kB); the server checks the body against it all the same.
    validate: {
      email: (value) =>
        value.trim() ? isEmail(t('validation.email'))(value.trim()) : t('validation.required'),
      password: (value) => (value ? null : t('validation.required')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const session = await logIn({
        email: values.email,
        password: values.password,
        ...(needsCode && values.code ? { code: values.code } : {}),
      });
      signedIn(session);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required') {
        setNeedsCode(true);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <PublicFrame title={t('auth.loginTitle')}>
      <Form form={form} onSubmit={submit}>
        <Stack>
          {params.get('welcome') && <Alert color="green">{t('auth.passwordSetLogin')}</Alert>}
          {lostReason === 'session_expired' && <Alert color="yellow">{t('errors.session_expired')}</Alert>}
          <ErrorAlert error={error} />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          {needsCode && (
            <TextInput
              label={t('auth.code')}
              description={t('auth.codeHelp')}
              autoComplete="one-time-code"
              inputMode="text"
              autoFocus
              required
              {...form.getInputProps('code')}
            />
          )}
          <Button type="submit" loading={busy} fullWidth>
            {t('auth.login')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('auth.forgotPassword')}
          </Text>
        </Stack>
      </Form>
    </PublicFrame>
  );
}
