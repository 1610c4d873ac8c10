import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCatalogue, ReportResult } from '../../contracts/reports';
import { useCan } from '../auth/session';
import { DownloadLink } from '../ui/DownloadLink';
import { formatDate, formatDateTime } from '../ui/format';
import { reportBundleUrl, reportFileUrl } from './api';
import { DrillDownDialog } from './DrillDownDialog';
import { useReportLabels } from './labels';
import { ReportCharts } from './ReportCharts';
import { type CellPick, ReportTableView } from './ReportTableView';
import { SaveReportDialog } from './SavedReports';

/**
 * A report as run: whose figures, the period (and the one compared with), the definition's
 * version; the charts, every table with its definition, the legend of hidden cells; exports of
 * this report and of every report of the period; saving it; and for leads the cases behind a cell.
 */
export function ReportView({
  result,
  entry,
  onNewest,
}: {
  result: ReportResult;
  entry: ReportCatalogue[number] | undefined;
  /** Runs the report by its newest definition instead of the saved one. */
  onNewest(): void;
}) {
  const { t, i18n } = useTranslation('reports');
  const { labels } = useReportLabels();
  const mayDrill = useCan('reports.drilldown');
  const [pick, setPick] = useState<CellPick | null>(null);
  const [saving, setSaving] = useState(false);
  const compare = result.previous !== null;
  const file = {
    report: result.report,
    version: result.version,
    from: result.from,
    to: result.to,
    by: result.by,
  };
  const hidden = result.tables.some((x) =>
    [...x.rows, x.totalRow].some((r) => [...r.cells, r.total].some((c) => c?.suppressed)),
  );
  const period = (from: string, to: string) => `${formatDate(from)} – ${formatDate(to)}`;
  return (
    <Stack gap="lg" component="section" aria-labelledby="report-title" data-testid="report">
      <Stack gap={4}>
        <Title order={2} size="h3" id="report-title">
          {labels.reports[result.report].title}
        </Title>
        <Text size="sm">{labels.reports[result.report].description}</Text>
      </Stack>
      <List size="sm" spacing={2} data-testid="report-facts">
        <List.Item>
          {labels.doc.population}: {labels.doc.populations[result.population]}
        </List.Item>
        <List.Item>
          {labels.doc.period}: {period(result.from, result.to)}
          {result.previous &&
            ` (${t('comparedWith', { period: period(result.previous.from, result.previous.to) })})`}
        </List.Item>
        <List.Item>
          {labels.doc.breakdown}: {labels.breakdowns[result.by]}
        </List.Item>
        <List.Item>
          {labels.doc.version}: {result.version}
          {entry && entry.version > result.version && (
            <>
              {' '}
              {t('olderVersion', { newest: entry.version })}{' '}
              <Button variant="subtle" size="compact-sm" onClick={onNewest}>
                {t('useNewest')}
              </Button>
            </>
          )}
        </List.Item>
        <List.Item>
          {labels.doc.generatedAt}: {formatDateTime(result.generatedAt)}
        </List.Item>
      </List>
      <Group gap="xs" role="group" aria-label={t('exports')}>
        {(['xlsx', 'pdf'] as const).map((format) => (
          <DownloadLink key={format} href={reportFileUrl(file, format, i18n.language)}>
            {t(format === 'pdf' ? 'exportPdf' : 'exportXlsx')}
          </DownloadLink>
        ))}
        <DownloadLink href={reportBundleUrl(result.from, result.to, i18n.language)}>
          {t('exportAll')}
        </DownloadLink>
        <Button size="sm" leftSection={<IconDeviceFloppy size={16} />} onClick={() => setSaving(true)}>
          {t('saved.save')}
        </Button>
      </Group>
      {result.empty && (
        <Alert color="gray" icon={<IconInfoCircle />} data-testid="report-empty">
          {labels.doc.empty}
        </Alert>
      )}
      {!result.empty && <ReportCharts result={result} />}
      {mayDrill && (
        <Text size="sm" c="dimmed">
          {t('drill.hint')}
        </Text>
      )}
      {result.tables.map((table) => (
        <ReportTableView
          key={table.id}
          report={result.report}
          by={result.by}
          table={table}
          previous={result.previous?.tables.find((x) => x.id === table.id)}
          compare={compare}
          onPick={mayDrill ? setPick : undefined}
        />
      ))}
      <Stack gap={4} component="section" aria-label={t('legend')} data-testid="report-legend">
        {hidden && (
          <>
            <Text size="sm">{labels.hidden.primaryLegend}</Text>
            <Text size="sm">{labels.hidden.secondaryLegend}</Text>
          </>
        )}
        <Text size="xs" c="dimmed">
          {labels.doc.privacy}
        </Text>
      </Stack>
      {pick && (
        <DrillDownDialog
          query={{ ...file, table: pick.table, row: pick.row, column: pick.column }}
          name={pick.name}
          onClose={() => setPick(null)}
        />
      )}
      {saving && <SaveReportDialog body={file} onClose={() => setSaving(false)} />}
    </Stack>
  );
}
