import { Button, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '../../../contracts/conferences-live';
import { Timer } from './Clock';
import { NewCommitment } from './CommitmentForm';
import type { Change, NewChange } from './changes';
import type { Drafts } from './drafts';
import { itemName } from './LiveAgenda';
import { CarriedOver, CommitmentList } from './LiveCommitments';
import { EntryComposer, EntryList } from './LiveEntries';
import { shownEntries, waitingCommitments } from './view';

/**
 * The item on screen, large: what it is about, its timer, and what is said and agreed on it — the
 * entries with the composer, the commitments with their form. Next and previous call up the item
 * beside it for everyone (Alt+→ / Alt+←); an item only looked at can be called up from here.
 */
export function LiveItemPanel(p: {
  state: LiveState;
  shown: string;
  skew: number;
  waiting: readonly Change[];
  drafts: Drafts;
  author: string;
  add(c: NewChange): void;
  move(item: string | null): void;
}) {
  const { t } = useTranslation('conferences');
  const index = Math.max(
    0,
    p.state.items.findIndex((i) => i.key === p.shown),
  );
  const item = p.state.items[index];
  if (!item) return null;
  const closed = !p.state.open;
  const running = p.state.current?.item === item.key;
  const before = p.state.items[index - 1];
  const after = p.state.items[index + 1];
  const pendingEdits = (entryId: string) =>
    p.waiting.filter((c) => c.type === 'edit' && c.entryId === entryId).length;
  return (
    <Stack gap="md" data-testid="live-item">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('live.itemOf', { n: index + 1, count: p.state.items.length })}
        </Text>
        <Title order={2} data-testid="live-item-title" style={{ overflowWrap: 'anywhere' }}>
          {itemName(t, item, index)}
        </Title>
      </Stack>
      {item.question && (
        <Text size="xl" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {item.question}
        </Text>
      )}
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Timer state={p.state} item={item} skew={p.skew} />
        <Group gap="xs" wrap="wrap">
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
            disabled={closed || !before}
            onClick={() => before && p.move(before.key)}
          >
            {t('live.previous')}
          </Button>
          <Button
            rightSection={<IconArrowRight size={16} />}
            disabled={closed || !after}
            onClick={() => after && p.move(after.key)}
          >
            {t('live.next')}
          </Button>
          {running ? (
            <Button
              variant="subtle"
              leftSection={<IconPlayerStop size={16} />}
              disabled={closed}
              onClick={() => p.move(null)}
            >
              {t('live.stop')}
            </Button>
          ) : (
            <Button
              variant="light"
              leftSection={<IconPlayerPlay size={16} />}
              disabled={closed}
              onClick={() => p.move(item.key)}
            >
              {t('live.callUp')}
            </Button>
          )}
        </Group>
      </Group>
      <Divider />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('live.entries')}
          </Title>
          <EntryList
            entries={shownEntries(item, p.waiting, p.author)}
            pendingEdits={pendingEdits}
            disabled={closed}
            add={p.add}
          />
          <EntryComposer key={item.key} item={item.key} drafts={p.drafts} disabled={closed} add={p.add} />
        </Stack>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('live.commitments')}
          </Title>
          {item.kind === 'commitments' && <CarriedOver commitments={p.state.carriedOver} />}
          <CommitmentList
            state={p.state}
            made={item.commitments}
            waiting={waitingCommitments(p.state, item.key, p.waiting)}
            disabled={closed}
            add={p.add}
          />
          <NewCommitment
            key={item.key}
            state={p.state}
            item={item.key}
            drafts={p.drafts}
            disabled={closed}
            add={p.add}
          />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
