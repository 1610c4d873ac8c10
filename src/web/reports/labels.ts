import { useTranslation } from 'react-i18next';
import { type ReportLabels, reportLabels } from '../../contracts/report-labels';
import type { ColumnKind, ReportCell, ReportRow, ReportTable } from '../../contracts/reports';

/** The words of the reports in the interface language: the same file the exports are written from. */
export function useReportLabels() {
  const { i18n } = useTranslation('reports');
  const language = i18n.language === 'en' ? 'en' : 'de';
  return { labels: reportLabels[language], locale: language === 'en' ? 'en-GB' : 'de-DE' };
}

/** What a table's rows are: the breakdown asked for (`breakdown`), or the table's own (measure types …). */
export const rowsByOf = (table: Pick<ReportTable, 'rowsBy'>, by: string) =>
  table.rowsBy === 'breakdown' ? by : table.rowsBy;

/** A row's name, as the exports print it: its own label (a sector, a team), else the words of its key. */
export function rowLabel(labels: ReportLabels, table: ReportTable, by: string, row: ReportRow): string {
  return (
    row.label ??
    labels.rows[rowsByOf(table, by)]?.[row.key] ??
    labels.rows[table.rowsBy]?.[row.key] ??
    row.key
  );
}

export const columnLabel = (labels: ReportLabels, key: string) => labels.columns[key] ?? key;

export const tableLabels = (labels: ReportLabels, report: string, table: string) =>
  labels.tables[`${report}.${table}`] ?? { title: table, definition: '' };

/** A figure as shown: hidden cells as "< 5" or "•", a share with one decimal and "%", else a count. */
export function cellText(labels: ReportLabels, locale: string, cell: ReportCell, kind: ColumnKind): string {
  if (cell.suppressed === 'primary') return labels.hidden.primary;
  if (cell.suppressed === 'secondary') return labels.hidden.secondary;
  if (cell.value === null) return '–';
  if (kind === 'share')
    return `${cell.value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
  return cell.value.toLocaleString(locale, { maximumFractionDigits: 1 });
}

/** The same table of the previous period, and in it the cell at the same row and column. */
export function previousCell(
  previous: ReportTable | undefined,
  rowKey: string | null,
  column: string,
): ReportCell | null {
  if (!previous) return null;
  const row = rowKey === null ? previous.totalRow : previous.rows.find((r) => r.key === rowKey);
  if (!row) return null;
  if (column === 'total') return row.total;
  const index = previous.columns.findIndex((c) => c.key === column);
  return index < 0 ? null : (row.cells[index] ?? null);
}
