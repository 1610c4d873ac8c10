/**
 * The funder reports as documents: one report as XLSX (a cover sheet with the definition, version,
 * period and whose figures; a sheet per table, the previous period's beside it, the months) or PDF
 * (for the steering group, with the months as a bar chart); every report of a period in one
 * workbook; and the cases behind a cell, pseudonymised. The words are those of the screen
 * (contracts/report-labels). Hidden cells are printed as on the screen; every export is audited.
 */

import { countryGroupOf } from '../../contracts/country-groups';
import { type ReportLabels, reportLabels } from '../../contracts/report-labels';
import type {
  DrillDownExportQuery,
  ReportBundleQuery,
  ReportCell,
  ReportExportQuery,
  ReportResult,
  ReportTable,
} from '../../contracts/reports';
import type { AppContext } from '../context';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import {
  type DocCell,
  type DocTable,
  pdfHeading,
  pdfTable,
  tablesWorkbook,
  XLSX_TYPE,
} from '../lib/doc-tables';
import { pageDefaults, pdfDownload, renderPdf } from '../lib/pdf';
import { wallClock } from '../lib/zoned-time';
import { definitions } from './definitions';
import { computeReport, definitionFor, drillDownRecords, populationOf, runReport } from './service';

type Lang = 'de' | 'en';

const day = (lang: Lang, iso: string) => {
  const [y, m, d] = iso.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : iso;
};
const span = (lang: Lang, from: string, to: string) => `${day(lang, from)} – ${day(lang, to)}`;

/** A cell as printed: the number, "< 5" or "•" when hidden, "–" when there is nothing to compute. */
export function printed(c: ReportCell, L: ReportLabels): DocCell {
  if (c.suppressed === 'primary') return L.hidden.primary;
  if (c.suppressed === 'secondary') return L.hidden.secondary;
  return c.value === null ? '–' : c.value;
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetNamer() {
  const used = new Set<string>();
  return (title: string) => {
    const base = title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 28)
      .trim();
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  };
}

/** A report's tables as document tables; `by` names the breakdown's rows. */
function docTables(
  r: Pick<ReportResult, 'report' | 'by' | 'tables'>,
  L: ReportLabels,
  name: (title: string) => string,
  suffix = '',
): DocTable[] {
  return r.tables.map((t) => {
    const words = L.tables[`${r.report}.${t.id}`];
    const rowsBy = t.rowsBy === 'breakdown' ? r.by : t.rowsBy;
    const labelOf = (key: string, label: string | null) =>
      label ?? L.rows[rowsBy]?.[key] ?? L.rows[t.rowsBy]?.[key] ?? key;
    const title = `${words?.title ?? t.id}${suffix}`;
    return {
      sheet: name(title),
      title,
      note: words?.definition,
      head: [
        L.rowsBy[rowsBy] ?? '',
        ...t.columns.map((c) => L.columns[c.key] ?? c.key),
        ...(t.partition ? [L.columns.total ?? 'Σ'] : []),
      ],
      rows: t.rows.map((row) => [
        labelOf(row.key, row.label),
        ...row.cells.map((c) => printed(c, L)),
        ...(row.total ? [printed(row.total, L)] : []),
      ]),
      total: [
        L.columns.total ?? 'Σ',
        ...t.totalRow.cells.map((c) => printed(c, L)),
        ...(t.totalRow.total ? [printed(t.totalRow.total, L)] : []),
      ],
    };
  });
}

function trendTable(r: ReportResult, L: ReportLabels, name: (title: string) => string): DocTable | null {
  if (!r.trend) return null;
  const column =
    r.trend.column === 'total' ? (L.columns.total ?? '') : (L.columns[r.trend.column] ?? r.trend.column);
  return {
    sheet: name(L.doc.trend),
    title: `${L.doc.trend}: ${L.tables[`${r.report}.${r.trend.table}`]?.title ?? ''} – ${column}`,
    head: [L.doc.month, column],
    rows: r.trend.months.map((m) => [m.month, printed(m.cell, L)]),
  };
}

function coverOf(r: ReportResult, L: ReportLabels, lang: Lang, organisation: string): [string, string][] {
  const made = wallClock(new Date(r.generatedAt), 'Europe/Berlin');
  return [
    [L.doc.organisation, organisation],
    [L.doc.report, L.reports[r.report].title],
    [L.doc.version, String(r.version)],
    [L.doc.period, span(lang, r.from, r.to)],
    ...(r.previous
      ? ([[L.doc.previousPeriod, span(lang, r.previous.from, r.previous.to)]] as [string, string][])
      : []),
    [L.doc.breakdown, L.breakdowns[r.by]],
    [L.doc.population, L.doc.populations[r.population]],
    [L.doc.generatedAt, `${day(lang, made.date)} ${made.time}`],
    ['', r.empty ? L.doc.empty : ''],
    ['', L.doc.privacy],
    ['', L.hidden.primaryLegend],
    ['', L.hidden.secondaryLegend],
  ];
}

