import { Anchor, Badge, Button, Group, Select, Stack, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  type Opportunity,
  opportunityBody,
  opportunityKinds,
  opportunityStatuses,
} from '../../contracts/network';
import { FormModal } from '../ui/FormModal';
import { formatDate } from '../ui/format';
import { enumLabel, enumOptions } from '../ui/labels';
import { ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { SectorSelect } from '../ui/pickers';
import { addOffer, changeOffer, networkKeys, offerListQuery } from './api';
import { offerForm, offerSpecs } from './specs';

/** Adds or changes an offer; a new one may start from its employer. */
export function OfferModal({
  offer,
  employer,
  onClose,
}: {
  offer: Opportunity | null;
  employer?: { id: string; name: string };
  onClose(): void;
}) {
  const { t } = useTranslation('network');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const initial = offerForm(offer);
  if (!offer && employer) initial.employerId = employer.id;
  return (
    <FormModal
      title={offer ? offer.title : t('offers.add')}
      specs={offerSpecs}
      initial={initial}
      known={offer ?? (employer ? { employer } : undefined)}
      schema={offer ? undefined : opportunityBody}
      save={async (values) => {
        if (offer) await changeOffer(offer.id, { ...values, version: offer.version });
        else {
          const created = await addOffer(values);
          navigate(`/offers/${created.id}`);
        }
        await queryClient.invalidateQueries({ queryKey: networkKeys.offerLists });
        await queryClient.invalidateQueries({ queryKey: networkKeys.offers });
      }}
      onClose={onClose}
    />
  );
}

export const offerStatusColor = (s: string) => (s === 'open' ? 'green' : s === 'filled' ? 'blue' : 'gray');

const offerFilters = (get: (key: string) => string | null) => ({
  kind: get('kind'),
  status: get('status') ?? (get('all') ? null : 'open'),
  sectorId: get('sectorId'),
});

/** Employers' offers: internships, jobs, trial work and qualification places. */
export function OffersPage() {
  const { t } = useTranslation('network');
  const [adding, setAdding] = useState(false);
  const list = useList({ query: offerListQuery, filters: offerFilters });
  const { params: lp, filters, items, searchBox, enumFilter } = list;
  return (
    <Stack>
      <PageHeader
        title={t('offers.title')}
        description={t('offers.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('offers.add')}
          </Button>
        }
      />
      <Group gap="sm" wrap="wrap">
        {searchBox(t('offers.search'))}
        {enumFilter('kind', 'opportunityKind', opportunityKinds, t('offers.allKinds'))}
        <Select
          aria-label={t('network.fields.status')}
          placeholder={t('offers.allStatuses')}
          clearable
          data={enumOptions(t, 'opportunityStatus', opportunityStatuses)}
          value={filters.status}
          onChange={(v) => {
            lp.set('status', v);
            if (!v) lp.set('all', '1');
          }}
          w={{ base: '100%', sm: 180 }}
        />
        <SectorSelect
          label=""
          placeholder={t('network.allSectors')}
          value={filters.sectorId}
          onChange={(v) => lp.set('sectorId', v)}
          w={220}
        />
      </Group>
      <ListTable
        list={list}
        testId="offers"
        minWidth={760}
        heads={[
          t('network.fields.title'),
          t('network.fields.employerId'),
          t('network.fields.kind'),
          t('network.fields.occupationId'),
          t('network.fields.startDate'),
          t('network.fields.status'),
        ]}
      >
        {items.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Anchor component={Link} to={`/offers/${o.id}`} fw={500}>
                {o.title}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/network/${o.employer.id}`} size="sm">
                {o.employer.name}
              </Anchor>
            </Table.Td>
            <Table.Td>{enumLabel(t, 'opportunityKind', o.kind)}</Table.Td>
            <Table.Td>{o.occupation?.title ?? '–'}</Table.Td>
            <Table.Td>{formatDate(o.startDate)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={offerStatusColor(o.status)}>
                {enumLabel(t, 'opportunityStatus', o.status)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {adding && <OfferModal offer={null} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
