import { Anchor, Box, Group, Paper, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';

/** One column of a list: its head, its cell, and where the cell goes on a phone's card. */
export interface Column<T> {
  /** The column head; empty for a column without one (a checkbox, a button). */
  head: string;
  /** A narrow column of this width. */
  width?: number;
  cell(item: T): ReactNode;
  nowrap?: boolean;
  /**
   * On a narrow screen each row is a card: `title` holds the row's link or button (a click
   * anywhere on the card follows it), `badge` goes under the title, `fact` is a labelled line,
   * `select` sits before the title (a checkbox), `action` after it. Columns without one are left
   * off the card.
   */
  card?: 'title' | 'badge' | 'fact' | 'select' | 'action';
}

/** The link of a row to its record: the title of its card, followed by a click anywhere on the card. */
export const RowLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <Anchor component={Link} to={to} fw={500}>
    {children}
  </Anchor>
);

/** Whether the screen is wider than a phone (Mantine's `sm`): tables there, cards below. */
export function useWideScreen() {
  const theme = useMantineTheme();
  // Read at once, not after a first render, so a phone never draws the table for a frame.
  return useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
}

/** A cell that says nothing (a dash for "none") is no fact worth a line on a card. */
const isEmpty = (v: ReactNode) => v === null || v === undefined || v === false || v === '' || v === '–';

/** The cells of these columns that say something, with their heads. */
const filled = <T,>(columns: Column<T>[], item: T) =>
  columns
    .map((c, i) => ({ key: `${i}:${c.head}`, head: c.head, value: c.cell(item) }))
    .filter((c) => !isEmpty(c.value));

/** A click on the card, outside its own controls, follows the title's link (or presses its button). */
function followTitle(e: MouseEvent<HTMLElement>) {
  if ((e.target as HTMLElement).closest('a, button, input, label, [role="button"]')) return;
  e.currentTarget.querySelector<HTMLElement>('[data-card-title] a, [data-card-title] button')?.click();
}

/** One row as a phone's card: the title, its badges, a few labelled facts, its controls. */
function Card<T>({ item, columns, linked }: { item: T; columns: Column<T>[]; linked: boolean }) {
  const cells = (role: Column<T>['card']) =>
    filled(
      columns.filter((c) => c.card === role),
      item,
    );
  const badges = cells('badge');
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      onClick={linked ? followTitle : undefined}
      style={linked ? { cursor: 'pointer' } : undefined}
      data-testid="list-card"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {cells('select').map((c) => (
          <Box key={c.key}>{c.value}</Box>
        ))}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          {cells('title').map((c) => (
            <Box key={c.key} data-card-title>
              {c.value}
            </Box>
          ))}
          {badges.length > 0 && (
            <Group gap={4}>
              {badges.map((c) => (
                <Box key={c.key}>{c.value}</Box>
              ))}
            </Group>
          )}
          {cells('fact').map((c) => (
            <Group key={c.key} gap={6} wrap="nowrap" align="baseline">
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {c.head}
              </Text>
              <Box fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {c.value}
              </Box>
            </Group>
          ))}
        </Stack>
        {cells('action').map((c) => (
          <Box key={c.key}>{c.value}</Box>
        ))}
      </Group>
    </Paper>
  );
}

export interface DataTableProps<T> {
  items: T[];
  columns: Column<T>[];
  rowKey(item: T): string;
  testId?: string;
  /** Below this width the table scrolls inside its box (wide screens only). */
  minWidth: number;
  /** Rows of a log are read, not picked: no highlight under the pointer. */
  highlightOnHover?: boolean;
  striped?: boolean;
  verticalSpacing?: 'xs' | 'sm' | number;
  /** A short list without column heads (the dashboard's cards). */
  withHeads?: boolean;
  /** The title is plain text (a log, a list whose rows open with a button of their own): no pointer on the card. */
  plainTitle?: boolean;
}

/**
 * Rows as a table on a wide screen and as cards on a phone, from one column spec, so that no list
 * puts its columns off-screen. The card holds the title and the few facts that matter.
 */
export function DataTable<T>(p: DataTableProps<T>) {
  const wide = useWideScreen();
  if (!wide)
    return (
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} data-testid={p.testId}>
        {p.items.map((item) => (
          <Card key={p.rowKey(item)} item={item} columns={p.columns} linked={!p.plainTitle} />
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={p.minWidth}>
      <Table
        striped={p.striped ?? true}
        highlightOnHover={p.highlightOnHover ?? true}
        verticalSpacing={p.verticalSpacing ?? 'xs'}
        data-testid={p.testId}
      >
        {p.withHeads !== false && (
          <Table.Thead>
            <Table.Tr>
              {p.columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional (some heads are empty)
                <Table.Th key={i} w={c.width}>
                  {c.head}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
        )}
        <Table.Tbody>
          {p.items.map((item) => (
            <Table.Tr key={p.rowKey(item)}>
              {p.columns.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <Table.Td key={i} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {c.cell(item)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
