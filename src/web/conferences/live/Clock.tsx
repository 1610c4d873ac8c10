import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveItem, LiveState } from '../../../contracts/conferences-live';
import { clockText, elapsedOf, pace } from './view';

/** Amber and red of the theme, readable as text on white (app/theme.ts); each goes with words. */
const paceColours = { fine: undefined, near: 'yellow.9', over: 'red.9' } as const;

/** The time now, every second, for the component that shows a running clock (and only for it). */
function useNow(ms = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

interface ClockProps {
  state: LiveState;
  item: LiveItem;
  /** Server clock minus this browser's, in ms. */
  skew: number;
}

/** "03:12 / 10:00" for the agenda: the time spent on the item and its slot. */
export function SlotClock({ state, item, skew }: ClockProps) {
  const { t } = useTranslation('conferences');
  const now = useNow();
  const elapsed = elapsedOf(state, item, now, skew);
  const p = pace(elapsed, item.slotMinutes);
  return (
    <Text size="sm" ff="monospace" c={paceColours[p]} fw={p === 'fine' ? undefined : 700}>
      {t('live.slotOf', { elapsed: clockText(elapsed), slot: clockText(item.slotMinutes * 60) })}
    </Text>
  );
}

/** The item's timer, large: counts up while the item runs, amber near the end of its slot, red over it. */
export function Timer({ state, item, skew }: ClockProps) {
  const { t } = useTranslation('conferences');
  const now = useNow();
  const elapsed = elapsedOf(state, item, now, skew);
  const p = pace(elapsed, item.slotMinutes);
  const running = state.current?.item === item.key;
  return (
    <Group gap="sm" align="baseline" wrap="wrap" data-testid="live-timer" data-pace={p}>
      <Text
        component="span"
        role="timer"
        aria-label={t('live.timerLabel')}
        fz="3rem"
        fw={700}
        ff="monospace"
        c={paceColours[p]}
        lh={1}
      >
        {clockText(elapsed)}
      </Text>
      <Text component="span" c="dimmed" size="lg">
        {t('live.ofSlot', { slot: clockText(item.slotMinutes * 60) })}
      </Text>
      {p !== 'fine' && (
        <Group gap={4} c={paceColours[p]} wrap="nowrap">
          <IconAlertTriangle size={18} aria-hidden />
          <Text component="span" fw={700}>
            {p === 'over'
              ? t('live.over', { by: clockText(elapsed - item.slotMinutes * 60) })
              : t('live.near')}
          </Text>
        </Group>
      )}
      {!running && (
        <Group gap={4} c="dimmed" wrap="nowrap">
          <IconClockHour4 size={18} aria-hidden />
          <Text component="span" size="sm">
            {t('live.notRunning')}
          </Text>
        </Group>
      )}
    </Group>
  );
}
