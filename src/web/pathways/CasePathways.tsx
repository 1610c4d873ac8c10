import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathwayOffer } from '../../contracts/pathways';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { ApplyDialog } from './ApplyDialog';
import { pathwayOffersQuery } from './api';

/** Where an offer comes from and what it asks, in one line. */
function useOrigin() {
  const { t } = useTranslation('pathways');
  return (o: PathwayOffer) =>
    [
      o.conference &&
        t('offers.adoptedAt', { conference: o.conference.title, date: formatDate(o.adoptedAt) }),
      t('offers.steps', { count: o.steps.length }),
    ]
      .filter(Boolean)
      .join(' · ');
}

/** Whether the case follows the pathway now, and how far it got; or the button to apply it. */
function OfferState({ offer: o, onApply }: { offer: PathwayOffer; onApply(): void }) {
  const { t } = useTranslation('pathways');
  const f = o.following;
  if (f?.status === 'open')
    return (
      <Stack gap={2} align="flex-start" data-testid="pathway-following">
        <Badge color="teal" variant="light" tt="none">
          {t('offers.following', { date: formatDate(f.since) })}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('offers.progress', { done: f.stepsDone, count: f.steps })}
        </Text>
      </Stack>
    );
  return (
    <Group gap="xs">
      {f?.status === 'achieved' && (
        <Badge color="green" variant="light" tt="none">
          {t('offers.achieved')}
        </Badge>
      )}
      <Button size="sm" onClick={onApply} aria-label={t('offers.applyNamed', { title: o.title })}>
        {t('offers.apply')}
      </Button>
    </Group>
  );
}

/**
 * The case plan's card "Pathways for this profession": the pathways agreed for the case's
 * reference occupations, each applied in one click. Shown only when there are some. Its own
 * chunk, with the conference pages' texts (see casefile/CasePlan.tsx).
 */
export function CasePathways({ clientId }: { clientId: string }) {
  const { t } = useTranslation('pathways');
  const offers = useQuery(pathwayOffersQuery(clientId));
  const origin = useOrigin();
  const [applying, setApplying] = useState<PathwayOffer | null>(null);
  if (offers.error) return <ErrorAlert error={offers.error} />;
  if (!offers.data?.length) return null;
  return (
    <Paper withBorder p="md" data-testid="case-pathways">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('offers.title')}
        </Title>
        {offers.data.map((o) => (
          <Group key={o.id} justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
              <Text fw={500}>{o.title}</Text>
              <Text size="sm">{o.occupationGroup}</Text>
              <Text size="xs" c="dimmed">
                {origin(o)}
              </Text>
            </Stack>
            <OfferState offer={o} onApply={() => setApplying(o)} />
          </Group>
        ))}
      </Stack>
      {applying && <ApplyDialog clientId={clientId} offer={applying} onClose={() => setApplying(null)} />}
    </Paper>
  );
}
