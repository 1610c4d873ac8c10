import { Badge, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DateRangeFilter } from '../../ui/DateRangeFilter';
import { formatDate, formatDateTime } from '../../ui/format';
import { ListFilters, ListTable, useList } from '../../ui/list';
import { proofsQuery } from './api';

const filtersOf = (get: (key: string) => string | null) => ({ from: get('from'), to: get('to') });

/** "contacts 3 · documents 1 · …": what was removed or emptied, in words, the largest first. */
const countsText = (t: TFunction, counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([kind, n]) => `${t(`retention.counts.${kind}`, { defaultValue: kind })} ${n}`)
    .join(' · ') || '–';

/** The proofs of deletion: no personal data, only the pseudonym, the rule, the counts and when. */
export function ProofsPart() {
  const { t } = useTranslation('privacy');
  const list = useList({ query: proofsQuery, filters: filtersOf, pageSize: 25 });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('retention.proofs.intro')}
      </Text>
      <ListFilters list={list}>
        <DateRangeFilter
          lp={list.params}
          keys={['from', 'to']}
          label={t('retention.proofs.period')}
          placeholder={t('retention.proofs.periodAny')}
        />
      </ListFilters>
      <ListTable
        list={list}
        minWidth={900}
        rowKey={(p) => p.id}
        plainTitle
        highlightOnHover={false}
        testId="retention-proofs"
        columns={[
          { head: t('retention.proofs.pseudonym'), card: 'title', nowrap: true, cell: (p) => p.pseudonym },
          {
            head: t('retention.proofs.reason'),
            card: 'badge',
            cell: (p) => (
              <Badge variant="light" color={p.reason === 'erasure' ? 'grape' : 'gray'}>
                {t(`retention.proofs.reasons.${p.reason}`)}
              </Badge>
            ),
          },
          {
            head: t('retention.proofs.classes'),
            card: 'fact',
            cell: (p) =>
              p.classes.map((c) => t(`retention.classes.${c}.name`, { defaultValue: c })).join(', ') || '–',
          },
          { head: t('retention.proofs.counts'), card: 'fact', cell: (p) => countsText(t, p.counts) },
          {
            head: t('retention.proofs.announced'),
            card: 'fact',
            nowrap: true,
            cell: (p) => formatDate(p.announcedAt),
          },
          {
            head: t('retention.proofs.deleted'),
            card: 'fact',
            nowrap: true,
            cell: (p) => formatDateTime(p.deletedAt),
          },
        ]}
      />
    </Stack>
  );
}
