/**
 * What a report definition is. A definition is code with an id and a version: a report made last
 * year names its version, and running that version again runs the same SQL over today's tables
 * (definitions are never edited after release; a change of what is counted is a new version
 * beside the old one in `definitions/index.ts`).
 *
 * Each table is written as *facts*: one SQL row per thing counted — a session, a person at entry,
 * a decided procedure — with the column it counts in. The engine (engine.ts) does the rest the
 * same way for every table: it splits the facts into rows (by the breakdown or the table's own
 * rows), counts distinct persons and things per cell, the totals, the months, and hides small cells.
 */
import type { SQL } from 'drizzle-orm';
import type { Breakdown, ColumnKind, ReportId } from '../../contracts/reports';

/** The period and organisation a definition's SQL counts in. */
export interface Period {
  organisationId: string;
  from: string;
  to: string;
  /** The day the report counts on (overdue, running): today in Germany. */
  today: string;
}

/**
 * The facts of a table: a SELECT with the columns
 * `client_id uuid` (null: not about a person), `ref text` (what is counted: the session's or
 * procedure's id, or the client's id for a person — a fact is one thing in one column, and the
 * engine counts facts, so a thing appears once per column), `col text` (the column's key), `n numeric`
 * (days for a median, 1/0 for a share, else unused), `on_day date` (the day that puts it into a
 * month), and for tables with rows of their own `row_key text` and `row_label text`.
 * Every fact must belong to `period.organisationId`.
 */
export type FactsSql = (period: Period) => SQL;

export interface TableDefinition {
  id: string;
  columns: { key: string; kind: ColumnKind }[];
  /** Each fact counts in one column only: a row has a total (which is then the row's persons or things). */
  partition: boolean;
  /** `breakdown`: rows are the breakdown asked for; otherwise the table's own (`row_key` of the facts). */
  rowsBy: 'breakdown' | 'measure_type' | 'institution' | 'none';
  /** The fixed row keys of the table's own rows, shown even when nothing counts in them. */
  fixedRows?: readonly string[];
  /**
   * The row totals of this partition are that table's column, row by row (the same persons or
   * things split another way): they are hidden alike, or one table would give the other's away.
   */
  totalEquals?: { table: string; column: string };
  /**
   * The facts carry `w int`, how many things one fact stands for (a person's sessions of one kind
   * in one row): fewer rows to count for the same figures. Persons are still counted distinct.
   */
  weighted?: boolean;
  facts: FactsSql;
}

type Column = TableDefinition['columns'][number];
export const personsColumn = (key: string): Column => ({ key, kind: 'persons' });
export const countColumn = (key: string): Column => ({ key, kind: 'count' });

export interface ReportDefinition {
  id: ReportId;
  version: number;
  /**
   * Rows several tables count from (the period's sessions, entrants …), read once per statement
   * as the CTE `base` that the tables' facts select from.
   */
  base?: FactsSql;
  /** Further shared rows derived from `base` (the CTE `people`: once per person, with their attributes). */
  people?: FactsSql;
  tables: TableDefinition[];
  /** The headline figure month by month; `total` as the column means the row total of a partition. */
  trend: { table: string; column: string };
  /** The breakdowns that apply (the conference figures are per institution, not per person). */
  breakdowns: readonly Breakdown[];
  /** Only leads: figures that are not a caseload's (conferences of the organisation). */
  leadsOnly?: boolean;
}
