import {
  Alert,
  Button,
  Checkbox,
  List,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../contracts/auth';
import { type SetupResult, setupBody } from '../../contracts/organisation';
import { PublicFrame } from '../auth/PublicFrame';
import { useSession } from '../auth/session';
import { applyFieldErrors, ErrorAlert } from '../ui/errors';
import { Form } from '../ui/Form';
import type { Language } from '../ui/i18n';
import { setUp } from './api';

export function SetupPage() {
  const { t, i18n } = useTranslation('setup');
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SetupResult | null>(null);
  const form = useForm({
    initialValues: {
      organisationName: '',
      adminName: '',
      email: '',
      password: '',
      confirm: '',
      language: (i18n.language === 'de' ? 'de' : 'en') as Language,
      demo: false,
    },
    validate: (values) => {
      const errors = schemaResolver(setupBody, { sync: true })(values);
      if (values.confirm !== values.password) errors.confirm = t('auth:auth.passwordsDiffer');
      return errors;
    },
  });

  const submit = form.onSubmit(async ({ confirm: _confirm, ...values }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await setUp(values);
      if (result.demoLogins.length > 0) setDone(result);
      else {
        signedIn(result);
        navigate('/', { replace: true });
      }
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    } finally {
      setBusy(false);
    }
  });

  if (done) {
    return (
      <PublicFrame title={t('setup.demoReady')} width={560}>
        <Stack>
          <Text>{t('setup.demoLogins')}</Text>
          <List spacing={4} size="sm">
            {done.demoLogins.map((l) => (
              <List.Item key={l.email}>
                <Text span ff="monospace">
                  {l.email}
                </Text>{' '}
                — {l.name} ({l.roles.map((r) => t(`roles.${r}`)).join(', ')})
              </List.Item>
            ))}
          </List>
          <Button
            onClick={() => {
              signedIn(done);
              navigate('/', { replace: true });
            }}
          >
            {t('setup.continue')}
          </Button>
        </Stack>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame title={t('setup.title')} width={520}>
      <Form form={form} onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('setup.intro')}
          </Text>
          <ErrorAlert error={error} />
          <TextInput
            label={t('setup.organisationName')}
            required
            {...form.getInputProps('organisationName')}
          />
          <TextInput
            label={t('setup.adminName')}
            autoComplete="name"
            required
            {...form.getInputProps('adminName')}
          />
          <TextInput
            label={t('auth:auth.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth:auth.password')}
            description={t('auth:auth.passwordRule', { count: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('auth:auth.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="setup-language">
              {t('auth:profile.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="setup-language"
              data={[
                { value: 'de', label: 'Deutsch' },
                { value: 'en', label: 'English' },
              ]}
              {...form.getInputProps('language')}
            />
          </Stack>
          <Checkbox
            label={t('setup.demo')}
            description={t('setup.demoHelp')}
            {...form.getInputProps('demo', { type: 'checkbox' })}
          />
          <Alert color="blue" variant="light">
            {t('setup.privacyNote')}
          </Alert>
          <Button type="submit" loading={busy}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </Form>
    </PublicFrame>
  );
}
