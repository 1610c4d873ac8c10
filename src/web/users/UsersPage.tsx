import { Badge, Button, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../contracts/auth';
import type { InvitationResult, User } from '../../contracts/users';
import { get, query } from '../app/api';
import { TwoFactorBadge } from '../auth/TwoFactorCard';
import { ErrorAlert } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { EditUserModal } from './EditUserModal';
import { InviteUserModal } from './InviteUserModal';
import { LinkResultModal } from './LinkResultModal';

const PAGE = 25;

export function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [link, setLink] = useState<InvitationResult | null>(null);

  const list = useQuery({
    queryKey: ['users', q, role, status, page],
    queryFn: () =>
      get<{ items: User[]; total: number }>(
        `/api/users${query({ q, role, status, limit: PAGE, offset: (page - 1) * PAGE })}`,
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
            {t('users.invite')}
          </Button>
        }
      />
      <Group gap="sm" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          aria-label={t('users.role')}
          placeholder={t('users.allRoles')}
          clearable
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          aria-label={t('users.status')}
          placeholder={t('users.allStatuses')}
          clearable
          data={(['active', 'invited', 'deactivated'] as const).map((s) => ({
            value: s,
            label: t(`users.statuses.${s}`),
          }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('users.roles')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th>{t('profile.totp')}</Table.Th>
              <Table.Th>{t('users.lastLogin')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} variant="light">
                        {t(`roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={u.status === 'active' ? 'green' : u.status === 'invited' ? 'blue' : 'gray'}
                    variant="dot"
                  >
                    {t(`users.statuses.${u.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <TwoFactorBadge enabled={u.totpEnabled} />
                </Table.Td>
                <Table.Td>{formatDateTime(u.lastLoginAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditing(u)}
                    aria-label={`${t('common.edit')}: ${u.name}`}
                  >
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
      {list.data && list.data.total > PAGE && (
        <Pagination
          total={Math.ceil(list.data.total / PAGE)}
          value={page}
          onChange={setPage}
          getControlProps={() => ({})}
        />
      )}
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} onInvited={setLink} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} onLink={setLink} />}
      <LinkResultModal result={link} onClose={() => setLink(null)} />
    </Stack>
  );
}
