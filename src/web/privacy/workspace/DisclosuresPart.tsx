import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateRangeFilter } from '../../ui/DateRangeFilter';
import { formatDate, formatDateTime } from '../../ui/format';
import { enumLabel } from '../../ui/labels';
import { ListFilters, ListTable, useList } from '../../ui/list';
import { disclosuresQuery } from './api';

const filtersOf = (get: (key: string) => string | null) => ({
  institutionId: get('institutionId'),
  from: get('from'),
  to: get('to'),
});

/** What went to which institution in a period: counts per institution, then the disclosures themselves. */
export function DisclosuresPart() {
  const { t } = useTranslation('privacy');
  const list = useList({ query: disclosuresQuery, filters: filtersOf, pageSize: 50 });
  const counts = list.data?.perInstitution ?? [];
  const institutionId = list.params.get('institutionId');
  return (
    <Stack>
      <ListFilters list={list}>
        <DateRangeFilter
          lp={list.params}
          keys={['from', 'to']}
          label={t('workspace.period')}
          placeholder={t('workspace.periodAny')}
        />
        <Select
          label={t('workspace.institution')}
          placeholder={t('workspace.allInstitutions')}
          clearable
          searchable
          data={counts
            .filter((c) => c.institutionId)
            .map((c) => ({ value: c.institutionId ?? '', label: c.name }))}
          value={institutionId}
          onChange={(v) => list.params.set('institutionId', v)}
          w={{ base: '100%', sm: 280 }}
        />
      </ListFilters>
      {counts.length > 0 && (
        <Stack gap={4} component="section" aria-label={t('workspace.perInstitution')}>
          <Text fw={600} size="sm">
            {t('workspace.perInstitution')}
          </Text>
          <Group gap="xs" data-testid="per-institution">
            {counts.map((c) => (
              <Button
                key={c.institutionId ?? c.name}
                size="xs"
                variant={c.institutionId === institutionId ? 'filled' : 'default'}
                disabled={!c.institutionId}
                onClick={() => list.params.set('institutionId', c.institutionId)}
                rightSection={
                  <Badge size="sm" variant="light">
                    {c.count}
                  </Badge>
                }
              >
                {c.name}
              </Button>
            ))}
          </Group>
        </Stack>
      )}
      <ListTable
        list={list}
        minWidth={900}
        rowKey={(d) => d.id}
        plainTitle
        highlightOnHover={false}
        testId="workspace-disclosures"
        columns={[
          { head: t('workspace.when'), card: 'title', nowrap: true, cell: (d) => formatDateTime(d.at) },
          { head: t('workspace.case'), card: 'fact', nowrap: true, cell: (d) => d.caseCode ?? '–' },
          { head: t('workspace.recipient'), card: 'fact', cell: (d) => d.recipient },
          { head: t('workspace.purpose'), card: 'fact', cell: (d) => enumLabel(t, 'purpose', d.purpose) },
          {
            head: t('workspace.categories'),
            card: 'fact',
            cell: (d) => d.dataCategories.map((c) => enumLabel(t, 'dataCategory', c)).join(', ') || '–',
          },
          {
            head: t('workspace.consent'),
            card: 'fact',
            cell: (d) =>
              d.consent
                ? t('workspace.consentOf', { date: formatDate(d.consent.givenOn) })
                : t('workspace.noConsent'),
          },
          { head: t('workspace.by'), card: 'fact', cell: (d) => d.by ?? '–' },
        ]}
      />
    </Stack>
  );
}
