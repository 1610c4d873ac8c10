import { Box, Group, Select, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { QueryParams } from '../../lib/http';
import { typedDateProps } from '../../ui/dates';
import { ErrorAlert } from '../../ui/errors';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { conferenceReportQuery, seriesQuery } from '../api';
import { BackToConferences } from '../badges';
import { ReportView } from './ReportView';

/**
 * The conference report over a period (the last twelve months unless chosen), of one series or of
 * every conference. The scope lives in the address, so a reload or a shared link shows the same.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation('conferences');
  const [search, setSearch] = useSearchParams();
  const series = useQuery(seriesQuery);
  const params: QueryParams = {
    seriesId: search.get('seriesId'),
    from: search.get('from'),
    to: search.get('to'),
  };
  const reversed = !!params.from && !!params.to && String(params.from) > String(params.to);
  const report = useQuery({
    ...conferenceReportQuery(params),
    enabled: !reversed,
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | null) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const scope = report.data?.scope;
  return (
    <Stack gap="md">
      <BackToConferences />
      <PageHeader title={t('report.title')} description={t('report.description')} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Box w={{ base: '100%', sm: 260 }}>
          <Select
            label={t('report.series')}
            placeholder={t('report.allSeries')}
            clearable
            data={(series.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
            value={search.get('seriesId')}
            onChange={(v) => set('seriesId', v)}
          />
        </Box>
        <DateInput
          label={t('report.from')}
          {...typedDateProps(i18n)}
          value={search.get('from') ?? scope?.from ?? null}
          onChange={(v) => set('from', v)}
          w={{ base: 'calc(50% - 6px)', sm: 170 }}
        />
        <DateInput
          label={t('report.to')}
          {...typedDateProps(i18n)}
          value={search.get('to') ?? scope?.to ?? null}
          onChange={(v) => set('to', v)}
          w={{ base: 'calc(50% - 6px)', sm: 170 }}
          error={reversed ? t('report.periodReversed') : undefined}
        />
      </Group>
      {reversed ? null : report.isPending ? (
        <PageLoader />
      ) : report.data ? (
        <ReportView report={report.data} params={params} />
      ) : (
        <ErrorAlert error={report.error} />
      )}
    </Stack>
  );
}
