import { Badge, Select, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, type PersonLookupResult } from '../../contracts/audit';
import { useCan } from '../auth/session';
import { formatDateTime } from '../ui/format';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { AuditDetails } from './AuditDetails';
import { auditActorsQuery, auditTrailQuery, personSearchQuery } from './api';

const toIso = (value: string | null) => (value ? new Date(value).toISOString() : undefined);

/** The trail's filters from the address; the times as the pickers give them, sent as ISO. */
const auditFilters = (get: (key: string) => string | null) => ({
  actorId: get('actorId'),
  subjectId: get('subjectId'),
  action: get('action'),
  from: toIso(get('from')),
  to: toIso(get('to')),
});

export function AuditPage() {
  const { t } = useTranslation('audit');
  const trail = useList({ query: auditTrailQuery, filters: auditFilters, pageSize: 50 });
  const { params } = trail;
  const actors = useQuery(auditActorsQuery);
  // Looking a person up by name is the dpo's (the admin has no case content); the server refuses it too.
  const canFindPersons = useCan('audit.persons');
  /** A filter in the address (a new filter starts at the first page). */
  const filter = (key: string) => ({
    value: params.get(key),
    onChange: (v: string | null) => params.set(key, v),
  });
  const actionLabel = (a: string) => t(`auditActions.${a}`, { defaultValue: a });

  return (
    <Stack>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <ListFilters list={trail}>
        {canFindPersons && (
          <PersonSelect
            {...filter('subjectId')}
            known={trail.items.find((e) => e.subject?.id === params.get('subjectId'))?.subject ?? null}
          />
        )}
        <Select
          label={t('audit.user')}
          placeholder={t('audit.anyone')}
          searchable
          clearable
          data={(actors.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
          {...filter('actorId')}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          searchable
          clearable
          data={auditActions.map((a) => ({ value: a, label: actionLabel(a) }))}
          {...filter('action')}
          w={{ base: '100%', sm: 280 }}
        />
        <DateTimePicker label={t('audit.from')} clearable {...filter('from')} w={{ base: '100%', sm: 200 }} />
        <DateTimePicker label={t('audit.to')} clearable {...filter('to')} w={{ base: '100%', sm: 200 }} />
      </ListFilters>
      <Text size="sm" c="dimmed">
        {t('audit.count', { count: trail.data?.total ?? 0 })}
      </Text>
      <ListTable
        list={trail}
        testId="audit-table"
        minWidth={800}
        highlightOnHover={false}
        plainTitle
        rowKey={(e) => e.id}
        columns={[
          { head: t('audit.when'), nowrap: true, card: 'title', cell: (e) => formatDateTime(e.at) },
          {
            head: t('audit.user'),
            card: 'fact',
            cell: (e) => (e.actor ? e.actor.name : <Text c="dimmed">{t('audit.system')}</Text>),
          },
          {
            head: t('audit.action'),
            card: 'badge',
            cell: (e) => (
              <Badge variant="light" color={e.action.endsWith('failed') ? 'red' : 'blue'}>
                {actionLabel(e.action)}
              </Badge>
            ),
          },
          {
            head: t('audit.object'),
            card: 'fact',
            cell: (e) =>
              e.subject
                ? e.subject.label
                : e.entityType
                  ? [t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType }), e.entityLabel]
                      .filter(Boolean)
                      .join(': ')
                  : '–',
          },
          { head: t('audit.address'), cell: (e) => e.ip ?? '–' },
          { head: t('audit.details'), card: 'fact', cell: (e) => <AuditDetails entry={e} /> },
        ]}
      />
    </Stack>
  );
}

type Person = PersonLookupResult[number];

/** Finds the person whose data a question is about (name in any script or case number); the lookup is recorded. */
function PersonSelect(p: {
  value: string | null;
  onChange(id: string | null): void;
  /** The person of the filter as the trail names it, when the page opens with the filter set. */
  known: { id: string; label: string } | null;
}) {
  const { t } = useTranslation('audit');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<Person | null>(null);
  const found = useQuery({ ...personSearchQuery(q), enabled: q.trim().length >= 2 });
  const items = [...(chosen ? [chosen] : []), ...(found.data ?? []).filter((p) => p.id !== chosen?.id)];
  const options = items.map((p) => ({ value: p.id, label: `${p.name} (${p.caseCode})` }));
  if (p.known && p.known.id === p.value && !items.some((x) => x.id === p.value))
    options.unshift({ value: p.known.id, label: p.known.label });
  return (
    <Select
      label={t('audit.person')}
      placeholder={t('audit.personSearch')}
      searchable
      clearable
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 ? t('common.nothingFound') : t('fields.typeToSearch')}
      data={options}
      value={p.value}
      onSearchChange={setSearch}
      onChange={(id) => {
        setChosen(items.find((x) => x.id === id) ?? null);
        p.onChange(id);
      }}
      w={{ base: '100%', sm: 280 }}
    />
  );
}
