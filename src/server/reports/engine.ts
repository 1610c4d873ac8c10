/**
 * Runs a report definition: for each table one SQL statement over the live tables splits the
 * facts into rows, counts distinct persons and things per cell, per row, per column and in all
 * (GROUPING SETS, so cells and totals come from the same snapshot of rows), then the small cells
 * of the whole report are hidden together (suppression.ts). Only counts leave the database.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Breakdown, ColumnKind, ReportCell, ReportRow, ReportTable } from '../../contracts/reports';
import type { Db } from '../db/client';
import { breakdownSql } from './breakdowns';
import type { Period, ReportDefinition, TableDefinition } from './definition';
import type { Line, RawCell, suppress } from './suppression';

/** Which facts count: all of the organisation's, or those of cases the counsellor may open. */
export type Population = { kind: 'organisation' } | { kind: 'caseload'; visible: SQL };

type Aggregate = {
  rk: string | null;
  rl: string | null;
  col: string | null;
  gr: number;
  gc: number;
  persons: number;
  things: number;
  median: number | null;
  mean: number | null;
};

/** The definition's shared rows, read once per statement (a materialised CTE the tables select from). */
const withBase = (def: ReportDefinition, period: Period) => {
  const ctes = [
    ...(def.base ? [sql`base AS MATERIALIZED (${def.base(period)})`] : []),
    ...(def.people ? [sql`people AS MATERIALIZED (${def.people(period)})`] : []),
  ];
  return ctes.length ? sql`WITH ${sql.join(ctes, sql`, `)} ` : sql``;
};

/** One table's facts in the common shape, tagged with the table's id. */
const tagged = (table: TableDefinition, period: Period) => {
  const own = table.rowsBy !== 'breakdown';
  return sql`SELECT ${table.id}::text AS tbl, f.client_id, f.col, f.n::float8 AS n, f.on_day,
      ${table.weighted ? sql`f.w` : sql`1`}::int AS w,
      ${own ? sql`f.row_key` : sql`NULL::text`} AS row_key, ${own ? sql`f.row_label` : sql`NULL::text`} AS row_label
    FROM (${table.facts(period)}) f`;
};

/**
 * The facts of the tables with their row key `rk` and label `rl` (the breakdown's, or the table's
 * own), for the population: a SELECT list `tbl, client_id, col, n, on_day, w, rk, rl`.
 */
function rowedFacts(tables: TableDefinition[], by: Breakdown, period: Period, population: Population): SQL {
  const b = breakdownSql(by, period.organisationId);
  const where =
    population.kind === 'organisation' ? sql`true` : sql`f.client_id IS NOT NULL AND ${population.visible}`;
  // Without a breakdown the whole organisation needs no case: reading all of them cost a third of a report.
  const needsCase = by !== 'none' || population.kind === 'caseload';
  return sql`SELECT f.tbl, f.client_id, f.col, f.n, f.on_day, f.w,
      coalesce(f.row_key, ${b.key}) AS rk, CASE WHEN f.row_key IS NULL THEN ${b.label} ELSE f.row_label END AS rl
    FROM (${sql.join(
      tables.map((t) => tagged(t, period)),
      sql` UNION ALL `,
    )}) f ${needsCase ? sql`LEFT JOIN clients c ON c.id = f.client_id ${b.joins}` : sql``}
    WHERE ${where}`;
}

/** The distinct clients behind one table's cell (`row`, `column`; null = any), for the drill-down. */
export function clientsBehindSql(
  def: ReportDefinition,
  table: TableDefinition,
  by: Breakdown,
  period: Period,
  population: Population,
  row: string | null,
  column: string | null,
): SQL {
  return sql`${withBase(def, period)}SELECT DISTINCT client_id FROM (${rowedFacts([table], by, period, population)}) fx
    WHERE client_id IS NOT NULL ${row === null ? sql`` : sql`AND rk = ${row}`} ${column === null ? sql`` : sql`AND col = ${column}`}`;
}

type AggregateRow = Aggregate & { tbl: string; mo: string | null };

/**
 * Every table of the report, and the trend's months, in one statement: the shared rows and the
 * cases are read once, and the counts of all tables come from one snapshot. Only the aggregates
 * some column needs are computed (each is a sort); sorts get room in memory for the statement.
 */
