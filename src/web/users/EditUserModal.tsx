import { Button, Divider, Group, MultiSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationResult, User } from '../../contracts/users';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { sendUserLink, staffRoles, updateUser, userKeys } from './api';
import { TeamInput } from './TeamInput';

export function EditUserModal({
  user,
  onClose,
  onLink,
}: {
  user: User;
  onClose(): void;
  onLink(result: InvitationResult): void;
}) {
  const { t } = useTranslation('users');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      name: user.name,
      roles: user.roles,
      team: user.team ?? '',
      active: user.status !== 'deactivated',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      roles: (v) => (v.length ? null : t('validation.minItems', { count: 1 })),
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: userKeys.lists });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await updateUser(user.id, {
        version: user.version,
        name: values.name,
        roles: values.roles,
        team: values.team,
        active: values.active,
      });
      await refresh();
      notifySaved(t);
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
      await refresh();
    } finally {
      setBusy(false);
    }
  });

  const sendLink = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await sendUserLink(user.id);
      onClose();
      onLink(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog title={user.name} form={form} onSubmit={submit} onClose={onClose}>
      {(cancel) => (
        <Stack>
          <Text size="sm" c="dimmed">
            {user.email}
          </Text>
          <ErrorAlert error={error} />
          <TextInput label={t('users.name')} required {...form.getInputProps('name')} />
          <MultiSelect
            label={t('users.roles')}
            description={t('users.rolesHelp')}
            required
            data={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            {...form.getInputProps('roles')}
          />
          <TeamInput {...form.getInputProps('team')} />
          <Switch
            label={t('users.active')}
            description={t('users.activeHelp')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
          {user.status !== 'deactivated' && (
            <>
              <Divider />
              <Group justify="space-between">
                <Text size="sm">
                  {user.status === 'invited' ? t('users.resendHelp') : t('users.resetHelp')}
                </Text>
                <Button variant="light" onClick={sendLink} loading={busy}>
                  {user.status === 'invited' ? t('users.resend') : t('users.reset')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </FormDialog>
  );
}
