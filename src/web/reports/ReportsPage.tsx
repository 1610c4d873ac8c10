import { Box, Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type Breakdown, breakdowns } from '../../contracts/reports';
import { typedDateProps } from '../ui/dates';
import { ErrorAlert } from '../ui/errors';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';
import { catalogueQuery, type RunParams, reportRunQuery } from './api';
import { useReportLabels } from './labels';
import { periodOf, quickPeriods } from './period';
import { ReportView } from './ReportView';
import { SavedReports } from './SavedReports';

const isBreakdown = (v: string | null): v is Breakdown => breakdowns.includes(v as Breakdown);

/**
 * The funder reports (leads: the organisation's figures; counsellors: their caseload's). What is
 * shown — report, period, breakdown, comparison, and the definition's version of a saved report —
 * lives in the address, so a link or a reload shows the same report.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const { labels } = useReportLabels();
  const [search, setSearch] = useSearchParams();
  const catalogue = useQuery(catalogueQuery);
  const entries = catalogue.data ?? [];
  const entry = entries.find((e) => e.id === search.get('report')) ?? entries[0];
  const fallback = periodOf('thisYear');
  const from = search.get('from') ?? fallback.from;
  const to = search.get('to') ?? fallback.to;
  const asked = search.get('by');
  const by: Breakdown = isBreakdown(asked) && entry?.breakdowns.includes(asked) ? asked : 'none';
  const version = Number(search.get('version'));
  const compare = search.get('compare') !== 'false';
  const reversed = from > to;
  const query: RunParams | null = entry
    ? {
        report: entry.id,
        ...(entry.versions.includes(version) ? { version } : {}),
        from,
        to,
        by,
        compare,
      }
    : null;
  const result = useQuery({
    ...reportRunQuery(query ?? { report: 'iq_counselling', from, to, by, compare }),
    enabled: query !== null && !reversed,
    placeholderData: keepPreviousData,
  });
  const set = (changes: Record<string, string | null>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const picked = quickPeriods.find((p) => {
    const q = periodOf(p);
    return q.from === from && q.to === to;
  });

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} description={t('description')} />
      {catalogue.error ? <ErrorAlert error={catalogue.error} /> : null}
      <Stack gap="sm" component="form" aria-label={t('choose')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Box w={{ base: '100%', sm: 340 }}>
            <Select
              label={t('report')}
              data={entries.map((e) => ({ value: e.id, label: labels.reports[e.id].title }))}
              value={entry?.id ?? null}
              allowDeselect={false}
              onChange={(v) => set({ report: v, version: null })}
            />
          </Box>
          <Box w={{ base: '100%', sm: 260 }}>
            <Select
              label={t('breakdown')}
              data={(entry?.breakdowns ?? ['none']).map((b) => ({ value: b, label: labels.breakdowns[b] }))}
              value={by}
              allowDeselect={false}
              disabled={(entry?.breakdowns.length ?? 0) < 2}
              onChange={(v) => set({ by: v === 'none' ? null : v })}
            />
          </Box>
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateInput
            label={t('from')}
            {...typedDateProps(i18n)}
            value={from}
            onChange={(v) => set({ from: v })}
            w={{ base: 'calc(50% - 6px)', sm: 170 }}
          />
          <DateInput
            label={t('to')}
            {...typedDateProps(i18n)}
            value={to}
            onChange={(v) => set({ to: v })}
            w={{ base: 'calc(50% - 6px)', sm: 170 }}
            error={reversed ? t('periodReversed') : undefined}
          />
          <Group gap={6} role="group" aria-label={t('quick.label')}>
            {quickPeriods.map((p) => (
              <Button
                key={p}
                size="sm"
                variant={picked === p ? 'light' : 'default'}
                aria-pressed={picked === p}
                onClick={() => set(periodOf(p))}
              >
                {t(`quick.${p}`)}
              </Button>
            ))}
          </Group>
        </Group>
        <Switch
          label={t('compare')}
          checked={compare}
          onChange={(e) => set({ compare: e.currentTarget.checked ? null : 'false' })}
        />
      </Stack>
      {catalogue.isPending ? (
        <PageLoader />
      ) : entries.length === 0 && !catalogue.error ? (
        <Text c="dimmed">{t('noReports')}</Text>
      ) : reversed || !query ? null : result.isPending ? (
        <PageLoader />
      ) : result.data ? (
        <>
          {result.error ? <ErrorAlert error={result.error} /> : null}
          <ReportView result={result.data} entry={entry} onNewest={() => set({ version: null })} />
        </>
      ) : (
        <ErrorAlert error={result.error} />
      )}
      <SavedReports />
    </Stack>
  );
}
