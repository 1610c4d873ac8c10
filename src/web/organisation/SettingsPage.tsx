import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Spoiler,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { Form } from '../ui/Form';
import { formatDateTime } from '../ui/format';
import { ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { organisationKeys, organisationQuery, outboxQuery, updateOrganisation } from './api';

export function SettingsPage() {
  const { t } = useTranslation('organisation');
  // The tab is in the address with the outbox's page, so Back and reload return to the same page of it.
  const [params, setParams] = useSearchParams();
  return (
    <Stack maw={1100}>
      <PageHeader title={t('settings.title')} />
      <Tabs
        value={params.get('tab') === 'outbox' ? 'outbox' : 'organisation'}
        onChange={(v) => setParams(v === 'outbox' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
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
        rowKey={(m) => m.id}
        plainTitle
        columns={[
          {
            head: t('settings.created'),
            nowrap: true,
            card: 'fact',
            cell: (m) => formatDateTime(m.createdAt),
          },
          { head: t('settings.recipient'), card: 'fact', cell: (m) => m.to },
          {
            head: t('settings.message'),
            card: 'title',
            cell: (m) => (
              <>
                <Title order={3} size="sm">
                  {m.subject}
                </Title>
                <Spoiler maxHeight={0} showLabel={t('settings.showText')} hideLabel={t('settings.hideText')}>
                  <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {m.text}
                  </Code>
                </Spoiler>
              </>
            ),
          },
          {
            head: t('users:users.status'),
            card: 'badge',
            cell: (m) =>
              m.sentAt ? (
                <Badge color="green">{t('settings.sent')}</Badge>
              ) : m.lastError ? (
                <Badge color="red" title={m.lastError}>
                  {t('settings.failed', { count: m.attempts })}
                </Badge>
              ) : (
                <Badge color="gray">{t('settings.waiting')}</Badge>
              ),
          },
        ]}
      />
    </Stack>
  );
}
