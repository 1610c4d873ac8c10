import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Opportunity } from '../../contracts/network';
import { ErrorAlert, notifyError, notifySaved } from '../ui/errors';
import { enumLabel } from '../ui/labels';
import { candidatesQuery, suggestOffer } from './api';
import { Reasons } from './Reasons';

/** The cases an offer suits (only those whose consent lets the profile go to this employer). */
export function Candidates({ offer }: { offer: Opportunity }) {
  const { t } = useTranslation('measures');
  const [done, setDone] = useState<string[]>([]);
  const candidates = useQuery(candidatesQuery(offer.id));
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('network:offers.candidates')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('network:offers.candidatesHelp')}
      </Text>
      <ErrorAlert error={candidates.error} />
      {candidates.isPending && <Loader size="sm" />}
      {candidates.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('network:offers.noCandidates')}
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
                      await suggestOffer(c.client.id, offer.id);
                      setDone((d) => [...d, c.client.id]);
                      notifySaved(t, t('network:offers.suggested', { name: c.client.name }));
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
