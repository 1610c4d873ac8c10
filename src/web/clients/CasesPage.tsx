import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  MultiSelect,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconBookmark,
  IconDownload,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ClientPage, type SavedFilter, stages } from '../../contracts/clients';
import { procedureOutcomes } from '../../contracts/recognition';
import { cefrLevels, countryCodes } from '../../contracts/reference';
import { api, get, post } from '../app/api';
import { useCan } from '../auth/session';
import { ErrorAlert, notifyError, notifySaved } from '../ui/errors';
import { ColleagueSelect } from '../ui/fields';
import { formatDate } from '../ui/format';
import { countryName, enumLabel, enumOptions } from '../ui/labels';
import { PageHeader } from '../ui/PageHeader';
import { OccupationSelect } from '../ui/pickers';

const PAGE = 50;
const filterKeys = [
  'q',
  'stage',
  'counsellorId',
  'occupationId',
  'country',
  'outcome',
  'minLevel',
  'overdueSteps',
  'includeClosed',
  'sort',
] as const;

/** The counsellor's case list: search in any script, filters kept in the URL, saved filters, export, bulk handover. */
export function CasesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canReassign = useCan('cases.reassign');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search, 250);
  // Searching starts at the second letter: one letter matches nearly everyone.
  const searchTerm = q.trim().length >= 2 ? q.trim() : '';
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [reassignTo, setReassignTo] = useState<string | null>(null);
  const [reassigning, setReassigning] = useState(false);
  const [saveName, setSaveName] = useState('');
  const [saving, setSaving] = useState(false);

  const filter = Object.fromEntries(
    filterKeys.map((k) => [k, k === 'q' ? searchTerm : (params.get(k) ?? undefined)]),
  ) as Record<string, string | undefined>;
  const setFilter = (key: string, value: string | null | boolean) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '' || value === false) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
    setPage(1);
  };
  const stageValues = params.get('stage')?.split(',').filter(Boolean) ?? [];
  /** The API query of the current filters (stages repeat; "German at least" means the language deu). */
  const apiQuery = (extra: Record<string, string | number>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (k !== 'stage' && v) p.set(k, v);
    for (const s of stageValues) p.append('stage', s);
    if (filter.minLevel) p.set('language', 'deu');
    for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
    return p.toString();
  };
  const listQuery = apiQuery({ limit: PAGE, offset: (page - 1) * PAGE });
  const list = useQuery({
    queryKey: ['cases', listQuery],
    queryFn: () => get<ClientPage>(`/api/clients?${listQuery}`),
    placeholderData: keepPreviousData,
  });
  const saved = useQuery({
    queryKey: ['saved-filters'],
    queryFn: () => get<SavedFilter[]>('/api/saved-filters'),
  });
  const exportHref = (format: 'csv' | 'xlsx') => `/api/clients/export?${apiQuery({ format })}`;

  const applySaved = (f: SavedFilter) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f.query))
      if (v !== null && v !== undefined && v !== '') next.set(k, String(v));
    setSearch(String(f.query.q ?? ''));
    setParams(next, { replace: true });
    setPage(1);
  };

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
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          label={t('cases.search')}
          placeholder={t('cases.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 280 }}
          data-testid="case-search"
        />
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
        <Menu>
          <Menu.Target>
            <Button variant="subtle" leftSection={<IconBookmark size={16} />}>
              {t('cases.savedFilters')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(saved.data ?? []).map((f) => (
              <Menu.Item
                key={f.id}
                onClick={() => applySaved(f)}
                rightSection={
                  <IconTrash
                    size={14}
                    aria-label={t('common.delete')}
                    onClick={async (e) => {
                      e.stopPropagation();
                      await api('DELETE', `/api/saved-filters/${f.id}`);
                      await queryClient.invalidateQueries({ queryKey: ['saved-filters'] });
                    }}
                  />
                }
              >
                {f.name}
              </Menu.Item>
            ))}
            {(saved.data ?? []).length > 0 && <Menu.Divider />}
            <Menu.Item onClick={() => setSaving(true)}>{t('cases.saveFilter')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div style={{ width: 220 }}>
          <ColleagueSelect
            label={t('cases.counsellor')}
            value={params.get('counsellorId')}
            onChange={(v) => setFilter('counsellorId', v)}
          />
        </div>
        <div style={{ width: 260 }}>
          <OccupationSelect
            label={t('case.fields.referenceOccupationId')}
            value={params.get('occupationId')}
            onChange={(id) => setFilter('occupationId', id)}
          />
        </div>
        <Select
          label={t('cases.qualificationCountry')}
          searchable
          clearable
          data={countryCodes
            .map((c) => ({ value: c, label: countryName(c) }))
            .sort((a, b) => a.label.localeCompare(b.label))}
          value={params.get('country')}
          onChange={(v) => setFilter('country', v)}
          w={200}
        />
        <Select
          label={t('cases.outcome')}
          clearable
          data={enumOptions(t, 'outcome', procedureOutcomes)}
          value={params.get('outcome')}
          onChange={(v) => setFilter('outcome', v)}
          w={220}
        />
        <Select
          label={t('cases.germanAtLeast')}
          clearable
          data={[...cefrLevels]}
          value={params.get('minLevel')}
          onChange={(v) => setFilter('minLevel', v)}
          w={160}
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
      </Group>
      <ErrorAlert error={list.error} />
      {canReassign && selected.length > 0 && (
        <Group>
          <Text size="sm">{t('cases.selected', { count: selected.length })}</Text>
          <Button size="xs" leftSection={<IconUsers size={14} />} onClick={() => setReassigning(true)}>
            {t('cases.reassign')}
          </Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={860}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="cases-table">
          <Table.Thead>
            <Table.Tr>
              {canReassign && <Table.Th w={32} />}
              <Table.Th>{t('cases.name')}</Table.Th>
              <Table.Th>{t('cases.code')}</Table.Th>
              <Table.Th>{t('case.fields.birthDate')}</Table.Th>
              <Table.Th>{t('cases.stage')}</Table.Th>
              <Table.Th>{t('case.fields.referenceOccupationId')}</Table.Th>
              <Table.Th>{t('case.owner')}</Table.Th>
              <Table.Th>{t('cases.steps')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((c) => (
              <Table.Tr key={c.id}>
                {canReassign && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('cases.select', { name: `${c.givenNames} ${c.familyName}` })}
                      checked={selected.includes(c.id)}
                      onChange={(e) =>
                        setSelected((s) =>
                          e.currentTarget.checked ? [...s, c.id] : s.filter((x) => x !== c.id),
                        )
                      }
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${c.id}`} fw={500}>
                    {c.familyName}, {c.givenNames}
                  </Anchor>
                  {c.originalName && (
                    <Text size="xs" c="dimmed">
                      <bdi>{c.originalName}</bdi>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.caseCode}</Table.Td>
                <Table.Td>{formatDate(c.birthDate)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{enumLabel(t, 'stage', c.stage)}</Badge>
                </Table.Td>
                <Table.Td>{c.referenceOccupation ?? '–'}</Table.Td>
                <Table.Td>{c.owner.name}</Table.Td>
                <Table.Td>
                  {c.overdueSteps > 0 ? (
                    <Badge color="red">{t('cases.overdue', { count: c.overdueSteps })}</Badge>
                  ) : (
                    '–'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
      {list.data && list.data.total > PAGE && (
        <Pagination total={Math.ceil(list.data.total / PAGE)} value={page} onChange={setPage} />
      )}

      <Modal opened={saving} onClose={() => setSaving(false)} title={t('cases.saveFilter')}>
        <Stack>
          <TextInput
            label={t('cases.filterName')}
            value={saveName}
            onChange={(e) => setSaveName(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button
              disabled={!saveName.trim()}
              onClick={async () => {
                try {
                  await post('/api/saved-filters', {
                    name: saveName.trim(),
                    query: { ...Object.fromEntries(params), q: search || undefined },
                  });
                  await queryClient.invalidateQueries({ queryKey: ['saved-filters'] });
                  setSaving(false);
                  setSaveName('');
                  notifySaved(t);
                } catch (e) {
                  notifyError(t, e);
                }
              }}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={reassigning} onClose={() => setReassigning(false)} title={t('cases.reassign')}>
        <Stack>
          <Text size="sm">{t('cases.reassignHelp', { count: selected.length })}</Text>
          <ColleagueSelect
            label={t('case.handoverTo')}
            value={reassignTo}
            onChange={setReassignTo}
            clearable={false}
          />
          <Group justify="flex-end">
            <Button
              disabled={!reassignTo}
              onClick={async () => {
                try {
                  const r = await post<{ moved: number }>('/api/clients/reassign', {
                    clientIds: selected,
                    toUserId: reassignTo,
                  });
                  notifySaved(t, t('cases.reassigned', { count: r.moved }));
                  setSelected([]);
                  setReassigning(false);
                  await queryClient.invalidateQueries({ queryKey: ['cases'] });
                } catch (e) {
                  notifyError(t, e);
                }
              }}
            >
              {t('cases.reassign')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
