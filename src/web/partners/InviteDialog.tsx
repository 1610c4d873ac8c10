import { Box, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerInviteBody, PartnerInviteResult } from '../../contracts/partners';
import { ApiError } from '../lib/http';
import { institutionDetailQuery } from '../network/api';
import { applyFieldErrors, ErrorAlert } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { InstitutionSelect } from '../ui/pickers';
import { invitePartner, partnerKeys } from './api';

type Who = 'contact' | 'typed';

/**
 * Invites a partner: an institution of the network (fixed when opened from its page), then one of
 * its contact persons with an address, or a name and an address typed in. The server decides what
 * the address means (a new account, a partner of another organisation, a staff address).
 */
export function InviteDialog({
  institution,
  onClose,
  onInvited,
}: {
  /** The institution the dialog is opened for; otherwise the lead picks one. */
  institution?: { id: string; name: string };
  onClose(): void;
  onInvited(result: PartnerInviteResult): void;
}) {
  const { t } = useTranslation('partners');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: {
      institutionId: institution?.id ?? (null as string | null),
      who: 'contact' as Who,
      contactId: null as string | null,
      name: '',
      email: '',
    },
    validate: {
      institutionId: (v) => (v ? null : t('validation.required')),
      contactId: (v, values) => (values.who === 'contact' && !v ? t('invite.pickContact') : null),
      name: (v, values) => (values.who === 'typed' && !v.trim() ? t('validation.required') : null),
      email: (v, values) =>
        values.who === 'typed' && !/^\S+@\S+\.\S+$/.test(v.trim()) ? t('validation.email') : null,
    },
  });
  const { institutionId, who } = form.values;
  const detail = useQuery({
    ...institutionDetailQuery(institutionId ?? ''),
    enabled: Boolean(institutionId),
  });
  const contacts = (detail.data?.contacts ?? []).filter((c) => c.email);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body: PartnerInviteBody =
      values.who === 'contact'
        ? { institutionId: values.institutionId ?? '', contactId: values.contactId ?? undefined }
        : { institutionId: values.institutionId ?? '', name: values.name.trim(), email: values.email.trim() };
    try {
      const result = await invitePartner(body);
      await queryClient.invalidateQueries({ queryKey: partnerKeys.lists });
      await queryClient.invalidateQueries({ queryKey: partnerKeys.institutions });
      onClose();
      onInvited(result);
    } catch (e) {
      const field = values.who === 'contact' ? 'contactId' : 'email';
      if (e instanceof ApiError && (e.code === 'email_taken' || e.code === 'duplicate'))
        form.setFieldError(field, t(e.code === 'email_taken' ? 'invite.emailTaken' : 'invite.duplicate'));
      else if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });

  return (
    <FormDialog title={t('invite.title')} form={form} onSubmit={submit} onClose={onClose}>
      {(cancel) => (
        <Stack>
          <Text size="sm">{t('invite.help')}</Text>
          <ErrorAlert error={error} />
          {institution ? (
            <TextInput label={t('invite.institution')} value={institution.name} readOnly />
          ) : (
            <Box>
              <InstitutionSelect
                label={t('invite.institution')}
                description={t('invite.institutionHelp')}
                required
                value={institutionId}
                onChange={(v) => {
                  form.setFieldValue('institutionId', v);
                  form.setFieldValue('contactId', null);
                }}
                error={form.errors.institutionId}
              />
            </Box>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="invite-who">
              {t('invite.who')}
            </Text>
            <SegmentedControl
              aria-labelledby="invite-who"
              data={[
                { value: 'contact', label: t('invite.fromDirectory') },
                { value: 'typed', label: t('invite.typed') },
              ]}
              {...form.getInputProps('who')}
            />
          </Stack>
          {who === 'contact' ? (
            <>
              <Select
                label={t('invite.contact')}
                description={t('invite.contactHelp')}
                required
                disabled={!institutionId}
                data={contacts.map((c) => ({ value: c.id, label: `${c.name} · ${c.email}` }))}
                data-autofocus={institution ? true : undefined}
                {...form.getInputProps('contactId')}
              />
              {detail.data && contacts.length === 0 && (
                <Text size="sm" c="dimmed" role="status">
                  {t('invite.noContacts')}
                </Text>
              )}
            </>
          ) : (
            <>
              <TextInput label={t('invite.name')} required {...form.getInputProps('name')} />
              <TextInput label={t('invite.email')} type="email" required {...form.getInputProps('email')} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('invite.send')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