async function aggregates(
  db: Db,
  def: ReportDefinition,
  by: Breakdown,
  period: Period,
  population: Population,
  withTrend: boolean,
): Promise<AggregateRow[]> {
  const tablesWith = (kinds: string[]) => {
    const ids = def.tables.filter((t) => t.columns.some((c) => kinds.includes(c.kind))).map((t) => t.id);
    return ids.length
      ? sql`tbl IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : null;
  };
  const medians = tablesWith(['median']);
  const means = tablesWith(['share']);
  const median = medians
    ? sql`(percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FILTER (WHERE ${medians}))::float8`
    : sql`NULL::float8`;
  const mean = means ? sql`(avg(n) FILTER (WHERE ${means}))::float8` : sql`NULL::float8`;
  const trendTable = def.tables.find((t) => t.id === def.trend.table);
  const trend =
    withTrend && trendTable
      ? sql` UNION ALL SELECT tbl, NULL, NULL, ${def.trend.column === 'total' ? sql`NULL` : sql`col`}, 0, 0,
          count(DISTINCT client_id)::int, sum(w)::int, NULL::float8, NULL::float8,
          to_char(date_trunc('month', on_day), 'YYYY-MM')
        FROM fx WHERE tbl = ${trendTable.id} ${def.trend.column === 'total' ? sql`` : sql`AND col = ${def.trend.column}`}
        GROUP BY 1, 4, 11`
      : sql``;
  const statement = sql`${withBase(def, period)}${def.base || def.people ? sql`, ` : sql`WITH `}fx AS MATERIALIZED (${rowedFacts(def.tables, by, period, population)})
    SELECT tbl, rk, max(rl) AS rl, col, GROUPING(rk)::int AS gr, GROUPING(col)::int AS gc,
      count(DISTINCT client_id)::int AS persons, sum(w)::int AS things, ${median} AS median, ${mean} AS mean,
      NULL::text AS mo
    FROM fx GROUP BY GROUPING SETS ((tbl, rk, col), (tbl, rk), (tbl, col), (tbl))${trend}`;
  const result = await db.transaction(async (tx) => {
    // Sorting 100,000s of facts for the distinct counts spilled to disk at the default 4 MB.
    await tx.execute(sql`SET LOCAL work_mem = '128MB'`);
    await tx.execute(sql`SET LOCAL jit = off`);
    return tx.execute<AggregateRow>(statement);
  });
  return result.rows.map((r) => ({
    ...r,
    persons: Number(r.persons),
    things: Number(r.things),
    gr: Number(r.gr),
    gc: Number(r.gc),
    median: r.median === null ? null : Number(r.median),
    mean: r.mean === null ? null : Number(r.mean),
  }));
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A cell's true value and the persons behind it, by what its column counts. */
function rawCell(
  a: Aggregate | undefined,
  kind: ColumnKind | 'rowTotal',
  allPersons: boolean,
): RawCell & { none: boolean } {
  if (!a)
    return { value: 0, persons: kind === 'plain' ? null : 0, none: kind === 'median' || kind === 'share' };
  switch (kind) {
    case 'persons':
      return { value: a.persons, persons: a.persons, none: false };
    case 'count':
      return { value: a.things, persons: a.persons, none: false };
    case 'plain':
      return { value: a.things, persons: null, none: false };
    case 'median':
      return { value: a.median === null ? 0 : round1(a.median), persons: a.persons, none: a.median === null };
    case 'share':
      return { value: a.mean === null ? 0 : round1(a.mean * 100), persons: a.persons, none: a.mean === null };
    case 'rowTotal':
      return { value: allPersons ? a.persons : a.things, persons: a.persons, none: false };
  }
}

/** Codes that mean "unknown" go last. */
const lastKeys = new Set(['not_recorded', 'none', 'unknown', 'not_stated']);

/** A table laid out with indices into the report's flat list of cells. */
interface Layout {
  table: TableDefinition;
  rows: { key: string; label: string | null; cells: number[]; total: number | null }[];
  totalRow: { cells: number[]; total: number | null };
  none: Set<number>;
}

export interface TableRun {
  layouts: Layout[];
  cells: RawCell[];
  lines: Line[];
  links: number[][];
  /** The trend table's figures per month (when asked for). */
  months: AggregateRow[];
}

/** Runs every table of the definition and lays the cells out for hiding. */
export async function runTables(
  db: Db,
  def: ReportDefinition,
  by: Breakdown,
  period: Period,
  population: Population,
  withTrend: boolean,
): Promise<TableRun> {
  const cells: RawCell[] = [];
  const lines: Line[] = [];
  const layouts: Layout[] = [];
  const add = (c: RawCell & { none: boolean }, none: Set<number>) => {
    cells.push({ value: c.value, persons: c.persons });
    if (c.none) none.add(cells.length - 1);
    return cells.length - 1;
  };
  const all = await aggregates(db, def, by, period, population, withTrend);
  for (const table of def.tables) {
    const aggs = all.filter((a) => a.tbl === table.id && a.mo === null);
    const at = new Map(aggs.map((a) => [`${a.gr ? '*' : a.rk}|${a.gc ? '*' : a.col}`, a]));
    const fixed =
      table.rowsBy === 'breakdown'
        ? breakdownSql(by, period.organisationId).fixed
        : (table.fixedRows ?? (table.rowsBy === 'none' ? ['all'] : []));
    const found = aggs.filter((a) => !a.gr && a.gc && a.rk !== null && !fixed.includes(a.rk));
    found.sort(
      (a, b) =>
        Number(lastKeys.has(a.rk ?? '')) - Number(lastKeys.has(b.rk ?? '')) ||
        (a.rl ?? a.rk ?? '').localeCompare(b.rl ?? b.rk ?? '', 'de'),
    );
    const labels = new Map(aggs.filter((a) => !a.gr && a.gc).map((a) => [a.rk, a.rl]));
    const keys = [...fixed, ...found.map((a) => a.rk as string)];
    const allPersons = table.columns.every((c) => c.kind === 'persons');
    const none = new Set<number>();
    const rows = keys.map((key) => ({
      key,
      label: labels.get(key) ?? null,
      cells: table.columns.map((c) => add(rawCell(at.get(`${key}|${c.key}`), c.kind, allPersons), none)),
      total: table.partition ? add(rawCell(at.get(`${key}|*`), 'rowTotal', allPersons), none) : null,
    }));
    const totalRow = {
      cells: table.columns.map((c) => add(rawCell(at.get(`*|${c.key}`), c.kind, allPersons), none)),
      total: table.partition ? add(rawCell(at.get('*|*'), 'rowTotal', allPersons), none) : null,
    };
    // Columns over rows add up where each person (or thing) is in one row; rows over the columns of a partition.
    table.columns.forEach((c, j) => {
      if (c.kind === 'persons' || c.kind === 'count')
        lines.push({ parts: rows.map((r) => r.cells[j] as number), total: totalRow.cells[j] as number });
    });
    if (table.partition && totalRow.total !== null) {
      for (const r of rows) if (r.total !== null) lines.push({ parts: r.cells, total: r.total });
      lines.push({ parts: totalRow.cells, total: totalRow.total });
      lines.push({ parts: rows.map((r) => r.total as number), total: totalRow.total });
    }
    layouts.push({ table, rows, totalRow, none });
  }
  const months = all.filter((a) => a.mo !== null);
  return { layouts, cells, lines, links: linksOf(layouts), months };
}

/** The row totals of a partition that are another table's column: the same figure, linked. */
function linksOf(layouts: Layout[]): number[][] {
  const links: number[][] = [];
  for (const l of layouts) {
    const eq = l.table.totalEquals;
    if (!eq) continue;
    const other = layouts.find((o) => o.table.id === eq.table);
    const j = other?.table.columns.findIndex((c) => c.key === eq.column) ?? -1;
    if (!other || j < 0) continue;
    for (const r of l.rows) {
      const o = other.rows.find((x) => x.key === r.key);
      const here = r.total;
      const there = o?.cells[j];
      if (here !== null && there !== undefined) links.push([here, there]);
    }
    const t = other.totalRow.cells[j];
    if (l.totalRow.total !== null && t !== undefined) links.push([l.totalRow.total, t]);
  }
  return links;
}

/** The tables as the contract shows them, with the hiding applied. */
export function presentTables(run: TableRun, marks: ReturnType<typeof suppress>): ReportTable[] {
  const cell = (i: number, none: Set<number>): ReportCell => {
    const mark = marks[i] ?? null;
    if (mark) return { value: null, suppressed: mark };
    return { value: none.has(i) ? null : (run.cells[i]?.value ?? 0), suppressed: null };
  };
  return run.layouts.map(({ table, rows, totalRow, none }) => {
    const row = (r: {
      key: string;
      label: string | null;
      cells: number[];
      total: number | null;
    }): ReportRow => ({
      key: r.key,
      label: r.label,
      cells: r.cells.map((i) => cell(i, none)),
      total: r.total === null ? null : cell(r.total, none),
    });
    return {
      id: table.id,
      columns: table.columns,
      partition: table.partition,
      rowsBy: table.rowsBy,
      rows: rows.map(row),
      totalRow: row({ key: 'total', label: null, ...totalRow }),
    };
  });
}

/** Nothing counted at all: every table's totals are zero (or nothing to compute). */
export const isEmpty = (run: TableRun) =>
  run.layouts.every(({ totalRow }) => totalRow.cells.every((i) => (run.cells[i]?.value ?? 0) === 0));

/**
 * The headline figure per month of the period: its cells join the report's hiding, with the
 * months as one more line whose total is the table's figure (it adds up when each fact has one
 * month, as sessions and entries do; distinct persons over months do not, and then it is ignored).
 */
export function trendCells(
  def: ReportDefinition,
  period: Period,
  run: TableRun,
): { months: { month: string; index: number }[]; line: Line | null } {
  const layout = run.layouts.find((l) => l.table.id === def.trend.table);
  if (!layout) return { months: [], line: null };
  const j = layout.table.columns.findIndex((c) => c.key === def.trend.column);
  const kind: ColumnKind | 'rowTotal' = j < 0 ? 'rowTotal' : (layout.table.columns[j]?.kind ?? 'count');
  const byMonth = new Map(run.months.map((r) => [r.mo, r]));
  const allPersons = layout.table.columns.every((c) => c.kind === 'persons');
  const months = monthsOf(period.from, period.to).map((month) => {
    const raw = rawCell(byMonth.get(month), kind, allPersons);
    run.cells.push({ value: raw.value, persons: raw.persons });
    return { month, index: run.cells.length - 1 };
  });
  const total = j < 0 ? layout.totalRow.total : layout.totalRow.cells[j];
  const line = total === null || total === undefined ? null : { parts: months.map((m) => m.index), total };
  return { months, line };
}

/** "YYYY-MM" of every month the period touches. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}
