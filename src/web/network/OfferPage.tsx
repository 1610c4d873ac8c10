import { Alert, Anchor, Badge, Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../auth/session';
import { Candidates } from '../measures/Candidates';
import { DetailHeader } from '../ui/DetailHeader';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { PageLoader } from '../ui/PageLoader';
import { sectorLabel } from '../ui/pickers';
import { offerDetailQuery } from './api';
import { OfferModal, offerStatusColor } from './OffersPage';

export function OfferPage() {
  const { t } = useTranslation('network');
  const { id = '' } = useParams();
  const canWorkCases = useCan('cases.work');
  const [editing, setEditing] = useState(false);
  const offer = useQuery(offerDetailQuery(id));
  if (offer.isPending) return <PageLoader />;
  if (offer.error || !offer.data) return <ErrorAlert error={offer.error} />;
  const o = offer.data;
  const facts = [
    [t('network.fields.sectorId'), o.sector ? sectorLabel(t, o.sector.name) : null],
    [t('network.fields.occupationId'), o.occupation?.title],
    [t('network.fields.district'), o.district ? enumLabel(t, 'district', o.district) : null],
    [t('network.fields.minLanguageLevel'), o.minLanguageLevel],
    [
      t('offers.period'),
      o.endDate
        ? `${formatDate(o.startDate)} – ${formatDate(o.endDate)}`
        : o.startDate
          ? t('offers.from', { date: formatDate(o.startDate) })
          : null,
    ],
    [t('network.fields.places'), String(o.places)],
  ].filter(([, v]) => v);
  return (
    <Stack gap="lg">
      <DetailHeader
        back={{ to: '/offers', label: t('offers.title') }}
        title={o.title}
        testId="offer-title"
        onEdit={() => setEditing(true)}
        badges={
          <>
            <Badge>{enumLabel(t, 'opportunityKind', o.kind)}</Badge>
            <Badge color={offerStatusColor(o.status)} variant="light">
              {enumLabel(t, 'opportunityStatus', o.status)}
            </Badge>
            <Anchor component={Link} to={`/network/${o.employer.id}`} size="sm">
              {o.employer.name}
            </Anchor>
          </>
        }
      />
      <Card withBorder>
        <Stack gap={4}>
          {facts.map(([k, v]) => (
            <Text key={k} size="sm">
              <b>{k}:</b> {v}
            </Text>
          ))}
          {o.description && (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {o.description}
            </Text>
          )}
        </Stack>
      </Card>
      {canWorkCases ? (
        <Candidates offer={o} />
      ) : (
        <Alert color="gray" variant="light">
          {t('offers.candidatesCounsellorsOnly')}
        </Alert>
      )}
      {editing && <OfferModal offer={o} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
