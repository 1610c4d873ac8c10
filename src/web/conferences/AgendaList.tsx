import { ActionIcon, Badge, Box, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical } from '@tabler/icons-react';
import { type DragEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Nomination } from '../../contracts/conferences';
import { clock } from './time';

export interface Slot {
  /** null: the fixed first item, open commitments from earlier conferences. */
  nomination: Nomination | null;
  startsAt: string;
  minutes: number;
}

/**
 * The agenda as an ordered list. Where `onMove` is given, the cases can be moved: dragged with the
 * pointer (the browser's own drag and drop), or with the up and down buttons from the keyboard,
 * after which the focus stays on the moved case and a live region says where it went.
 */
export function AgendaList({
  slots,
  onMove,
  first,
}: {
  slots: Slot[];
  /** Shown under the first item: the commitments it is about. */
  first?: ReactNode;
  /** Moves the case at `from` (0 = the first case) to `to`. */
  onMove?(from: number, to: number): void;
}) {
  const { t } = useTranslation('conferences');
  const list = useRef<HTMLOListElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  // After a move by button: the same button of the moved case keeps the focus (the other one at an end).
  const [focus, setFocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const cases = slots.filter((s) => s.nomination);
  useEffect(() => {
    if (!focus || !list.current) return;
    const button = (dir: string) =>
      list.current?.querySelector<HTMLButtonElement>(`[data-move="${focus.id}:${dir}"]:not(:disabled)`);
    (button(focus.dir) ?? button(focus.dir === 'up' ? 'down' : 'up'))?.focus();
    setFocus(null);
  }, [focus]);

  const move = (from: number, to: number, dir?: 'up' | 'down') => {
    const n = cases[from]?.nomination;
    if (!onMove || !n || to < 0 || to >= cases.length || from === to) return;
    onMove(from, to);
    setSaid(t('agenda.moved', { label: n.client.label, position: to + 1, count: cases.length }));
    if (dir) setFocus({ id: n.id, dir });
  };
  const drop = (e: DragEvent, to: number) => {
    e.preventDefault();
    if (dragging !== null) move(dragging, to);
    setDragging(null);
    setOver(null);
  };

  return (
    <>
      <ol
        ref={list}
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}
        data-testid="agenda"
      >
        {slots.map((s) => {
          const index = s.nomination ? cases.indexOf(s) : -1;
          const n = s.nomination;
          const movable = Boolean(onMove && n);
          return (
            <Paper
              key={n?.id ?? 'commitments'}
              component="li"
              withBorder
              p="xs"
              draggable={movable}
              onDragStart={(e: DragEvent) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', n?.id ?? '');
                setDragging(index);
              }}
              onDragOver={(e: DragEvent) => {
                if (dragging === null || !movable) return;
                e.preventDefault();
                setOver(index);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
              onDrop={(e: DragEvent) => movable && drop(e, index)}
              bg={over === index && dragging !== index ? 'blue.0' : undefined}
              style={{ opacity: dragging === index ? 0.5 : 1, cursor: movable ? 'grab' : undefined }}
              data-testid="agenda-item"
            >
              <Group gap="sm" wrap="nowrap" align="flex-start">
                {onMove && (
                  <Box w={18} pt={2} c="dimmed" aria-hidden>
                    {n && <IconGripVertical size={18} />}
                  </Box>
                )}
                <Text size="sm" fw={700} w={48} style={{ flexShrink: 0 }}>
                  {clock(s.startsAt)}
                </Text>
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {n ? n.client.label : t('agenda.commitments')}
                  </Text>
                  {!n && first}
                  {n && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {n.question}
                    </Text>
                  )}
                  {n && (
                    <Group gap={4}>
                      {n.recipients.map((r) => (
                        <Badge key={r.institution.id} size="sm" variant="outline" color="gray">
                          {r.institution.name}
                        </Badge>
                      ))}
                      {n.agreedBeforehand.length > 0 && (
                        <Badge size="sm" color="teal" variant="light">
                          {t('nominations.agreedBeforehand')}
                        </Badge>
                      )}
                    </Group>
                  )}
                </Stack>
                <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                  {t('agenda.minutes', { count: s.minutes })}
                </Text>
                {onMove && n && (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('agenda.up', { label: n.client.label })}
                      disabled={index === 0}
                      data-move={`${n.id}:up`}
                      onClick={() => move(index, index - 1, 'up')}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('agenda.down', { label: n.client.label })}
                      disabled={index === cases.length - 1}
                      data-move={`${n.id}:down`}
                      onClick={() => move(index, index + 1, 'down')}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            </Paper>
          );
        })}
      </ol>
      <VisuallyHidden aria-live="polite" role="status" data-testid="agenda-announcement">
        {said}
      </VisuallyHidden>
    </>
  );
}
