import { Box, Button, Select, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../contracts/commitments';
import { conferenceListQuery, seriesQuery } from '../conferences/api';
import { DateRangeFilter, setMany } from '../ui/DateRangeFilter';
import { formatDate } from '../ui/format';
import { ListFilters, type ListParams, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { InstitutionSelect, knownInstitution } from '../ui/pickers';
import { commitmentExportUrl, commitmentListQuery } from './api';
import { CommitmentsTable, StatusFilter } from './CommitmentsTable';

const filtersOf = (get: (key: string) => string | null) => ({
  institutionId: get('institutionId'),
  status: get('status'),
  conferenceId: get('conferenceId'),
  seriesId: get('seriesId'),
  dueFrom: get('dueFrom'),
  dueTo: get('dueTo'),
});

/** One filter for a series or one of its conferences: what a follow-up round asks about. */
function ConferenceFilter({ lp }: { lp: ListParams }) {
  const { t } = useTranslation('commitments');
  const series = useQuery(seriesQuery);
  const conferences = useQuery(conferenceListQuery({ when: 'all', limit: 100 }));
  const conferenceId = lp.get('conferenceId');
  const seriesId = lp.get('seriesId');
  return (
    <Select
      label={t('fields.conference')}
      placeholder={t('page.allConferences')}
      clearable
      searchable
      w={{ base: '100%', sm: 260 }}
      data={[
        {
          group: t('page.seriesGroup'),
          items: (series.data ?? []).map((s) => ({ value: `series:${s.id}`, label: s.title })),
        },
        {
          group: t('page.conferencesGroup'),
          items: (conferences.data?.items ?? []).map((c) => ({
            value: `conference:${c.id}`,
            label: `${c.title} · ${formatDate(c.startsAt)}`,
          })),
        },
      ]}
      value={conferenceId ? `conference:${conferenceId}` : seriesId ? `series:${seriesId}` : null}
      onChange={(v) => {
        const [kind, id = null] = v?.split(':') ?? [];
        setMany(lp, {
          conferenceId: kind === 'conference' ? id : null,
          seriesId: kind === 'series' ? id : null,
        });
      }}
    />
  );
}

/**
 * Every commitment the user may see, by institution, status, conference or series and due date:
 * the follow-up after the table. Overdue ones say so in words; a report is recorded from the row.
 */
export function CommitmentsPage() {
  const { t } = useTranslation('commitments');
  const list = useList({ query: commitmentListQuery, filters: filtersOf });
  const { params: lp, filters, searchBox } = list;
  const institutionId = filters.institutionId;
  const known = knownInstitution(list.items as Commitment[], institutionId);
  return (
    <Stack>
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={
          <Button
            component="a"
            href={commitmentExportUrl(list.filters)}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('page.export')}
          </Button>
        }
      />
      <ListFilters list={list} search={searchBox(t('page.search'), { label: t('page.search') })}>
        <Box w={{ base: '100%', sm: 260 }}>
          <InstitutionSelect
            label={t('fields.institution')}
            placeholder={t('page.allInstitutions')}
            known={known}
            value={institutionId}
            onChange={(v) => lp.set('institutionId', v)}
          />
        </Box>
        <StatusFilter lp={lp} />
        <ConferenceFilter lp={lp} />
        <DateRangeFilter
          lp={lp}
          keys={['dueFrom', 'dueTo']}
          label={t('page.due')}
          placeholder={t('page.dueAny')}
        />
      </ListFilters>
      <CommitmentsTable list={list} />
    </Stack>
  );
}
