import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationResult, User } from '../../contracts/users';
import { TwoFactorBadge } from '../auth/TwoFactorCard';
import { formatDateTime } from '../ui/format';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { staffRoles, userListQuery } from './api';
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
      <ListFilters list={list} search={list.searchBox(t('users.search'))}>
        <Select
          aria-label={t('users.role')}
          placeholder={t('users.allRoles')}
          clearable
          data={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
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
      </ListFilters>
      <ListTable
        list={list}
        minWidth={720}
        rowKey={(u) => u.id}
        plainTitle
        columns={[
          { head: t('users.name'), card: 'title', cell: (u) => <Text fw={500}>{u.name}</Text> },
          { head: t('auth:auth.email'), card: 'fact', cell: (u) => u.email },
          {
            head: t('users.roles'),
            card: 'badge',
            cell: (u) => (
              <Group gap={4}>
                {u.roles.map((r) => (
                  <Badge key={r} variant="light">
                    {t(`roles.${r}`)}
                  </Badge>
                ))}
              </Group>
            ),
          },
          { head: t('users.team'), card: 'fact', cell: (u) => u.team ?? '–' },
          {
            head: t('users.status'),
            card: 'badge',
            cell: (u) => (
              <Badge
                color={u.status === 'active' ? 'green' : u.status === 'invited' ? 'blue' : 'gray'}
                variant="dot"
              >
                {t(`users.statuses.${u.status}`)}
              </Badge>
            ),
          },
          {
            head: t('auth:profile.totp'),
            nowrap: true,
            cell: (u) => <TwoFactorBadge enabled={u.totpEnabled} />,
          },
          { head: t('users.lastLogin'), card: 'fact', cell: (u) => formatDateTime(u.lastLoginAt) },
          {
            head: '',
            card: 'action',
            cell: (u) => (
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setEditing(u)}
                aria-label={`${t('common.edit')}: ${u.name}`}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} onInvited={setLink} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} onLink={setLink} />}
      <LinkResultModal result={link} onClose={() => setLink(null)} />
    </Stack>
  );
}
