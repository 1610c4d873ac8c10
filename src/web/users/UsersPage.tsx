import { Badge, Button, Group, Select, Stack, Table } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../contracts/auth';
import type { InvitationResult, User } from '../../contracts/users';
import { TwoFactorBadge } from '../auth/TwoFactorCard';
import { formatDateTime } from '../ui/format';
import { ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { userListQuery } from './api';
import { EditUserModal } from './EditUserModal';
import { InviteUserModal } from './InviteUserModal';
import { LinkResultModal } from './LinkResultModal';

const userFilters = (get: (key: string) => string | null) => ({ role: get('role'), status: get('status') });

export function UsersPage() {
  const { t } = useTranslation('users');
  const list = useList({ query: userListQuery, filters: userFilters });
  const { params, filters } = list;
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [link, setLink] = useState<InvitationResult | null>(null);

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
        {list.searchBox(t('users.search'))}
        <Select
          aria-label={t('users.role')}
          placeholder={t('users.allRoles')}
          clearable
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={filters.role}
          onChange={(v) => params.set('role', v)}
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
          value={filters.status}
          onChange={(v) => params.set('status', v)}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      <ListTable
        list={list}
        minWidth={720}
        heads={[
          t('users.name'),
          t('auth:auth.email'),
          t('users.roles'),
          t('users.status'),
          t('auth:profile.totp'),
          t('users.lastLogin'),
          '',
        ]}
      >
        {list.items.map((u) => (
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
      </ListTable>
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} onInvited={setLink} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} onLink={setLink} />}
      <LinkResultModal result={link} onClose={() => setLink(null)} />
    </Stack>
  );
}
