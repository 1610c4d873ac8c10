import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference } from '../../contracts/conferences';
import { useCan } from '../auth/session';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { pathwayListQuery } from './api';
import { PathwayDialog } from './PathwayDialog';
import { PathwaySteps } from './PathwaySteps';

/** A conference decides once it has begun: before that (or once cancelled) it adopts nothing. */
const mayAdopt = (c: Pick<Conference, 'status' | 'startsAt'>, now = Date.now()) =>
  ['held', 'minutes_published', 'closed'].includes(c.status) ||
  (c.status !== 'planned' && c.status !== 'cancelled' && Date.parse(c.startsAt) <= now);

/** The conference page's tab of the pathways adopted there, with "Adopt a pathway" for leads. */
export function ConferencePathways({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('pathways');
  const manage = useCan('pathways.manage');
  const [adopting, setAdopting] = useState(false);
  const adopted = useQuery(pathwayListQuery({ conferenceId: c.id, includeArchived: 'true', limit: 100 }));
  const items = adopted.data?.items ?? [];
  const open = mayAdopt(c);
  return (
    <Stack>
      {manage && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            {open ? t('conference.help') : t('conference.notYet')}
          </Text>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdopting(true)} disabled={!open}>
            {t('conference.adopt')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={adopted.error} />
      {adopted.data && items.length === 0 && <Text c="dimmed">{t('conference.none')}</Text>}
      {items.map((p) => (
        <Paper key={p.id} withBorder p="md" data-testid="adopted-pathway">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {p.title}
            </Title>
            <Text size="sm">{p.occupationGroup}</Text>
            <Text size="xs" c="dimmed">
              {[
                t('conference.adoptedOn', { date: formatDate(p.adoptedAt) }),
                t('pathways.followers', { count: p.followers }),
                p.archivedAt ? t('pathways.archived') : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <PathwaySteps steps={p.steps} />
          </Stack>
        </Paper>
      ))}
      {adopting && (
        <PathwayDialog conference={{ id: c.id, sectorId: c.sector.id }} onClose={() => setAdopting(false)} />
      )}
    </Stack>
  );
}
