import { Alert, Button, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH, passwordSchema } from '../../contracts/auth';
import { applyFieldErrors, ErrorAlert } from '../ui/errors';
import { Form } from '../ui/Form';
import { acceptInvitation, invitationQuery } from './api';
import { PublicFrame } from './PublicFrame';

/** Opened from the link in an invitation or password-reset mail; the token is in the URL fragment. */
export function InvitePage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const info = useQuery({
    ...invitationQuery(token),
    enabled: token.length >= 20,
  });
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => {
        const r = passwordSchema.safeParse(v);
        return r.success ? null : r.error.issues[0]?.message;
      },
      confirm: (v, values) => (v === values.password ? null : t('auth.passwordsDiffer')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const { email } = await acceptInvitation(token, values.password);
      navigate(`/login?welcome=1&email=${encodeURIComponent(email)}`, { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    } finally {
      setBusy(false);
    }
  });

  if (token.length < 20 || info.isError) {
    return (
      <PublicFrame title={t('invite.title')}>
        <Alert color="red" role="alert">
          {t('errors.token_invalid')}
        </Alert>
      </PublicFrame>
    );
  }
  if (!info.data) {
    return (
      <PublicFrame title={t('invite.title')}>
        <Loader size="sm" />
      </PublicFrame>
    );
  }
  const purpose = info.data.purpose;
  return (
    <PublicFrame title={purpose === 'invite' ? t('invite.title') : t('invite.resetTitle')}>
      <Form form={form} onSubmit={submit}>
        <Stack>
          <Text>
            {purpose === 'invite'
              ? t('invite.welcome', { name: info.data.name, organisation: info.data.organisationName })
              : t('invite.resetIntro', { name: info.data.name })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('invite.account', { email: info.data.email })}
          </Text>
          <ErrorAlert error={error} />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordRule', { count: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={busy}>
            {t('invite.setPassword')}
          </Button>
        </Stack>
      </Form>
    </PublicFrame>
  );
}
