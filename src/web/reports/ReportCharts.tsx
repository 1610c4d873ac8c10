import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportLabels } from '../../contracts/report-labels';
import type { ReportCell, ReportResult, ReportTable } from '../../contracts/reports';
import { type Bar, BarChart } from './BarChart';
import { LineChart } from './LineChart';
import { cellText, columnLabel, rowLabel, rowsByOf, tableLabels, useReportLabels } from './labels';

/**
 * What the bar chart shows: the first table's main column by row where the report is broken
 * down; without rows to compare, the first table that splits its total into columns (sessions by
 * type …), as those columns.
 */
function barsOf(result: ReportResult, labels: ReportLabels, locale: string) {
  const first = result.tables[0];
  if (!first) return null;
  const bar = (
    key: string,
    label: string,
    cell: ReportCell,
    kind: ReportTable['columns'][number]['kind'],
  ) => ({
    key,
    label,
    value: cell.suppressed ? null : cell.value,
    text: cellText(labels, locale, cell, kind),
    suppressed: cell.suppressed,
  });
  const main = first.columns[0];
  if (main && first.rows.length > 1)
    return {
      figure: columnLabel(labels, main.key),
      by: labels.rowsBy[rowsByOf(first, result.by)] ?? first.rowsBy,
      bars: first.rows.map((r) =>
        bar(
          r.key,
          rowLabel(labels, first, result.by, r),
          r.cells[0] ?? { value: null, suppressed: null },
          main.kind,
        ),
      ),
    };
  const split = result.tables.find((t) => t.partition) ?? first;
  return {
    figure: tableLabels(labels, result.report, split.id).title,
    by: null,
    bars: split.columns.map((c, i) =>
      bar(
        c.key,
        columnLabel(labels, c.key),
        split.totalRow.cells[i] ?? { value: null, suppressed: null },
        c.kind,
      ),
    ),
  };
}

/** The report's main figures as pictures: a bar chart, and the headline figure month by month. */
export function ReportCharts({ result }: { result: ReportResult }) {
  const { t } = useTranslation('reports');
  const { labels, locale } = useReportLabels();
  const spoken = (b: { label: string; text: string; suppressed: ReportCell['suppressed'] }) =>
    `${b.label}: ${b.suppressed ? t(`chart.${b.suppressed}`) : b.text}`;
  const bars = barsOf(result, labels, locale);
  const trend = result.trend;
  const trendTable = trend && result.tables.find((x) => x.id === trend.table);
  const trendKind = trendTable?.columns.find((c) => c.key === trend?.column)?.kind ?? 'count';
  const trendFigure =
    trend &&
    (trend.column === 'total'
      ? tableLabels(labels, result.report, trend.table).title
      : columnLabel(labels, trend.column));
  const month = (m: string, style: 'short' | 'long') =>
    new Date(`${m}-01T00:00:00`).toLocaleDateString(locale, {
      month: style,
      year: style === 'short' ? '2-digit' : 'numeric',
    });
  const barTitle =
    bars && (bars.by ? t('chart.byRows', { figure: bars.figure, rows: bars.by }) : bars.figure);
  return (
    <Stack gap="xs" component="section">
      <Title order={3} size="h4">
        {t('chart.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {bars && barTitle && (
          <BarChart
            title={barTitle}
            summary={`${barTitle}. ${bars.bars.map((b: Bar & { suppressed: ReportCell['suppressed'] }) => spoken(b)).join('; ')}.`}
            bars={bars.bars}
            testId="report-bar-chart"
          />
        )}
        {trend && trendFigure && trend.months.length > 0 && (
          <LineChart
            title={t('chart.trend', { figure: trendFigure })}
            summary={`${t('chart.trend', { figure: trendFigure })}. ${trend.months
              .map((m) =>
                spoken({
                  label: month(m.month, 'long'),
                  text: cellText(labels, locale, m.cell, trendKind),
                  suppressed: m.cell.suppressed,
                }),
              )
              .join('; ')}.`}
            points={trend.months.map((m) => ({
              key: m.month,
              label: month(m.month, 'short'),
              value: m.cell.suppressed ? null : m.cell.value,
            }))}
            locale={locale}
            testId="report-line-chart"
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
