import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Pagination,
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
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationSettings, OutboxMessage } from '../../contracts/organisation';
import { get, patch, query } from '../app/api';
import { useSession } from '../auth/session';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';

export function SettingsPage() {
  const { t } = useTranslation();
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
  const { t } = useTranslation();
  const { refresh } = useSession();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['organisation'],
    queryFn: () => get<OrganisationSettings>('/api/organisation'),
  });
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
      const saved = await patch<OrganisationSettings>('/api/organisation', {
        version: settings.data.version,
        ...values,
      });
      queryClient.setQueryData(['organisation'], saved);
      await refresh();
      notifySaved(t);
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
      await settings.refetch();
    }
  });

  return (
    <Card withBorder maw={640}>
      <form onSubmit={submit} noValidate>
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
      </form>
    </Card>
  );
}

const PAGE = 25;

function Outbox() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const messages = useQuery({
    queryKey: ['outbox', page],
    queryFn: () =>
      get<{ items: OutboxMessage[]; total: number }>(
        `/api/outbox${query({ limit: PAGE, offset: (page - 1) * PAGE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('settings.outboxHelp')}
      </Text>
      <ErrorAlert error={messages.error} />
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.created')}</Table.Th>
              <Table.Th>{t('settings.recipient')}</Table.Th>
              <Table.Th>{t('settings.message')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {messages.data?.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt)}</Table.Td>
                <Table.Td>{m.to}</Table.Td>
                <Table.Td>
                  <Title order={3} size="sm">
                    {m.subject}
                  </Title>
                  <Spoiler
                    maxHeight={0}
                    showLabel={t('settings.showText')}
                    hideLabel={t('settings.hideText')}
                  >
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
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {messages.data?.items.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
      {messages.data && messages.data.total > PAGE && (
        <Pagination total={Math.ceil(messages.data.total / PAGE)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
