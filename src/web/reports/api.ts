import { queryOptions } from '@tanstack/react-query';
import type { okSchema } from '../../contracts/common';
import type {
  DrillDownQuery,
  drillDownResult,
  ReportQuery,
  reportCatalogue,
  reportResult,
  SavedReportBody,
  savedReport,
  savedReportList,
} from '../../contracts/reports';
import { deleteJson, getJson, postJson, query } from '../lib/http';

/** The contract's queries as the server reads them (the address carries them as text). */
export type RunParams = ReportQuery;
export type CellParams = DrillDownQuery;

/** Funder reports: the catalogue, one report over a period, the cases behind a cell, saved reports. */
export const reportKeys = {
  catalogue: ['reports', 'catalogue'] as const,
  run: (q: RunParams) => ['reports', 'run', q] as const,
  cases: (q: CellParams) => ['reports', 'cases', q] as const,
  saved: ['reports', 'saved'] as const,
};

const lang = (language: string) => (language === 'en' ? 'en' : 'de');

export const catalogueQuery = queryOptions({
  queryKey: reportKeys.catalogue,
  queryFn: () => getJson<typeof reportCatalogue>('/api/reports'),
  staleTime: Number.POSITIVE_INFINITY,
});

export const reportRunQuery = (q: RunParams) =>
  queryOptions({
    queryKey: reportKeys.run(q),
    queryFn: () => getJson<typeof reportResult>(`/api/reports/run${query({ ...q })}`),
  });

/** The shown report as a document in a language (each export is audited). */
export const reportFileUrl = (q: Omit<RunParams, 'compare'>, format: 'xlsx' | 'pdf', language: string) =>
  `/api/reports/run.${format}${query({ ...q, lang: lang(language) })}`;

/** Every report of the period in one workbook. */
export const reportBundleUrl = (from: string, to: string, language: string) =>
  `/api/reports/year.xlsx${query({ from, to, lang: lang(language) })}`;

/** The cases behind one cell (leads; audited). */
export const drillDownQuery = (q: CellParams) =>
  queryOptions({
    queryKey: reportKeys.cases(q),
    queryFn: () => getJson<typeof drillDownResult>(`/api/reports/cases${query({ ...q })}`),
  });

/** The same cases pseudonymised, as a workbook. */
export const drillDownFileUrl = (q: CellParams, language: string) =>
  `/api/reports/cases.xlsx${query({ ...q, lang: lang(language) })}`;

export const savedReportsQuery = queryOptions({
  queryKey: reportKeys.saved,
  queryFn: () => getJson<typeof savedReportList>('/api/reports/saved'),
});
export const saveReport = (body: SavedReportBody) => postJson<typeof savedReport>('/api/reports/saved', body);
export const deleteSavedReport = (id: string) => deleteJson<typeof okSchema>(`/api/reports/saved/${id}`);
