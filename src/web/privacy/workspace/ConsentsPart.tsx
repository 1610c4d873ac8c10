import { NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateRangeFilter } from '../../ui/DateRangeFilter';
import { formatDate, formatDateTime } from '../../ui/format';
import { enumLabel } from '../../ui/labels';
import { ListFilters, ListTable, useList } from '../../ui/list';
import { consentsQuery } from './api';

const filtersOf = (get: (key: string) => string | null) => {
  const kind = get('kind') === 'withdrawn' ? 'withdrawn' : 'expiring';
  return kind === 'expiring' ? { kind, days: get('days') } : { kind, from: get('from'), to: get('to') };
};

/** Consents that run out soon (within N days) or were withdrawn in a period. */
export function ConsentsPart() {
  const { t } = useTranslation('privacy');
  const list = useList({ query: consentsQuery, filters: filtersOf, pageSize: 50 });
  const withdrawn = list.params.get('kind') === 'withdrawn';
  return (
    <Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="consent-kind">
          {t('workspace.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="consent-kind"
          value={withdrawn ? 'withdrawn' : 'expiring'}
          onChange={(v) => list.params.set('kind', v === 'withdrawn' ? v : null)}
          data={[
            { value: 'expiring', label: t('workspace.expiring') },
            { value: 'withdrawn', label: t('workspace.withdrawn') },
          ]}
          w={{ base: '100%', sm: 'auto' }}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <ListFilters list={list}>
        {withdrawn ? (
          <DateRangeFilter
            lp={list.params}
            keys={['from', 'to']}
            label={t('workspace.period')}
            placeholder={t('workspace.periodAny')}
          />
        ) : (
          <NumberInput
            label={t('workspace.days')}
            min={1}
            max={365}
            value={Number(list.params.get('days') ?? 30)}
            onChange={(v) => list.params.set('days', v === '' ? null : String(v))}
            w={{ base: '100%', sm: 160 }}
          />
        )}
      </ListFilters>
      <ListTable
        list={list}
        minWidth={800}
        rowKey={(c) => c.id}
        plainTitle
        highlightOnHover={false}
        testId="workspace-consents"
        columns={[
          { head: t('workspace.case'), card: 'title', nowrap: true, cell: (c) => c.caseCode },
          {
            head: t('workspace.purposes'),
            card: 'fact',
            cell: (c) => c.purposes.map((p) => enumLabel(t, 'purpose', p)).join(', '),
          },
          { head: t('workspace.institutions'), card: 'fact', cell: (c) => c.institutions.join(', ') || '–' },
          { head: t('workspace.givenOn'), card: 'fact', nowrap: true, cell: (c) => formatDate(c.givenOn) },
          {
            head: t('workspace.validUntil'),
            card: 'fact',
            nowrap: true,
            cell: (c) => (c.validUntil ? formatDate(c.validUntil) : '–'),
          },
          {
            head: t('workspace.withdrawnAt'),
            card: 'fact',
            nowrap: true,
            cell: (c) => (c.withdrawnAt ? formatDateTime(c.withdrawnAt) : '–'),
          },
        ]}
      />
    </Stack>
  );
}
