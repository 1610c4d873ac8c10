import { Anchor, Badge, Button, Select, Stack } from '@mantine/core';
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
import { RowLink } from '../ui/DataTable';
import { EnumFilter } from '../ui/EnumFilter';
import { FormModal } from '../ui/FormModal';
import { formatDate } from '../ui/format';
import { enumLabel, enumOptions } from '../ui/labels';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { addOffer, changeOffer, networkKeys, offerListQuery } from './api';
import { SectorFilter } from './SectorFilter';
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
  const { params: lp, filters, searchBox } = list;
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
      <ListFilters list={list} search={searchBox(t('offers.search'))}>
        <EnumFilter
          list={lp}
          name="kind"
          group="opportunityKind"
          values={opportunityKinds}
          placeholder={t('offers.allKinds')}
        />
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
        <SectorFilter value={filters.sectorId} onChange={(v) => lp.set('sectorId', v)} />
      </ListFilters>
      <ListTable
        list={list}
        testId="offers"
        minWidth={760}
        rowKey={(o) => o.id}
        columns={[
          {
            head: t('network.fields.title'),
            card: 'title',
            cell: (o) => <RowLink to={`/offers/${o.id}`}>{o.title}</RowLink>,
          },
          {
            head: t('network.fields.employerId'),
            card: 'fact',
            cell: (o) => (
              <Anchor component={Link} to={`/network/${o.employer.id}`} size="sm">
                {o.employer.name}
              </Anchor>
            ),
          },
          {
            head: t('network.fields.kind'),
            card: 'fact',
            cell: (o) => enumLabel(t, 'opportunityKind', o.kind),
          },
          { head: t('network.fields.occupationId'), cell: (o) => o.occupation?.title ?? '–' },
          { head: t('network.fields.startDate'), card: 'fact', cell: (o) => formatDate(o.startDate) },
          {
            head: t('network.fields.status'),
            card: 'badge',
            cell: (o) => (
              <Badge variant="light" color={offerStatusColor(o.status)}>
                {enumLabel(t, 'opportunityStatus', o.status)}
              </Badge>
            ),
          },
        ]}
      />
      {adding && <OfferModal offer={null} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