const definitionsOf = (r: Pick<ReportResult, 'report' | 'tables'>, L: ReportLabels): [string, string][] =>
  r.tables.map((t) => {
    const words = L.tables[`${r.report}.${t.id}`];
    return [words?.title ?? t.id, words?.definition ?? ''];
  });

const fileName = (what: string, from: string, to: string, ext: string) =>
  `${what.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}-${from}-${to}.${ext}`;

/** One report as XLSX or PDF. */
export async function exportReport(
  ctx: AppContext,
  actor: Actor,
  q: ReportExportQuery,
  format: 'pdf' | 'xlsx',
) {
  const { lang, ...query } = q;
  const L = reportLabels[lang];
  const r = await runReport(ctx, actor, { ...query, compare: true });
  await audit(ctx.db, actor, {
    action: 'report.exported',
    entityType: 'report',
    entityId: null,
    details: { report: r.report, version: r.version, from: r.from, to: r.to, by: r.by, format, lang },
  });
  const name = sheetNamer();
  name(L.doc.cover);
  const tables = docTables(r, L, name);
  const trend = trendTable(r, L, name);
  const previous = r.previous
    ? docTables(
        { ...r, tables: r.previous.tables },
        L,
        name,
        ` (${L.doc.previousPeriod} ${span(lang, r.previous.from, r.previous.to)})`,
      )
    : [];
  const title = L.reports[r.report].title;
  const filename = fileName(title, r.from, r.to, format);
  const cover = coverOf(r, L, lang, actor.organisationName);
  if (format === 'pdf') {
    const buffer = await renderPdf(reportPdf(title, cover, tables, trend, r, L));
    return pdfDownload(buffer, filename);
  }
  const content = await tablesWorkbook({
    title,
    coverSheet: L.doc.cover,
    cover,
    definitionsHeading: L.doc.definitions,
    definitions: definitionsOf(r, L),
    tables: [...tables, ...(trend ? [trend] : []), ...previous],
    none: '–',
  });
  return { content, filename, mimeType: XLSX_TYPE, size: content.length };
}

/** Every report this user may run, over one period, in one workbook (the year's figures for the funder). */
export async function exportYear(ctx: AppContext, actor: Actor, q: ReportBundleQuery) {
  const L = reportLabels[q.lang];
  const name = sheetNamer();
  name(L.doc.cover);
  const newest = [...new Map(definitions.map((d) => [d.id, d])).values()].filter(
    (d) => !d.leadsOnly || populationOf(actor).kind === 'organisation',
  );
  const tables: DocTable[] = [];
  const defs: [string, string][] = [];
  let empty = true;
  for (const d of newest) {
    const def = definitionFor(actor, d.id, undefined, 'none');
    const r = await computeReport(ctx, actor, def, 'none', q.from, q.to, false);
    empty &&= r.empty;
    const result = { report: def.id, by: 'none' as const, tables: r.tables };
    tables.push(
      ...docTables(result, L, name, '').map((t) => ({
        ...t,
        title: `${L.reports[def.id].title}: ${t.title}`,
      })),
    );
    defs.push(
      ...definitionsOf(result, L).map(([k, v]): [string, string] => [`${L.reports[def.id].title}: ${k}`, v]),
    );
  }
  await audit(ctx.db, actor, {
    action: 'report.exported',
    entityType: 'report',
    entityId: null,
    details: { report: 'all', from: q.from, to: q.to, format: 'xlsx', lang: q.lang },
  });
  const made = wallClock(new Date(), 'Europe/Berlin');
  const content = await tablesWorkbook({
    title: L.doc.title,
    coverSheet: L.doc.cover,
    cover: [
      [L.doc.organisation, actor.organisationName],
      [L.doc.period, span(q.lang, q.from, q.to)],
      [L.doc.population, L.doc.populations[populationOf(actor).kind]],
      [L.doc.generatedAt, `${day(q.lang, made.date)} ${made.time}`],
      ...newest.map((d): [string, string] => [L.reports[d.id].title, `${L.doc.version} ${d.version}`]),
      ['', empty ? L.doc.empty : ''],
      ['', L.doc.privacy],
      ['', L.hidden.primaryLegend],
      ['', L.hidden.secondaryLegend],
    ],
    definitionsHeading: L.doc.definitions,
    definitions: defs,
    tables,
    none: '–',
  });
  return {
    content,
    filename: fileName(L.doc.title, q.from, q.to, 'xlsx'),
    mimeType: XLSX_TYPE,
    size: content.length,
  };
}

