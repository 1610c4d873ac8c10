import { Box, Button, Select, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../contracts/commitments';
import { conferenceListQuery, seriesQuery } from '../conferences/api';
import { dateFormat } from '../ui/dates';
import { formatDate } from '../ui/format';
import { ListFilters, type ListParams, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { InstitutionSelect } from '../ui/pickers';
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

/** Sets several keys of the address at once (one change, so the second does not undo the first). */
function setMany(lp: ListParams, values: Record<string, string | null>) {
  const next = new URLSearchParams(lp.params);
  for (const [key, value] of Object.entries(values)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  next.delete('page');
  lp.replace(next);
}

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

/** The due range: it goes into the address once both ends are chosen (or it is cleared). */
function DueFilter({ lp }: { lp: ListParams }) {
  const { t, i18n } = useTranslation('commitments');
  const inAddress: [string | null, string | null] = [lp.get('dueFrom'), lp.get('dueTo')];
  const [range, setRange] = useState(inAddress);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address changed from outside (Back, reset)
  useEffect(() => setRange(inAddress), [inAddress.join()]);
  return (
    <DatePickerInput
      type="range"
      label={t('page.due')}
      placeholder={t('page.dueAny')}
      clearable
      allowSingleDateInRange
      valueFormat={dateFormat(i18n.language)}
      value={range}
      onChange={([from, to]) => {
        setRange([from, to]);
        if (!from === !to) setMany(lp, { dueFrom: from, dueTo: to });
      }}
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      w={{ base: '100%', sm: 240 }}
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
  const known = list.items
    .filter((c: Commitment) => c.institution.id === institutionId)
    .slice(0, 1)
    .map((c: Commitment) => ({ value: c.institution.id, label: c.institution.name }));
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
        <DueFilter lp={lp} />
      </ListFilters>
      <CommitmentsTable list={list} />
    </Stack>
  );
}
