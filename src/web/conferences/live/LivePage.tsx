import { Alert, Anchor, Grid, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCloudOff, IconPlugConnected } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUser } from '../../auth/session';
import { ErrorAlert, errorMessage } from '../../ui/errors';
import { PageLoader } from '../../ui/PageLoader';
import type { Change } from './changes';
import { Drafts } from './drafts';
import { LiveAgenda } from './LiveAgenda';
import { LiveItemPanel } from './LiveItemPanel';
import type { Refusal } from './queue';
import { useLive } from './useLive';
import { shownItem } from './view';

/** Larger type for a projector: the whole page scales with the root font size (Mantine sizes are rem). */
function useProjector() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!on) return;
    const root = document.documentElement;
    const before = root.style.fontSize;
    root.style.fontSize = '137.5%';
    return () => {
      root.style.fontSize = before;
    };
  }, [on]);
  return [on, setOn] as const;
}

/** Alt+→ and Alt+← call up the next and the previous item (also from inside a text field). */
function useItemShortcuts(step: (by: 1 | -1) => void) {
  const latest = useRef(step);
  latest.current = step;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      // Alt+← is also the browser's "back": here it means the previous item.
      e.preventDefault();
      latest.current(e.key === 'ArrowRight' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** What a refused change said, so that it can be typed again. */
const typedIn = (c: Change) =>
  c.type === 'entry' || c.type === 'edit'
    ? c.body.text
    : c.type === 'commitment' || c.type === 'commitmentEdit'
      ? c.body.action
      : '';

function Connection({ connected, waiting }: { connected: boolean; waiting: number }) {
  const { t } = useTranslation('conferences');
  return (
    <Group
      gap={6}
      role="status"
      data-testid="live-connection"
      data-connected={connected}
      c={connected ? 'green.9' : 'red.9'}
    >
      {connected ? <IconPlugConnected size={18} aria-hidden /> : <IconCloudOff size={18} aria-hidden />}
      <Text size="sm" fw={600}>
        {connected
          ? waiting
            ? t('live.sending', { count: waiting })
            : t('live.connected')
          : t('live.offline', { count: waiting })}
      </Text>
    </Group>
  );
}

function Refusals({ refusals, dismiss }: { refusals: Refusal[]; dismiss(r: Refusal): void }) {
  const { t } = useTranslation('conferences');
  return refusals.map((r) => (
    <Alert
      key={r.change.id}
      color="red"
      title={t('live.refused')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={() => dismiss(r)}
    >
      <Text size="sm">{errorMessage(t, r.error)}</Text>
      {typedIn(r.change) && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {t('live.refusedText', { text: typedIn(r.change) })}
        </Text>
      )}
    </Alert>
  ));
}

/** Live mode of a conference: one screen for moderator and minute-taker, in two browsers at once. */
export function LivePage() {
  const { t } = useTranslation('conferences');
  const { id = '' } = useParams();
  const user = useUser();
  const live = useLive(id);
  const [projector, setProjector] = useProjector();
  const [draftItems, setDraftItems] = useState<ReadonlySet<string>>(() => new Set());
  const [drafts] = useState(() => new Drafts(setDraftItems));
  const [viewing, setViewing] = useState<string | null>(null);
  const before = useRef<string | null>(null);
  const data = live.state.data;
  const running = data?.current?.item ?? null;
  // Someone called up another item: every screen follows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the running item changes
  useEffect(() => setViewing(null), [running]);
  const shown = data ? (viewing ?? shownItem(data, live.waiting, before.current)) : 'commitments';
  before.current = shown;
  const move = (item: string | null) => {
    setViewing(null);
    live.queue.add({ type: 'item', body: { item } });
  };
  useItemShortcuts((by) => {
    if (!data?.open) return;
    const next = data.items[data.items.findIndex((i) => i.key === shown) + by];
    if (next) move(next.key);
  });
  // The server's clock against this browser's, taken when a state with the server's time arrives.
  const serverTime = data?.serverTime;
  const skew = useMemo(() => (serverTime ? Date.parse(serverTime) - Date.now() : 0), [serverTime]);
  const heading = (
    <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
      {data ? t('live.title', { title: data.conference.title }) : t('live.titlePlain')}
    </Title>
  );
  if (live.state.isPending) return <PageLoader />;
  if (!data)
    return (
      <Stack>
        {heading}
        <ErrorAlert error={live.state.error} />
      </Stack>
    );
  return (
    <Stack gap="md" data-testid="live-page">
      <Anchor component={Link} to={`/conferences/${id}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('live.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        {heading}
        <Group gap="lg" wrap="wrap">
          <Connection connected={live.connected} waiting={live.waiting.length} />
          <Switch
            label={t('live.projector')}
            checked={projector}
            onChange={(e) => setProjector(e.currentTarget.checked)}
          />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" visibleFrom="sm">
        {t('live.shortcuts')}
      </Text>
      {!data.open && data.closedBecause && (
        <Alert color="yellow" data-testid="live-closed">
          {t(`live.closed.${data.closedBecause}`)}
        </Alert>
      )}
      <Refusals refusals={live.refusals} dismiss={live.dismiss} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }} order={{ base: 2, md: 1 }}>
          <LiveAgenda state={data} shown={shown} skew={skew} drafts={draftItems} onShow={setViewing} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }} order={{ base: 1, md: 2 }}>
          <LiveItemPanel
            state={data}
            shown={shown}
            skew={skew}
            waiting={live.waiting}
            drafts={drafts}
            author={user.name}
            add={(c) => live.queue.add(c)}
            move={move}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
