import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActorsQuery } from '../../audit/api';
import { DownloadLink } from '../../ui/DownloadLink';
import { dateFormat } from '../../ui/dates';
import { ErrorAlert } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { enumLabel } from '../../ui/labels';
import { ListTable, useList, useListParams } from '../../ui/list';
import { breachExportUrl, breachQuery } from './api';

const filtersOf = (get: (key: string) => string | null) => ({
  userId: get('userId'),
  from: get('from'),
  to: get('to'),
});

/** The persons read or disclosed for the filters in the address, with the downloads of the same. */
function BreachResults() {
  const { t, i18n } = useTranslation('privacy');
  const list = useList({ query: breachQuery, filters: filtersOf, pageSize: 50 });
  const filters = filtersOf(list.params.get);
  const lang = i18n.language.startsWith('de') ? 'de' : 'en';
  const what = (kind: string, value: string) =>
    kind === 'read'
      ? t(`audit:auditActions.${value}`, { defaultValue: value })
      : enumLabel(t, 'purpose', value);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text fw={600} data-testid="breach-persons">
          {t('workspace.personsFound', { count: list.data?.persons ?? 0, total: list.data?.total ?? 0 })}
        </Text>
        <Group gap="xs">
          <DownloadLink href={breachExportUrl({ ...filters, format: 'csv', lang })}>
            {t('workspace.downloadCsv')}
          </DownloadLink>
          <DownloadLink href={breachExportUrl({ ...filters, format: 'xlsx', lang })}>
            {t('workspace.downloadXlsx')}
          </DownloadLink>
        </Group>
      </Group>
      <ListTable
        list={list}
        minWidth={1000}
        rowKey={(e) => e.id}
        plainTitle
        highlightOnHover={false}
        testId="workspace-breach"
        columns={[
          { head: t('workspace.when'), card: 'title', nowrap: true, cell: (e) => formatDateTime(e.at) },
          {
            head: '',
            card: 'badge',
            cell: (e) => (
              <Badge variant="light" color={e.kind === 'read' ? 'blue' : 'grape'}>
                {t(`workspace.kinds.${e.kind}`)}
              </Badge>
            ),
          },
          { head: t('workspace.case'), card: 'fact', nowrap: true, cell: (e) => e.caseCode ?? '–' },
          { head: t('workspace.person'), card: 'fact', cell: (e) => e.person ?? '–' },
          { head: t('workspace.what'), card: 'fact', cell: (e) => what(e.kind, e.what) },
          {
            head: t('workspace.categories'),
            card: 'fact',
            cell: (e) => e.dataCategories.map((c) => enumLabel(t, 'dataCategory', c)).join(', ') || '–',
          },
          { head: t('workspace.by'), card: 'fact', cell: (e) => e.by ?? '–' },
          { head: t('workspace.institution'), card: 'fact', cell: (e) => e.institution ?? '–' },
        ]}
      />
    </Stack>
  );
}

/** The breach helper: a user and/or a time window, asked on "Search" (the search is audited). */
export function BreachPart() {
  const { t, i18n } = useTranslation('privacy');
  const lp = useListParams();
  const users = useQuery(auditActorsQuery);
  // The address holds instants; the pickers the local wall-clock time.
  const local = (key: string) => {
    const v = lp.get(key);
    return v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : null;
  };
  const valueFormat = `${dateFormat(i18n.language)} HH:mm`;
  const [userId, setUserId] = useState<string | null>(lp.get('userId'));
  const [from, setFrom] = useState<string | null>(local('from'));
  const [to, setTo] = useState<string | null>(local('to'));
  const [missing, setMissing] = useState(false);
  const asked = Boolean(lp.get('userId') || lp.get('from') || lp.get('to'));
  const iso = (v: string | null) => (v ? new Date(v.replace(' ', 'T')).toISOString() : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!userId && !from && !to);
    const next = new URLSearchParams(lp.params);
    for (const [k, v] of Object.entries({ userId, from: iso(from), to: iso(to) }))
      if (v) next.set(k, v);
      else next.delete(k);
    next.delete('page');
    lp.replace(next);
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('workspace.breachHelp')}
      </Text>
      <ErrorAlert error={users.error} />
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('workspace.user')}
            placeholder={t('workspace.anyone')}
            searchable
            clearable
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={userId}
            onChange={setUserId}
            w={{ base: '100%', sm: 260 }}
          />
          <DateTimePicker
            label={t('workspace.from')}
            clearable
            valueFormat={valueFormat}
            value={from}
            onChange={setFrom}
            w={{ base: '100%', sm: 200 }}
          />
          <DateTimePicker
            label={t('workspace.to')}
            clearable
            valueFormat={valueFormat}
            value={to}
            onChange={setTo}
            w={{ base: '100%', sm: 200 }}
          />
          <Button type="submit">{t('workspace.search')}</Button>
        </Group>
      </form>
      {missing && <Text c="red">{t('workspace.needFilter')}</Text>}
      {asked && <BreachResults />}
    </Stack>
  );
}
