import { Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LiveItem, LiveState } from '../../../contracts/conferences-live';
import { SlotClock } from './Clock';

/** An item's name on the live screen: the first item's, or the case as the viewer may see it. */
export function itemName(t: TFunction, item: LiveItem, index: number): string {
  if (item.kind === 'commitments') return t('agenda.commitments');
  return item.visible ? item.label : t('live.caseN', { n: index });
}

/**
 * The agenda beside the current item: each item with its time against its slot, the running one
 * marked. Choosing one shows it here without calling it up for everyone (that is the item's
 * own button, or next/previous).
 */
export function LiveAgenda({
  state,
  shown,
  skew,
  drafts,
  onShow,
}: {
  state: LiveState;
  shown: string;
  skew: number;
  /** Items with something typed and not yet added. */
  drafts: ReadonlySet<string>;
  onShow(key: string): void;
}) {
  const { t } = useTranslation('conferences');
  return (
    <nav aria-labelledby="live-agenda-title">
      <Title order={2} size="h4" id="live-agenda-title" mb="xs">
        {t('live.agenda')}
      </Title>
      <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {state.items.map((item, i) => {
          const running = state.current?.item === item.key;
          const here = item.key === shown;
          return (
            <li key={item.key}>
              <UnstyledButton
                onClick={() => onShow(item.key)}
                aria-current={here ? 'step' : undefined}
                data-testid="live-agenda-item"
                w="100%"
              >
                <Paper
                  withBorder
                  p="xs"
                  bg={here ? 'var(--mantine-color-blue-light)' : undefined}
                  style={{ borderColor: here ? 'var(--mantine-color-blue-filled)' : undefined }}
                >
                  <Text size="sm" fw={here ? 700 : 500}>
                    {i === 0 ? itemName(t, item, i) : `${i}. ${itemName(t, item, i)}`}
                  </Text>
                  <Group gap="xs" justify="space-between" wrap="wrap">
                    <SlotClock state={state} item={item} skew={skew} />
                    <Group gap={4}>
                      {running && (
                        <Badge color="green" variant="filled" size="sm">
                          {t('live.running')}
                        </Badge>
                      )}
                      {drafts.has(item.key) && (
                        <Badge color="gray" variant="outline" size="sm">
                          {t('live.draft')}
                        </Badge>
                      )}
                    </Group>
                  </Group>
                </Paper>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
    </nav>
  );
}
