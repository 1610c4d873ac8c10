import { Anchor, Box, Button, Select, Stack, Text } from '@mantine/core';
import { IconListSearch, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PartnerAccount, partnerStatuses } from '../../contracts/partners';
import { useCan } from '../auth/session';
import { TwoFactorBadge } from '../auth/TwoFactorCard';
import { formatDateTime } from '../ui/format';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { InstitutionSelect, knownInstitution } from '../ui/pickers';
import { AccountActions } from './AccountActions';
import { partnerListQuery } from './api';
import { useInvitation } from './LinkResultModal';
import { StatusBadge } from './StatusBadge';

const filtersOf = (get: (key: string) => string | null) => ({
  institutionId: get('institutionId'),
  status: get('status'),
});

/** The organisation's partner accounts (leads): invite, send a link again, end and restore access. */
export function PartnersPage() {
  const { t } = useTranslation('partners');
  const list = useList({ query: partnerListQuery, filters: filtersOf });
  const { params, filters } = list;
  const invitation = useInvitation();
  const canSeeActivity = useCan('partners.activity');
  const known = knownInstitution(list.items as PartnerAccount[], filters.institutionId);
  return (
    <Stack>
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={
          <>
            {canSeeActivity && (
              <Button
                component={Link}
                to="/partners/activity"
                variant="default"
                leftSection={<IconListSearch size={16} />}
              >
                {t('page.activity')}
              </Button>
            )}
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => invitation.invite()}>
              {t('page.invite')}
            </Button>
          </>
        }
      />
      <ListFilters list={list} search={list.searchBox(t('page.search'))}>
        <Box w={{ base: '100%', sm: 260 }}>
          <InstitutionSelect
            label={t('fields.institution')}
            placeholder={t('page.allInstitutions')}
            known={known}
            value={filters.institutionId}
            onChange={(v) => params.set('institutionId', v)}
          />
        </Box>
        <Select
          label={t('fields.status')}
          placeholder={t('page.allStatuses')}
          clearable
          data={partnerStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={filters.status}
          onChange={(v) => params.set('status', v)}
          w={{ base: '100%', sm: 200 }}
        />
      </ListFilters>
      <ListTable
        list={list}
        minWidth={860}
        rowKey={(a) => a.id}
        plainTitle
        testId="partner-accounts"
        columns={[
          { head: t('fields.name'), card: 'title', cell: (a) => <Text fw={500}>{a.name}</Text> },
          { head: t('fields.email'), card: 'fact', cell: (a) => a.email },
          {
            head: t('fields.institution'),
            card: 'fact',
            cell: (a) => (
              <Anchor component={Link} to={`/network/${a.institution.id}`} size="sm">
                {a.institution.name}
              </Anchor>
            ),
          },
          { head: t('fields.status'), card: 'badge', cell: (a) => <StatusBadge status={a.status} /> },
          { head: t('fields.totp'), nowrap: true, cell: (a) => <TwoFactorBadge enabled={a.totpEnabled} /> },
          { head: t('fields.lastLogin'), card: 'fact', cell: (a) => formatDateTime(a.lastLoginAt) },
          {
            head: '',
            card: 'action',
            cell: (a) => <AccountActions account={a} onLink={invitation.showLink} />,
          },
        ]}
      />
      {invitation.dialogs}
    </Stack>
  );
}
