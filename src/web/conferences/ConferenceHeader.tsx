import { Alert, Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPresentation } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Conference } from '../../contracts/conferences';
import { useUser } from '../auth/session';
import { sectorLabel } from '../ui/pickers';
import { BackToConferences, StatusBadge } from './badges';
import { ConferenceDialog } from './ConferenceDialog';
import { StatusActions } from './StatusActions';
import { When } from './When';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children || <Text size="sm">–</Text>}</div>
    </div>
  );
}

export const isOpen = (c: Pick<Conference, 'status'>) =>
  c.status === 'planned' || c.status === 'invited' || c.status === 'agenda_fixed';

/**
 * Live mode is for the table: run by leads and by the conference's moderator and minute-taker (the
 * server decides; this only hides the button from the others), from the invitations until it is held.
 */
function LiveButton({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('conferences');
  const user = useUser();
  const runs = c.may.manage || c.moderator?.id === user.id || c.minuteTaker?.id === user.id;
  if (!runs || !['invited', 'agenda_fixed', 'held'].includes(c.status)) return null;
  return (
    <Button component={Link} to={`/conferences/${c.id}/live`} leftSection={<IconPresentation size={16} />}>
      {t('live.open')}
    </Button>
  );
}

/** The head of a conference: what, when (in the viewer's zone), where, who runs it, what is amiss, what to do next. */
export function ConferenceHeader({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('conferences');
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="sm">
      <BackToConferences />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="conference-title">
            {c.title}
          </Title>
          <Group gap="xs">
            <StatusBadge status={c.status} />
            <Badge variant="outline" color="gray">
              {sectorLabel(t, c.sector.name)}
            </Badge>
          </Group>
        </Stack>
        <Group gap="xs">
          <LiveButton conference={c} />
          {c.may.manage && (
            <Group gap="xs" data-page-actions>
              <StatusActions conference={c} only={['send', 'fix', 'reopen', 'held']} />
              {isOpen(c) && (
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} />}
                  onClick={() => setEditing(true)}
                >
                  {t('common.edit')}
                </Button>
              )}
              <StatusActions conference={c} only={['cancel']} />
            </Group>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Fact label={t('conferences.fields.when')}>
          <When c={c} />
        </Fact>
        <Fact label={t('conferences.fields.place')}>
          {(c.place || c.videoUrl) && (
            <Stack gap={0}>
              {c.place && <Text size="sm">{c.place}</Text>}
              {c.videoUrl && (
                <Anchor href={c.videoUrl} target="_blank" rel="noreferrer" size="sm">
                  {t('conferences.videoLink')}
                </Anchor>
              )}
            </Stack>
          )}
        </Fact>
        <Fact label={t('conferences.fields.moderator')}>
          {c.moderator && <Text size="sm">{c.moderator.name}</Text>}
        </Fact>
        <Fact label={t('conferences.fields.minuteTaker')}>
          {c.minuteTaker && <Text size="sm">{c.minuteTaker.name}</Text>}
        </Fact>
      </SimpleGrid>
      {c.status === 'cancelled' && (
        <Alert color="red" title={t('conferences.cancelledTitle')} data-testid="cancelled">
          {c.cancelReason || t('conferences.noReason')}
        </Alert>
      )}
      {c.warnings.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle />}
          title={t('conferences.warningsTitle')}
          data-testid="conference-warnings"
        >
          <List size="sm">
            {c.warnings.map((w) => (
              <List.Item key={w}>{t(`conferences.warnings.${w}`)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {editing && <ConferenceDialog conference={c} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
