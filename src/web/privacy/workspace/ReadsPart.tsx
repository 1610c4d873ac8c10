import { Badge, NumberInput, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable';
import { DateRangeFilter } from '../../ui/DateRangeFilter';
import { ErrorAlert } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { ListFilters, useListParams } from '../../ui/list';
import { readsQuery } from './api';

/** Reads outside each user's own caseload, the busiest hour, and who went over the threshold (marked, not blocked). */
export function ReadsPart() {
  const { t } = useTranslation('privacy');
  const lp = useListParams();
  const params = { from: lp.get('from'), to: lp.get('to'), threshold: lp.get('threshold') };
  const reads = useQuery(readsQuery(params));
  const active = ['from', 'threshold'].filter((k) => lp.get(k)).length;
  const list = {
    data: undefined,
    error: null,
    pages: 0,
    params: lp,
    pageSize: 0,
    activeFilters: active,
    clearFilters: () => lp.clear(['from', 'to', 'threshold']),
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('workspace.readsHelp')}
      </Text>
      <ListFilters list={list}>
        <DateRangeFilter
          lp={lp}
          keys={['from', 'to']}
          label={t('workspace.period')}
          placeholder={t('workspace.periodAny')}
        />
        <NumberInput
          label={t('workspace.threshold')}
          min={1}
          max={1000}
          value={Number(lp.get('threshold') ?? 20)}
          onChange={(v) => lp.set('threshold', v === '' ? null : String(v))}
          w={{ base: '100%', sm: 200 }}
        />
      </ListFilters>
      <ErrorAlert error={reads.error} />
      {reads.data && reads.data.users.length === 0 && <Text c="dimmed">{t('workspace.noReads')}</Text>}
      <DataTable
        items={reads.data?.users ?? []}
        minWidth={700}
        rowKey={(r) => r.user.id}
        plainTitle
        highlightOnHover={false}
        testId="workspace-reads"
        columns={[
          {
            head: t('workspace.user'),
            card: 'title',
            cell: (r) =>
              `${r.user.name} (${r.user.roles.map((x) => t(`common:roles.${x}`, { defaultValue: x })).join(', ')})`,
          },
          {
            head: '',
            card: 'badge',
            cell: (r) =>
              r.flagged ? (
                <Badge color="red" variant="light">
                  {t('workspace.flagged')}
                </Badge>
              ) : null,
          },
          {
            head: t('workspace.cases'),
            card: 'fact',
            cell: (r) => String(r.cases),
          },
          { head: t('workspace.reads'), card: 'fact', cell: (r) => String(r.reads) },
          {
            head: t('workspace.busiestHour'),
            card: 'fact',
            cell: (r) =>
              r.busiestHour
                ? t('workspace.busiestHourValue', {
                    count: r.busiestHour.cases,
                    start: formatDateTime(r.busiestHour.start),
                  })
                : '–',
          },
        ]}
      />
    </Stack>
  );
}
