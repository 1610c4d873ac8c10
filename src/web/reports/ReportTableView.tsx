import { Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportRow, ReportTable } from '../../contracts/reports';
import {
  cellText,
  columnLabel,
  previousCell,
  rowLabel,
  rowsByOf,
  tableLabels,
  useReportLabels,
} from './labels';

/** A cell the lead picked to see the cases behind it. */
export interface CellPick {
  table: string;
  row: string;
  column: string;
  /** How the dialog names it: "Weiblich · Erstberatung". */
  name: string;
}

interface Props {
  report: string;
  /** The breakdown asked for: the rows of a table that follows it. */
  by: string;
  table: ReportTable;
  /** The same table of the previous period, when compared. */
  previous?: ReportTable;
  compare: boolean;
  /** Given for leads: a figure opens the cases behind it. */
  onPick?(pick: CellPick): void;
}

/**
 * One table of a report: its title and definition, the rows by what they split (the breakdown or
 * the table's own), the columns, the row total of a partition and the total row. A hidden cell
 * shows "< 5" or "•" (for a lead too; a lead may still open its cases). With the comparison on,
 * each figure has the previous period's beneath it. Wider than the screen, it scrolls in its box.
 */
export function ReportTableView({ report, by, table, previous, compare, onPick }: Props) {
  const { t } = useTranslation('reports');
  const { labels, locale } = useReportLabels();
  const id = useId();
  const { title, definition } = tableLabels(labels, report, table.id);
  const columns = [
    ...table.columns.map((c) => ({ key: c.key, kind: c.kind })),
    ...(table.partition ? [{ key: 'total', kind: table.columns[0]?.kind ?? 'count' } as const] : []),
  ];
  const cellsOf = (row: ReportRow): (ReportCell | null)[] => [
    ...row.cells,
    ...(table.partition ? [row.total] : []),
  ];
  const rowsBy = rowsByOf(table, by);
  // Without a breakdown the one row is the total itself.
  const single = rowsBy === 'none' && table.rows.length === 1;
  const lines: { row: ReportRow; total: boolean }[] = single
    ? [{ row: table.totalRow, total: true }]
    : [...table.rows.map((row) => ({ row, total: false })), { row: table.totalRow, total: true }];

  const cell = (row: ReportRow, total: boolean, c: (typeof columns)[number], value: ReportCell | null) => {
    if (!value) return <Table.Td key={c.key} />;
    const text = cellText(labels, locale, value, c.kind);
    const rowName = total ? labels.columns.total : rowLabel(labels, table, by, row);
    const before = compare ? previousCell(previous, total ? null : row.key, c.key) : null;
    // Nothing stands behind a plain count (conferences held) or a zero; a hidden cell may hide any number.
    const drill = onPick && c.kind !== 'plain' && value.value !== 0;
    const name = `${rowName} · ${columnLabel(labels, c.key)}`;
    return (
      <Table.Td key={c.key} ta="right" data-column={c.key} style={{ whiteSpace: 'nowrap' }}>
        {drill ? (
          <UnstyledButton
            data-testid="report-cell"
            aria-label={t('drill.open', { value: text, name })}
            onClick={() => onPick({ table: table.id, row: row.key, column: c.key, name })}
            td="underline"
            c="blue.8"
            fz="sm"
            fw={total ? 700 : undefined}
          >
            {text}
          </UnstyledButton>
        ) : (
          <Text span fz="sm" fw={total ? 700 : undefined} data-testid="report-cell">
            {text}
          </Text>
        )}
        {compare && (
          <Text fz="xs" c="dimmed" data-testid="report-previous">
            {t('previousValue', {
              value: before ? cellText(labels, locale, before, c.kind) : '–',
            })}
          </Text>
        )}
      </Table.Td>
    );
  };

  return (
    <Stack gap="xs" component="section" data-testid={`report-table-${table.id}`}>
      <Title order={3} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" id={`${id}-definition`}>
        {definition}
      </Text>
      <Table.ScrollContainer minWidth={180 + columns.length * 120}>
        <Table
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-definition`}
          striped
          withTableBorder
          verticalSpacing="xs"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{labels.rowsBy[rowsBy] ?? ''}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" ta="right">
                  {columnLabel(labels, c.key)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map(({ row, total }) => (
              <Table.Tr
                key={total ? ':total' : row.key}
                data-testid={total ? 'report-total-row' : 'report-row'}
              >
                <Table.Th scope="row" fw={total ? 700 : 500}>
                  {total ? labels.columns.total : rowLabel(labels, table, by, row)}
                </Table.Th>
                {columns.map((c, i) => cell(row, total, c, cellsOf(row)[i] ?? null))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
