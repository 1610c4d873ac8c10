import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Spoiler,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { Form } from '../ui/Form';
import { formatDateTime } from '../ui/format';
import { ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { organisationKeys, organisationQuery, outboxQuery, updateOrganisation } from './api';

export function SettingsPage() {
  const { t } = useTranslation('organisation');
  return (
    <Stack maw={1100}>
      <PageHeader title={t('settings.title')} />
      <Tabs defaultValue="organisation" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="organisation">{t('settings.organisation')}</Tabs.Tab>
          <Tabs.Tab value="outbox">{t('settings.outbox')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organisation" pt="md">
          <OrganisationForm />
        </Tabs.Panel>
        <Tabs.Panel value="outbox" pt="md">
          <Outbox />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function OrganisationForm() {
  const { t } = useTranslation('organisation');
  const { refresh } = useSession();
  const queryClient = useQueryClient();
  const settings = useQuery(organisationQuery);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ initialValues: { name: '', requireTotp: false } });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (settings.data) {
      setValues({ name: settings.data.name, requireTotp: settings.data.requireTotp });
      resetDirty();
    }
  }, [settings.data, setValues, resetDirty]);

  const submit = form.onSubmit(async (values) => {
    if (!settings.data) return;
    setError(null);
    try {
      const saved = await updateOrganisation({ version: settings.data.version, ...values });
      queryClient.setQueryData(organisationKeys.settings, saved);
      await refresh();
      notifySaved(t);
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
      await settings.refetch();
    }
  });

  return (
    <Card withBorder maw={640}>
      <Form form={form} onSubmit={submit}>
        <Stack>
          <ErrorAlert error={error ?? settings.error} />
          <TextInput label={t('settings.name')} required {...form.getInputProps('name')} />
          <Switch
            label={t('settings.requireTotp')}
            description={t('settings.requireTotpHelp')}
            {...form.getInputProps('requireTotp', { type: 'checkbox' })}
          />
          <Group>
            <Button type="submit" disabled={!settings.data}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Card>
  );
}

function Outbox() {
  const { t } = useTranslation('organisation');
  const messages = useList({ query: outboxQuery });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('settings.outboxHelp')}
      </Text>
      <ListTable
        list={messages}
        minWidth={700}
        striped={false}
        highlightOnHover={false}
        verticalSpacing="sm"
        heads={[
          t('settings.created'),
          t('settings.recipient'),
          t('settings.message'),
          t('users:users.status'),
        ]}
      >
        {messages.items.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt)}</Table.Td>
            <Table.Td>{m.to}</Table.Td>
            <Table.Td>
              <Title order={3} size="sm">
                {m.subject}
              </Title>
              <Spoiler maxHeight={0} showLabel={t('settings.showText')} hideLabel={t('settings.hideText')}>
                <Code block style={{ whiteSpace: 'pre-wrap' }}>
                  {m.text}
                </Code>
              </Spoiler>
            </Table.Td>
            <Table.Td>
              {m.sentAt ? (
                <Badge color="green">{t('settings.sent')}</Badge>
              ) : m.lastError ? (
                <Badge color="red" title={m.lastError}>
                  {t('settings.failed', { count: m.attempts })}
                </Badge>
              ) : (
                <Badge color="gray">{t('settings.waiting')}</Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
