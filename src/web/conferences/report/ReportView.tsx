import { Alert, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConferenceReport } from '../../../contracts/conference-report';
import type { QueryParams } from '../../lib/http';
import { DownloadLink } from '../../ui/DownloadLink';
import { formatDate, formatDateTime } from '../../ui/format';
import { conferenceReportUrl } from '../api';
import { ReportTables } from './ReportTables';

function Figure({ label, value, of }: { label: string; value: number; of?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xl" fw={700} data-testid="report-figure">
        {value}
      </Text>
      <Text size="sm">{label}</Text>
      {of && (
        <Text size="xs" c="dimmed">
          {of}
        </Text>
      )}
    </Paper>
  );
}

/**
 * The report as the lead reads it: the main figures, then each table (cards on a phone), the
 * commitments also as a chart, the definitions, and the same report as PDF or XLSX.
 */
export function ReportView({ report: r, params }: { report: ConferenceReport; params: QueryParams }) {
  const { t, i18n } = useTranslation('conferences');
  const c = r.totals.commitments;
  const one = r.scope.kind === 'conference';
  return (
    <Stack gap="lg" data-testid="conference-report">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed">
          {t('report.asOf', { date: formatDate(r.asOf), time: formatDateTime(r.generatedAt) })}
        </Text>
        <Group gap="xs" role="group" aria-label={t('report.exports')}>
          {(['pdf', 'xlsx'] as const).map((format) => (
            <DownloadLink key={format} href={conferenceReportUrl(params, format, i18n.language)}>
              {t(format === 'pdf' ? 'report.exportPdf' : 'report.exportXlsx')}
            </DownloadLink>
          ))}
        </Group>
      </Group>
      {r.empty && (
        <Alert color="gray" icon={<IconInfoCircle />} data-testid="report-empty">
          {t('report.empty')}
        </Alert>
      )}
      {one && !r.empty && r.totals.casesDiscussed === 0 && c.made === 0 && (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('report.notYet')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: one ? 3 : 4 }}>
        {!one && (
          <Figure
            label={t('report.figures.conferences')}
            value={r.totals.conferences}
            of={`${r.totals.conferencesHeld} ${t('report.figures.conferencesHeld')}`}
          />
        )}
        <Figure
          label={t('report.figures.casesDiscussed')}
          value={r.totals.casesDiscussed}
          of={`${r.totals.casesMovedOn} ${t('report.figures.casesMovedOn')}`}
        />
        <Figure
          label={t('report.figures.made')}
          value={c.made}
          of={`${c.overdue} ${t('report.states.overdue')}`}
        />
        <Figure
          label={t('report.states.doneOnTime')}
          value={c.doneOnTime}
          of={`${c.doneLate} ${t('report.states.doneLate')}`}
        />
      </SimpleGrid>
      <ReportTables report={r} />
      <Stack gap="xs" component="section">
        <Title order={2} size="h4">
          {t('report.sections.definitions')}
        </Title>
        <List size="sm" spacing={4}>
          {(['discussed', 'movedOn', 'involved', 'states', 'pathways'] as const).map((k) => (
            <List.Item key={k}>{t(`report.definitions.${k}`)}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t('report.privacy')}
        </Text>
      </Stack>
    </Stack>
  );
}
