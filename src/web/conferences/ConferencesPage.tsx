import { Box, Button, SegmentedControl, Select, Stack } from '@mantine/core';
import { IconChartBar, IconPlus, IconRepeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../auth/session';
import { SectorFilter } from '../network/SectorFilter';
import { RowLink } from '../ui/DataTable';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { sectorLabel } from '../ui/pickers';
import { conferenceListQuery, seriesQuery } from './api';
import { StatusBadge } from './badges';
import { ConferenceDialog } from './ConferenceDialog';
import { When } from './When';

const whens = ['upcoming', 'past', 'all'] as const;

const filtersOf = (get: (key: string) => string | null) => ({
  when: get('when') ?? 'upcoming',
  seriesId: get('seriesId'),
  sectorId: get('sectorId'),
});

/** The organisation's donor conferences: what is coming, what was held, and planning the next. */
export function ConferencesPage() {
  const { t } = useTranslation('conferences');
  const navigate = useNavigate();
  const manage = useCan('conferences.manage');
  const report = useCan('conferences.report');
  const [planning, setPlanning] = useState(false);
  const list = useList({ query: conferenceListQuery, filters: filtersOf });
  const { params: lp, filters, searchBox } = list;
  const series = useQuery(seriesQuery);
  return (
    <Stack>
      <PageHeader
        title={t('conferences.title')}
        description={t('conferences.description')}
        actions={
          <>
            <Button
              component={Link}
              to="/conferences/series"
              variant="default"
              leftSection={<IconRepeat size={16} />}
            >
              {t('series.title')}
            </Button>
            {report && (
              <Button
                component={Link}
                to="/conferences/report"
                variant="default"
                leftSection={<IconChartBar size={16} />}
              >
                {t('report.open')}
              </Button>
            )}
            {manage && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setPlanning(true)}>
                {t('conferences.plan')}
              </Button>
            )}
          </>
        }
      />
      <SegmentedControl
        aria-label={t('conferences.when')}
        data={whens.map((w) => ({ value: w, label: t(`conferences.whens.${w}`) }))}
        value={filters.when}
        onChange={(w) => lp.set('when', w === 'upcoming' ? null : w)}
        w={{ base: '100%', sm: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
      />
      <ListFilters list={list} search={searchBox(t('conferences.search'))}>
        <Box w={{ base: '100%', sm: 240 }}>
          <Select
            aria-label={t('conferences.allSeries')}
            placeholder={t('conferences.allSeries')}
            clearable
            data={(series.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
            value={filters.seriesId}
            onChange={(v) => lp.set('seriesId', v)}
          />
        </Box>
        <SectorFilter value={filters.sectorId} onChange={(v) => lp.set('sectorId', v)} />
      </ListFilters>
      <ListTable
        list={list}
        testId="conferences"
        minWidth={900}
        rowKey={(c) => c.id}
        columns={[
          {
            head: t('conferences.fields.title'),
            card: 'title',
            cell: (c) => <RowLink to={`/conferences/${c.id}`}>{c.title}</RowLink>,
          },
          {
            head: t('conferences.fields.status'),
            card: 'badge',
            cell: (c) => <StatusBadge status={c.status} />,
          },
          { head: t('conferences.fields.when'), card: 'fact', cell: (c) => <When c={c} /> },
          { head: t('conferences.fields.sector'), card: 'fact', cell: (c) => sectorLabel(t, c.sector.name) },
          {
            head: t('conferences.fields.institutions'),
            card: 'fact',
            nowrap: true,
            cell: (c) =>
              t('conferences.confirmedOf', {
                confirmed: c.confirmedInstitutions,
                invited: c.invitedInstitutions,
              }),
          },
          {
            head: t('conferences.fields.cases'),
            card: 'fact',
            nowrap: true,
            cell: (c) =>
              c.myNominations > 0
                ? t('conferences.casesMine', { count: c.nominations, mine: c.myNominations })
                : String(c.nominations),
          },
        ]}
      />
      {planning && (
        <ConferenceDialog
          onClose={() => setPlanning(false)}
          onSaved={(c) => navigate(`/conferences/${c.id}`)}
        />
      )}
    </Stack>
  );
}
