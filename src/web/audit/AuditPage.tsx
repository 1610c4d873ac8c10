import { Badge, Code, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditActor, type AuditPage as AuditPageData, auditActions } from '../../contracts/audit';
import { get, query } from '../app/api';
import { ErrorAlert } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';

const PAGE = 50;

const toIso = (value: string | Date | null) => (value ? new Date(value).toISOString() : undefined);

export function AuditPage() {
  const { t } = useTranslation();
  const [actorId, setActorId] = useState<string | null>(null);
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const actors = useQuery({
    queryKey: ['audit-users'],
    queryFn: () => get<AuditActor[]>('/api/audit/users'),
  });
  const trail = useQuery({
    queryKey: ['audit', actorId, subjectId, action, from, to, page],
    queryFn: () =>
      get<AuditPageData>(
        `/api/audit${query({ actorId, subjectId, action, from: toIso(from), to: toIso(to), limit: PAGE, offset: (page - 1) * PAGE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const actionLabel = (a: string) => t(`auditActions.${a}`, { defaultValue: a });

  return (
    <Stack>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <PersonSelect value={subjectId} onChange={reset(setSubjectId)} />
        <Select
          label={t('audit.user')}
          placeholder={t('audit.anyone')}
          searchable
          clearable
          data={(actors.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
          value={actorId}
          onChange={reset(setActorId)}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          searchable
          clearable
          data={auditActions.map((a) => ({ value: a, label: actionLabel(a) }))}
          value={action}
          onChange={reset(setAction)}
          w={{ base: '100%', sm: 280 }}
        />
        <DateTimePicker
          label={t('audit.from')}
          clearable
          value={from}
          onChange={reset(setFrom)}
          w={{ base: '100%', sm: 200 }}
        />
        <DateTimePicker
          label={t('audit.to')}
          clearable
          value={to}
          onChange={reset(setTo)}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      <ErrorAlert error={trail.error} />
      <Text size="sm" c="dimmed">
        {t('audit.count', { count: trail.data?.total ?? 0 })}
      </Text>
      <Table.ScrollContainer minWidth={800}>
        <Table striped verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('audit.user')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.object')}</Table.Th>
              <Table.Th>{t('audit.address')}</Table.Th>
              <Table.Th>{t('audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trail.data?.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.actor ? e.actor.name : <Text c="dimmed">{t('audit.system')}</Text>}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={e.action.endsWith('failed') ? 'red' : 'blue'}>
                    {actionLabel(e.action)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {e.subject
                    ? e.subject.label
                    : e.entityType
                      ? [t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType }), e.entityLabel]
                          .filter(Boolean)
                          .join(': ')
                      : '–'}
                </Table.Td>
                <Table.Td>{e.ip ?? '–'}</Table.Td>
                <Table.Td>{e.details ? <Code>{JSON.stringify(e.details)}</Code> : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {trail.data && trail.data.total > PAGE && (
        <Pagination total={Math.ceil(trail.data.total / PAGE)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}

interface Person {
  id: string;
  caseCode: string;
  name: string;
  birthDate: string | null;
}

/** Finds the person whose data a question is about (name in any script or case number); the lookup is recorded. */
function PersonSelect({ value, onChange }: { value: string | null; onChange(id: string | null): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<Person | null>(null);
  const found = useQuery({
    queryKey: ['audit-persons', q],
    queryFn: () => get<Person[]>(`/api/audit/persons${query({ q })}`),
    enabled: q.trim().length >= 2,
  });
  const items = [...(chosen ? [chosen] : []), ...(found.data ?? []).filter((p) => p.id !== chosen?.id)];
  return (
    <Select
      label={t('audit.person')}
      placeholder={t('audit.personSearch')}
      searchable
      clearable
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 ? t('common.nothingFound') : t('fields.typeToSearch')}
      data={items.map((p) => ({ value: p.id, label: `${p.name} (${p.caseCode})` }))}
      value={value}
      onSearchChange={setSearch}
      onChange={(id) => {
        setChosen(items.find((p) => p.id === id) ?? null);
        onChange(id);
      }}
      w={{ base: '100%', sm: 280 }}
    />
  );
}
