// Funder and steering-group reports (IQ programme, ESF Plus, recognition times, measures,
// employment, conferences). Every figure is computed by SQL over the live tables when asked
// (server/reports); a cell that counts fewer than five persons is never shown, and neither is a
// cell from which a hidden one could be worked out. The web translates every key below.
import { z } from 'zod';
import { isoDate, languageSchema, timestamp } from './common';

export const reportIds = [
  'iq_counselling',
  'esf_entry',
  'esf_results',
  'recognition_times',
  'measures',
  'employment',
  'conferences',
] as const;
export type ReportId = (typeof reportIds)[number];

/** How the rows of a person-based table are split: one row per value, each person in exactly one. */
export const breakdowns = [
  'none',
  'gender',
  'age_group',
  'country_group',
  'occupation_group',
  'sector',
  'team',
] as const;
export type Breakdown = (typeof breakdowns)[number];

/** ESF Plus age groups, by the age at the case's intake. */
export const ageGroups = ['under_18', '18_29', '30_54', '55_plus', 'not_recorded'] as const;

/**
 * What a column counts, which decides how its cells may be added up and so which cells must be
 * hidden as well (reports/suppression):
 * - `persons`: distinct persons; adds up over the rows of a breakdown, not over months;
 * - `count`: events (sessions, measures, commitments); adds up everywhere;
 * - `median` (days) and `share` (per cent): never add up, hidden when fewer than five persons stand behind them;
 * - `plain`: counts of things that are not persons (conferences held), never hidden.
 */
export const columnKinds = ['persons', 'count', 'median', 'share', 'plain'] as const;
export type ColumnKind = (typeof columnKinds)[number];

const reportParams = {
  report: z.enum(reportIds),
  /** The definition's version; the newest when left out. A saved report names the one it was made with. */
  version: z.coerce.number().int().min(1).optional(),
  from: isoDate,
  to: isoDate,
  by: z.enum(breakdowns).default('none'),
};
const periodRule = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((q) => q.from <= q.to, { message: 'the period ends before it begins', path: ['to'] })
    .refine((q) => q.to < `${Number(q.from.slice(0, 4)) + 10}${q.from.slice(4)}`, {
      message: 'a report covers at most ten years',
      path: ['to'],
    });

/** One report over a period (both days included, by the German calendar), split by one breakdown. */
export const reportQuery = periodRule(
  z.object({
    ...reportParams,
    /** Also the period of the same length just before, for comparison. */
    compare: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  }),
);
export type ReportQuery = z.output<typeof reportQuery>;

/** The report as a document; `lang` is the language of its words. */
export const reportExportQuery = periodRule(
  z.object({ ...reportParams, lang: languageSchema.default('de') }),
);
export type ReportExportQuery = z.output<typeof reportExportQuery>;

/** Every report of a period in one workbook (the year's figures for the funder). */
export const reportBundleQuery = periodRule(
  z.object({ from: isoDate, to: isoDate, lang: languageSchema.default('de') }),
);
export type ReportBundleQuery = z.output<typeof reportBundleQuery>;

/** The cases behind one cell (leads; audited). Row and column are the keys the report gave. */
export const drillDownQuery = periodRule(
  z.object({
    ...reportParams,
    table: z.string().min(1).max(60),
    row: z.string().min(1).max(80),
    column: z.string().min(1).max(60),
  }),
);
export type DrillDownQuery = z.output<typeof drillDownQuery>;
export const drillDownExportQuery = periodRule(
  z.object({
    ...reportParams,
    table: z.string().min(1).max(60),
    row: z.string().min(1).max(80),
    column: z.string().min(1).max(60),
    lang: languageSchema.default('de'),
  }),
);
export type DrillDownExportQuery = z.output<typeof drillDownExportQuery>;

/**
 * A shown figure: `value` is null exactly when it is hidden — `primary` when fewer than five persons
 * stand behind it, `secondary` when it is hidden so that a primary one cannot be worked out from
 * the totals. A share is in per cent (one decimal), a median in days.
 */
export const reportCell = z.object({
  value: z.number().nullable(),
  suppressed: z.enum(['primary', 'secondary']).nullable(),
});
export type ReportCell = z.infer<typeof reportCell>;

export const reportRow = z.object({
  /** A code the web translates (gender, age group …) or, for sectors and teams, an id or the team's name. */
  key: z.string(),
  /** The name to show where the key is not a code (sector, team, occupation group); null otherwise. */
  label: z.string().nullable(),
  cells: z.array(reportCell),
  /** The row's total, where the columns split the row's persons or events (`partition`). */
  total: reportCell.nullable(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportTable = z.object({
  /** Stable within a definition's version: texts and drill-downs refer to it. */
  id: z.string(),
  columns: z.array(z.object({ key: z.string(), kind: z.enum(columnKinds) })),
  /** The columns split each row (every person or event in one column): the row has a total. */
  partition: z.boolean(),
  /** What the rows are: the breakdown asked for, or the table's own (measure types, institutions …). */
  rows: z.array(reportRow),
  rowsBy: z.string(),
  totalRow: reportRow,
});
export type ReportTable = z.infer<typeof reportTable>;

/** The headline figure month by month (the line chart); hidden months as in the tables. */
export const reportTrend = z.object({
  table: z.string(),
  column: z.string(),
  months: z.array(z.object({ month: z.string(), cell: reportCell })),
});

export const reportResult = z.object({
  report: z.enum(reportIds),
  version: z.number().int(),
  from: isoDate,
  to: isoDate,
  by: z.enum(breakdowns),
  /** Whose figures: the whole organisation, or the caseload of the counsellor asking. */
  population: z.enum(['organisation', 'caseload']),
  generatedAt: timestamp,
  /** Nothing at all was counted in the period: the report is valid and says so. */
  empty: z.boolean(),
  tables: z.array(reportTable),
  trend: reportTrend.nullable(),
  /** The same report over the period of the same length just before (no trend). */
  previous: z
    .object({ from: isoDate, to: isoDate, empty: z.boolean(), tables: z.array(reportTable) })
    .nullable(),
});
export type ReportResult = z.infer<typeof reportResult>;

/** The reports a user may run, with each one's newest version and the versions still runnable. */
export const reportCatalogue = z.array(
  z.object({
    id: z.enum(reportIds),
    version: z.number().int(),
    versions: z.array(z.number().int()),
    /** Whether the breakdown applies (the conference figures have institutions as their rows). */
    breakdowns: z.array(z.enum(breakdowns)),
  }),
);
export type ReportCatalogue = z.infer<typeof reportCatalogue>;

/** The cases behind a cell: enough to open each one; the lead may already open them all. */
export const drillDownResult = z.object({
  total: z.number().int(),
  /** At most 500 are listed; `total` says how many there are. */
  cases: z.array(z.object({ id: z.uuid(), caseCode: z.string(), name: z.string(), stage: z.string() })),
});
export type DrillDownResult = z.infer<typeof drillDownResult>;

export const savedReportBody = z.object({
  name: z.string().trim().min(1).max(120),
  report: z.enum(reportIds),
  version: z.number().int().min(1),
  from: isoDate,
  to: isoDate,
  by: z.enum(breakdowns),
});
export type SavedReportBody = z.infer<typeof savedReportBody>;
export const savedReport = savedReportBody.extend({ id: z.uuid(), createdAt: timestamp });
export type SavedReport = z.infer<typeof savedReport>;
export const savedReportList = z.array(savedReport);
