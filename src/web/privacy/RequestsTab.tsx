import { Button, Group, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequestItem, requestKinds, requestStatuses } from '../../contracts/privacy-requests';
import { formatDate } from '../ui/format';
import { ListFilters, ListTable, useList } from '../ui/list';
import { requestListQuery } from './requests/api';
import { RequestStatusBadge } from './requests/DueBadge';
import { NewRequestDialog } from './requests/NewRequestDialog';
import { RequestDetail } from './requests/RequestDetail';

const filtersOf = (get: (key: string) => string | null) => ({
  status: get('status'),
  kind: get('kind'),
  overdue: get('overdue'),
});

/**
 * Data-subject requests (dpo, leads): the list with the one-month deadlines, a new request for a
 * person found by the search, and a request's page with what its kind needs done (`?open=<id>`).
 */
export function RequestsTab() {
  const { t } = useTranslation('privacy');
  const list = useList({ query: requestListQuery, filters: filtersOf });
  const { params, filters } = list;
  const [creating, setCreating] = useState(false);
  const open = params.get('open');
  if (open) return <RequestDetail id={open} onBack={() => params.set('open', null)} />;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          {t('requests.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('requests.new')}
        </Button>
      </Group>
      <ListFilters list={list}>
        <Select
          label={t('requests.fields.status')}
          placeholder={t('requests.all')}
          clearable
          data={requestStatuses.map((s) => ({ value: s, label: t(`requests.status.${s}`) }))}
          value={filters.status}
          onChange={(v) => params.set('status', v)}
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label={t('requests.fields.kind')}
          placeholder={t('requests.all')}
          clearable
          data={requestKinds.map((k) => ({ value: k, label: t(`requests.kind.${k}`) }))}
          value={filters.kind}
          onChange={(v) => params.set('kind', v)}
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label={t('requests.fields.deadline')}
          placeholder={t('requests.all')}
          clearable
          data={[{ value: 'true', label: t('requests.overdueOnly') }]}
          value={filters.overdue}
          onChange={(v) => params.set('overdue', v)}
          w={{ base: '100%', sm: 200 }}
        />
      </ListFilters>
      <ListTable<RequestItem>
        list={list}
        minWidth={820}
        rowKey={(r) => r.id}
        testId="privacy-requests"
        columns={[
          {
            head: t('requests.fields.person'),
            card: 'title',
            cell: (r) => (
              <UnstyledButton onClick={() => params.set('open', r.id)} fw={500} c="blue.8" td="underline">
                {r.person ? `${r.person.name} (${r.person.caseCode})` : t('requests.erasedPerson')}
              </UnstyledButton>
            ),
          },
          { head: t('requests.fields.kind'), card: 'fact', cell: (r) => t(`requests.kind.${r.kind}`) },
          { head: t('requests.fields.receivedOn'), card: 'fact', cell: (r) => formatDate(r.receivedOn) },
          { head: t('requests.fields.dueOn'), card: 'fact', cell: (r) => formatDate(r.dueOn) },
          {
            head: t('requests.fields.status'),
            card: 'badge',
            cell: (r) => <RequestStatusBadge request={r} />,
          },
        ]}
      />
      {creating && (
        <NewRequestDialog onClose={() => setCreating(false)} onCreated={(r) => params.set('open', r.id)} />
      )}
    </Stack>
  );
}