/** The cases behind a cell as a pseudonymised list: keyed hash, gender, age group, country group. */
export async function exportDrillDown(ctx: AppContext, actor: Actor, q: DrillDownExportQuery) {
  const { lang, ...query } = q;
  const L = reportLabels[lang];
  const { def, records } = await drillDownRecords(ctx, actor, query);
  const table = L.tables[`${def.id}.${q.table}`]?.title ?? q.table;
  const title = `${L.reports[def.id].title}: ${table}`;
  const content = await tablesWorkbook({
    title,
    coverSheet: L.doc.cover,
    cover: [
      [L.doc.organisation, actor.organisationName],
      [L.doc.report, title],
      [L.doc.version, String(def.version)],
      [L.doc.period, span(lang, q.from, q.to)],
      [
        L.columns[q.column] ?? q.column,
        q.row === 'total' ? (L.columns.total ?? '') : (L.rows[q.by]?.[q.row] ?? q.row),
      ],
      [L.doc.cases, String(records.length)],
      ['', L.doc.privacy],
    ],
    definitionsHeading: L.doc.definitions,
    definitions: definitionsOf({ report: def.id, tables: [{ id: q.table } as ReportTable] }, L),
    tables: [
      {
        sheet: L.doc.cases,
        title,
        head: [L.doc.pseudonym, L.doc.gender, L.doc.ageGroup, L.doc.countryGroup],
        rows: records.map((x) => [
          x.pseudonym,
          L.rows.gender?.[x.gender] ?? x.gender,
          L.rows.age_group?.[x.ageGroup] ?? x.ageGroup,
          L.rows.country_group?.[countryGroupOf(x.citizenship)] ?? '',
        ]),
      },
    ],
    none: '–',
  });
  return {
    content,
    filename: fileName(`${L.doc.cases}-${table}`, q.from, q.to, 'xlsx'),
    mimeType: XLSX_TYPE,
    size: content.length,
  };
}

/** The months as bars (vector shapes; a hidden month is a gap with its mark), for the PDF. */
function trendChart(r: ReportResult, L: ReportLabels): unknown[] {
  if (!r.trend || r.trend.months.length === 0) return [];
  const values = r.trend.months.map((m) => m.cell.value ?? 0);
  const max = Math.max(1, ...values);
  const width = 700;
  const slot = width / r.trend.months.length;
  const bar = Math.max(2, Math.min(28, slot * 0.7));
  const height = 90;
  const shapes = r.trend.months.map((m, i) => {
    const h = ((m.cell.value ?? 0) / max) * height;
    return { type: 'rect', x: i * slot, y: height - h, w: bar, h: Math.max(h, 0.01), color: '#1864ab' };
  });
  const labels = r.trend.months.map((m) => ({
    text: `${m.month.slice(5)}/${m.month.slice(2, 4)}`,
    fontSize: 6,
  }));
  const marks = r.trend.months.map((m) => ({
    text: String(printed(m.cell, L)),
    fontSize: 7,
    alignment: 'center',
  }));
  const every = Math.ceil(r.trend.months.length / 24);
  return [
    {
      canvas: [
        { type: 'line', x1: 0, y1: height, x2: width, y2: height, lineWidth: 0.5, lineColor: '#333' },
        ...shapes,
      ],
    },
    {
      columns: marks.map((m, i) => ({ width: slot, stack: i % every === 0 ? [m, labels[i]] : [m] })),
      margin: [0, 2, 0, 0],
    },
  ];
}

function reportPdf(
  title: string,
  cover: [string, string][],
  tables: DocTable[],
  trend: DocTable | null,
  r: ReportResult,
  L: ReportLabels,
) {
  return {
    ...pageDefaults,
    pageOrientation: 'landscape',
    info: { title, creator: 'Lotse' },
    footer: (page: number, pages: number) => ({
      text: `${title} · ${page} / ${pages}`,
      fontSize: 8,
      color: '#555',
      margin: [50, 10, 50, 0],
    }),
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      {
        table: {
          widths: [140, '*'],
          body: cover.filter(([k, v]) => k || v).map(([k, v]) => [{ text: k, bold: true }, v]),
        },
        layout: 'noBorders',
        fontSize: 9,
      },
      ...(trend ? [pdfHeading(trend.title), ...trendChart(r, L)] : []),
      ...tables.flatMap((t) => [pdfHeading(t.title), ...pdfTable(t, '–')]),
    ],
  };
}
