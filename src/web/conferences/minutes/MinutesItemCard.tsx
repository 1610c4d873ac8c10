import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Commitment } from '../../../contracts/commitments';
import type { MinutesItem, MinutesReceipt } from '../../../contracts/conferences-minutes';
import { formatDate, formatDateTime } from '../../ui/format';
import { LevelBadge } from '../badges';

/** An item by its name: the first item's, or the case as the viewer may see it. */
export const itemTitle = (t: TFunction, item: MinutesItem) =>
  item.nomination ? item.nomination.client.label : t('minutes.first');

const statusColours = { open: 'blue', done: 'green', dropped: 'gray' } as const;

/** The item's commitments, read-only: who does what by when, and how it stands. */
function Commitments({ list, first }: { list: Commitment[]; first: boolean }) {
  const { t } = useTranslation('conferences');
  if (list.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('minutes.noCommitments')}
      </Text>
    );
  return (
    <List spacing={4} size="sm" listStyleType="none" data-testid="minutes-commitments">
      {list.map((cm) => (
        <List.Item key={cm.id}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={500}>
              {cm.contact?.name || cm.responsibleName
                ? `${cm.institution.name} (${cm.contact?.name ?? cm.responsibleName})`
                : cm.institution.name}
            </Text>
            <Text size="sm">{first && cm.client ? `${cm.client.label}: ${cm.action}` : cm.action}</Text>
            <Text size="xs" c="dimmed">
              {t('minutes.due', { date: formatDate(cm.dueDate) })}
            </Text>
            <Badge size="sm" variant="light" color={cm.overdue ? 'red' : statusColours[cm.status]}>
              {cm.overdue ? t('minutes.overdue') : t(`minutes.commitmentStatus.${cm.status}`)}
            </Badge>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** Per invited institution what its copy carries of the item, and why nothing where nothing. */
function Receipts({ list }: { list: MinutesReceipt[] }) {
  const { t } = useTranslation('conferences');
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('minutes.receives')}
      </Text>
      <Group gap="md" align="flex-start">
        {list.map((r) => (
          <Stack key={r.institution.id} gap={2} data-testid="minutes-receipt">
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{r.institution.name}</Text>
              {r.level ? (
                <LevelBadge level={r.level} />
              ) : (
                <Badge color="gray" variant="light">
                  {t('minutes.commitmentsCount', { count: r.commitments })}
                </Badge>
              )}
            </Group>
            {r.reason && (
              <Text size="xs" c="red.9">
                {r.reason === 'not_needed' ? t('minutes.notNeeded') : t(`nominations.reason.${r.reason}`)}
              </Text>
            )}
          </Stack>
        ))}
      </Group>
    </Stack>
  );
}

/** One agenda item of the minutes: its text (edited, or drafted from live mode), commitments, recipients. */
export function MinutesItemCard(p: {
  item: MinutesItem;
  index: number;
  /** Published: the text is what went out, no longer a draft. */
  published: boolean;
  onEdit?(): void;
}) {
  const { t } = useTranslation('conferences');
  const { item } = p;
  const n = item.nomination;
  const shown = item.text ?? item.draft;
  const title = itemTitle(t, item);
  return (
    <Paper withBorder p="md" component="li" data-testid="minutes-item">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={3} size="h5">
              {`${p.index + 1}. `}
              {n?.client.visible ? (
                <Anchor component={Link} to={`/cases/${n.client.id}`}>
                  {title}
                </Anchor>
              ) : (
                title
              )}
            </Title>
            {n && <Text size="sm">{n.question}</Text>}
            <Group gap={6}>
              {n?.anonymised && (
                <Badge color="indigo" variant="light">
                  {t('nominations.anonymised')}
                </Badge>
              )}
              {item.edited ? (
                // Text, not a badge: a name and a time are too long for one on a phone.
                <Text size="xs" c="teal.9" data-testid="minutes-state">
                  {item.edited.by
                    ? t('minutes.edited', { by: item.edited.by, at: formatDateTime(item.edited.at) })
                    : t('minutes.editedAt', { at: formatDateTime(item.edited.at) })}
                </Text>
              ) : (
                !p.published && (
                  <Badge color="gray" variant="light" data-testid="minutes-state">
                    {t('minutes.draft')}
                  </Badge>
                )
              )}
            </Group>
          </Stack>
          {p.onEdit && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} />}
              aria-label={t('minutes.editFor', { label: title })}
              onClick={p.onEdit}
              style={{ flexShrink: 0 }}
            >
              {t('minutes.edit')}
            </Button>
          )}
        </Group>
        {item.conflicts > 0 && !item.text && (
          <Alert color="orange" icon={<IconAlertTriangle />} p="xs">
            {t('minutes.conflicts', { count: item.conflicts })}
          </Alert>
        )}
        {shown === null ? (
          <Text size="sm" c="dimmed">
            {t('minutes.hidden')}
          </Text>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={shown.trim() ? undefined : 'dimmed'}>
            {shown.trim() || t('minutes.nothing')}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('minutes.commitments')}
          </Text>
          <Commitments list={item.commitments} first={item.kind === 'commitments'} />
        </Stack>
        <Receipts list={item.recipients} />
      </Stack>
    </Paper>
  );
}
