import { Badge, Box, Button, Checkbox, Group, Menu, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ClientListItem as Case, stages } from '../../contracts/clients';
import { procedureOutcomes } from '../../contracts/recognition';
import { cefrLevels, countryCodes } from '../../contracts/reference';
import { useCan } from '../auth/session';
import { caseExportUrl } from '../transfer/api';
import { RowLink } from '../ui/DataTable';
import { ColleagueSelect } from '../ui/fields';
import { formatDate } from '../ui/format';
import { countryName, enumLabel, enumOptions } from '../ui/labels';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { OccupationSelect } from '../ui/pickers';
import { caseListQuery } from './api';
import { ReassignCases } from './ReassignCases';
import { SavedFilters } from './SavedFilters';

/** The API's filters from the address: stages repeat; "German at least" means the language deu. */
const caseFilters = (get: (key: string) => string | null) => ({
  stage: get('stage')?.split(',').filter(Boolean),
  counsellorId: get('counsellorId'),
  occupationId: get('occupationId'),
  country: get('country'),
  outcome: get('outcome'),
  minLevel: get('minLevel'),
  language: get('minLevel') ? 'deu' : null,
  overdueSteps: get('overdueSteps'),
  includeClosed: get('includeClosed'),
  sort: get('sort'),
});

/** The counsellor's case list: search in any script, filters kept in the URL, saved filters, export, bulk handover. */
export function CasesPage() {
  const { t } = useTranslation('clients');
  const canReassign = useCan('cases.reassign');
  // Searching starts at the second letter: one letter matches nearly everyone.
  const list = useList({ query: caseListQuery, filters: caseFilters, pageSize: 50, minSearch: 2 });
  const { params: lp, searchBox } = list;
  const params = lp.params;
  const [selected, setSelected] = useState<string[]>([]);
  const setFilter = (key: string, value: string | null | boolean) =>
    lp.set(key, value === null || value === false ? null : String(value));
  const stageValues = list.filters.stage ?? [];
  const exportHref = (format: 'csv' | 'xlsx') => caseExportUrl(list.filters, format);

  return (
    <Stack>
      <PageHeader
        title={t('cases.title')}
        description={
          list.data
            ? list.data.totalCapped
              ? t('cases.countCapped', { count: list.data.total })
              : t('cases.count', { count: list.data.total })
            : undefined
        }
        actions={
          <>
            <Button
              component={Link}
              to="/cases/import"
              variant="default"
              leftSection={<IconFileImport size={16} />}
            >
              {t('cases.import')}
            </Button>
            <Menu>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />}>
                  {t('cases.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportHref('xlsx')}>
                  Excel (XLSX)
                </Menu.Item>
                <Menu.Item component="a" href={exportHref('csv')}>
                  CSV
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button component={Link} to="/cases/new" leftSection={<IconPlus size={16} />}>
              {t('cases.new')}
            </Button>
          </>
        }
      />
      <ListFilters
        list={list}
        search={searchBox(t('cases.searchPlaceholder'), { label: t('cases.search'), testId: 'case-search' })}
      >
        <MultiSelect
          label={t('cases.stage')}
          placeholder={stageValues.length ? undefined : t('cases.openStages')}
          data={enumOptions(t, 'stage', stages)}
          value={stageValues}
          onChange={(v) => setFilter('stage', v.join(','))}
          w={{ base: '100%', sm: 240 }}
          clearable
        />
        <Select
          label={t('cases.sort')}
          data={['name', '-name', '-updated', 'updated', '-intake', 'intake', 'stage', 'code'].map((s) => ({
            value: s,
            label: t(`cases.sorts.${s}`),
          }))}
          value={params.get('sort') ?? 'name'}
          onChange={(v) => setFilter('sort', v)}
          w={{ base: '100%', sm: 200 }}
        />
        <Box w={{ base: '100%', sm: 220 }}>
          <ColleagueSelect
            label={t('cases.counsellor')}
            value={params.get('counsellorId')}
            onChange={(v) => setFilter('counsellorId', v)}
          />
        </Box>
        <Box w={{ base: '100%', sm: 260 }}>
          <OccupationSelect
            label={t('casefile:case.fields.referenceOccupationId')}
            value={params.get('occupationId')}
            onChange={(id) => setFilter('occupationId', id)}
          />
        </Box>
        <Select
          label={t('cases.qualificationCountry')}
          searchable
          clearable
          data={countryCodes
            .map((c) => ({ value: c, label: countryName(c) }))
            .sort((a, b) => a.label.localeCompare(b.label))}
          value={params.get('country')}
          onChange={(v) => setFilter('country', v)}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('cases.outcome')}
          clearable
          data={enumOptions(t, 'outcome', procedureOutcomes)}
          value={params.get('outcome')}
          onChange={(v) => setFilter('outcome', v)}
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label={t('cases.germanAtLeast')}
          clearable
          data={[...cefrLevels]}
          value={params.get('minLevel')}
          onChange={(v) => setFilter('minLevel', v)}
          w={{ base: '100%', sm: 160 }}
        />
        <Checkbox
          label={t('cases.overdueOnly')}
          checked={params.get('overdueSteps') === 'true'}
          onChange={(e) => setFilter('overdueSteps', e.currentTarget.checked)}
          mb={8}
        />
        <Checkbox
          label={t('cases.includeClosed')}
          checked={params.get('includeClosed') === 'true'}
          onChange={(e) => setFilter('includeClosed', e.currentTarget.checked)}
          mb={8}
        />
        <SavedFilters list={list} />
      </ListFilters>
      {canReassign && <ReassignCases selected={selected} onDone={() => setSelected([])} />}
      <ListTable
        list={list}
        testId="cases-table"
        minWidth={860}
        rowKey={(c) => c.id}
        columns={[
          ...(canReassign
            ? [
                {
                  head: '',
                  width: 32,
                  card: 'select' as const,
                  cell: (c: Case) => (
                    <Checkbox
                      aria-label={t('cases.select', { name: `${c.givenNames} ${c.familyName}` })}
                      checked={selected.includes(c.id)}
                      onChange={(e) =>
                        setSelected((s) =>
                          e.currentTarget.checked ? [...s, c.id] : s.filter((x) => x !== c.id),
                        )
                      }
                    />
                  ),
                },
              ]
            : []),
          {
            head: t('cases.name'),
            card: 'title',
            cell: (c) => (
              <>
                <RowLink to={`/cases/${c.id}`}>
                  {c.familyName}, {c.givenNames}
                </RowLink>
                {c.originalName && (
                  <Text size="xs" c="dimmed">
                    <bdi>{c.originalName}</bdi>
                  </Text>
                )}
              </>
            ),
          },
          { head: t('cases.code'), nowrap: true, card: 'fact', cell: (c) => c.caseCode },
          { head: t('casefile:case.fields.birthDate'), cell: (c) => formatDate(c.birthDate) },
          {
            head: t('cases.stage'),
            card: 'badge',
            cell: (c) => (
              <Group gap={4} wrap="wrap">
                <Badge variant="light">{enumLabel(t, 'stage', c.stage)}</Badge>
                {c.restricted && (
                  <Badge color="grape" data-testid="restricted-badge">
                    {t('cases.restricted')}
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            head: t('casefile:case.fields.referenceOccupationId'),
            card: 'fact',
            cell: (c) => c.referenceOccupation ?? '–',
          },
          { head: t('case.owner'), card: 'fact', cell: (c) => c.owner.name },
          {
            head: t('cases.steps'),
            card: 'badge',
            cell: (c) =>
              c.overdueSteps > 0 ? (
                <Badge color="red">{t('cases.overdue', { count: c.overdueSteps })}</Badge>
              ) : (
                '–'
              ),
          },
        ]}
      />
    </Stack>
  );
}
