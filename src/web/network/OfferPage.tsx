import { Alert, Anchor, Badge, Button, Card, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Candidate } from '../../contracts/measures';
import type { Opportunity } from '../../contracts/network';
import { get, post } from '../app/api';
import { useSession } from '../app/session';
import { DetailHeader } from '../ui/DetailHeader';
import { ErrorAlert, notifyError, notifySaved } from '../ui/errors';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { PageLoader } from '../ui/PageLoader';
import { sectorLabel } from '../ui/pickers';
import { OfferModal, offerStatusColor } from './OffersPage';
import { Reasons } from './Reasons';

/** The cases an offer suits (only those whose consent lets the profile go to this employer). */
function Candidates({ offer }: { offer: Opportunity }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string[]>([]);
  const candidates = useQuery({
    queryKey: ['candidates', offer.id],
    queryFn: () => get<Candidate[]>(`/api/opportunities/${offer.id}/candidates`),
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('offers.candidates')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('offers.candidatesHelp')}
      </Text>
      <ErrorAlert error={candidates.error} />
      {candidates.isPending && <Loader size="sm" />}
      {candidates.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('offers.noCandidates')}
        </Text>
      )}
      <Stack gap="xs" data-testid="candidates">
        {candidates.data?.map((c) => (
          <Paper key={c.client.id} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/cases/${c.client.id}?tab=network`} fw={500}>
                    {c.client.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {c.client.caseCode} · {enumLabel(t, 'stage', c.client.stage)} · {c.client.owner}
                  </Text>
                </Group>
                <Reasons reasons={c.reasons} warnings={c.warnings} />
              </div>
              {c.placement || done.includes(c.client.id) ? (
                <Badge variant="light" style={{ flexShrink: 0 }} data-testid="candidate-status">
                  {enumLabel(t, 'placementStatus', c.placement ?? 'suggested')}
                </Badge>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  style={{ flexShrink: 0 }}
                  disabled={offer.status !== 'open'}
                  onClick={async () => {
                    try {
                      await post(`/api/clients/${c.client.id}/opportunities`, { opportunityId: offer.id });
                      setDone((d) => [...d, c.client.id]);
                      notifySaved(t, t('offers.suggested', { name: c.client.name }));
                    } catch (e) {
                      notifyError(t, e);
                    }
                  }}
                >
                  {t('match.suggest')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

export function OfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  const offer = useQuery({
    queryKey: ['offer', id],
    queryFn: () => get<Opportunity>(`/api/opportunities/${id}`),
  });
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
      {user?.permissions.includes('cases.work') ? (
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
