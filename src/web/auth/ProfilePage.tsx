import {
  Alert,
  Button,
  Card,
  Group,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordBody, PASSWORD_MIN_LENGTH } from '../../contracts/auth';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { Form } from '../ui/Form';
import { PageHeader } from '../ui/PageHeader';
import { changePassword, updateMe } from './api';
import { useSession, useUser } from './session';
import { TwoFactorCard } from './TwoFactorCard';

export function ProfilePage() {
  const { t } = useTranslation('auth');
  const user = useUser();
  return (
    <Stack maw={960}>
      <PageHeader
        title={t('profile.title')}
        description={`${user.email} · ${user.roles.map((r) => t(`roles.${r}`)).join(', ')}`}
      />
      {user.totpEnrolmentRequired && (
        <Alert color="orange" title={t('profile.totpRequiredTitle')} role="alert">
          {t('profile.totpRequired')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PersonalCard />
        <PasswordCard />
      </SimpleGrid>
      <TwoFactorCard />
    </Stack>
  );
}

function PersonalCard() {
  const { t } = useTranslation('auth');
  const user = useUser();
  const { updateUser } = useSession();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ initialValues: { name: user.name, language: user.language } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      updateUser(await updateMe(values));
      notifySaved(t);
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });
  return (
    <Card withBorder>
      <Form form={form} onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4">
            {t('profile.personal')}
          </Title>
          <ErrorAlert error={error} />
          <TextInput label={t('profile.name')} required {...form.getInputProps('name')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="profile-language">
              {t('profile.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="profile-language"
              data={[
                { value: 'de', label: 'Deutsch' },
                { value: 'en', label: 'English' },
              ]}
              {...form.getInputProps('language')}
            />
          </Stack>
          <Group>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </Form>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation('auth');
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: (values) => {
      const errors = schemaResolver(changePasswordBody, { sync: true })(values);
      if (values.confirm !== values.newPassword) errors.confirm = t('auth.passwordsDiffer');
      return errors;
    },
  });
  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setError(null);
    try {
      await changePassword({ currentPassword, newPassword });
      form.reset();
      notifySaved(t, t('profile.passwordChanged'));
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });
  return (
    <Card withBorder>
      <Form form={form} onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4">
            {t('profile.changePassword')}
          </Title>
          <ErrorAlert error={error} />
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordRule', { count: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Text size="xs" c="dimmed">
            {t('profile.otherSessionsEnd')}
          </Text>
          <Group>
            <Button type="submit">{t('profile.changePassword')}</Button>
          </Group>
        </Stack>
      </Form>
    </Card>
  );
}
