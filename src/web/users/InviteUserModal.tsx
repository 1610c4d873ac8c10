import { Button, Group, MultiSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../contracts/auth';
import type { Language } from '../../contracts/common';
import { type InvitationResult, inviteUserBody } from '../../contracts/users';
import { applyFieldErrors, ErrorAlert } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { inviteUser, staffRoles, userKeys } from './api';
import { TeamInput } from './TeamInput';

export function InviteUserModal({
  opened,
  onClose,
  onInvited,
}: {
  opened: boolean;
  onClose(): void;
  onInvited(result: InvitationResult): void;
}) {
  const { t, i18n } = useTranslation('users');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      email: '',
      name: '',
      roles: ['counsellor'] as Role[],
      language: (i18n.language === 'en' ? 'en' : 'de') as Language,
      team: '',
    },
    validate: schemaResolver(inviteUserBody, { sync: true }),
  });
  const close = () => {
    form.reset();
    setError(null);
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const result = await inviteUser(values);
      await queryClient.invalidateQueries({ queryKey: userKeys.lists });
      close();
      onInvited(result);
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    } finally {
      setBusy(false);
    }
  });
  return (
    <FormDialog opened={opened} title={t('users.invite')} form={form} onSubmit={submit} onClose={close}>
      {(cancel) => (
        <Stack>
          <ErrorAlert error={error} />
          <TextInput label={t('users.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('auth:auth.email')} type="email" required {...form.getInputProps('email')} />
          <MultiSelect
            label={t('users.roles')}
            description={t('users.rolesHelp')}
            required
            data={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            {...form.getInputProps('roles')}
          />
          <TeamInput {...form.getInputProps('team')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="invite-language">
              {t('users.mailLanguage')}
            </Text>
            <SegmentedControl
              aria-labelledby="invite-language"
              data={[
                { value: 'de', label: 'Deutsch' },
                { value: 'en', label: 'English' },
              ]}
              {...form.getInputProps('language')}
            />
          </Stack>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('users.sendInvitation')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
