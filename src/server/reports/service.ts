/**
 * Funder and steering-group reports: which reports a user may run, running one (with the previous
 * period beside it), the cases behind a cell, and reports saved to run again. Leads count the
 * whole organisation; counsellors count their own caseload (the cases they may open), so a
 * counsellor's figures never include a case they could not see. Admin and dpo see no case figures.
 * The documents are in export.ts.
 */
import { createHmac } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type {
  Breakdown,
  DrillDownQuery,
  DrillDownResult,
  ReportCatalogue,
  ReportId,
  ReportQuery,
  ReportResult,
  SavedReport,
  SavedReportBody,
} from '../../contracts/reports';
import type { AppContext } from '../context';
import { savedReports } from '../db/schema';
import { assertCan, can, visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit, auditActorMany } from '../lib/audit';
import { addDays, addMonths, todayInGermany } from '../lib/calendar';
import { forbidden, invalidField, notFound } from '../lib/errors';
import { secretKeysOf } from '../lib/secret-box';
import { ageGroupSql } from './breakdowns';
import type { Period, ReportDefinition } from './definition';
import { definitions, versionsOf } from './definitions';
import { clientsBehindSql, isEmpty, type Population, presentTables, runTables, trendCells } from './engine';
import { suppress } from './suppression';

const isLead = (actor: Actor) => can(actor, 'reports.drilldown');

/** The reports this user may run, with their versions and the breakdowns that apply. */
export function reportCatalogue(actor: Actor): ReportCatalogue {
  assertCan(actor, 'reports.read');
  const ids = [...new Set(definitions.map((d) => d.id))];
  return ids
    .map((id) => versionsOf(id))
    .filter((versions) => !versions.at(-1)?.leadsOnly || isLead(actor))
    .map((versions) => {
      const newest = versions.at(-1) as ReportDefinition;
      return {
        id: newest.id,
        version: newest.version,
        versions: versions.map((v) => v.version),
        breakdowns: [...newest.breakdowns],
      };
    });
}

/** The definition asked for (its newest version unless one is named), if this user may run it. */
export function definitionFor(actor: Actor, id: ReportId, version: number | undefined, by: Breakdown) {
  assertCan(actor, 'reports.read');
  const versions = versionsOf(id);
  const def = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!def) throw invalidField('version', `report ${id} has no version ${version}`);
  if (def.leadsOnly && !isLead(actor))
    throw forbidden('This report counts the whole organisation: leads only');
  if (!def.breakdowns.includes(by)) throw invalidField('by', `report ${id} is not broken down by ${by}`);
  return def;
}

export function populationOf(actor: Actor): Population {
  return isLead(actor)
    ? { kind: 'organisation' }
    : { kind: 'caseload', visible: visibleCasesSql(actor, 'c') };
}

const periodOf = (actor: Actor, from: string, to: string): Period => ({
  organisationId: actor.organisationId,
  from,
  to,
  today: todayInGermany(),
});

/** The period of the same length just before: whole months stay whole months (a quarter → the quarter before). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const wholeMonths = from.endsWith('-01') && addDays(to, 1).endsWith('-01');
  if (wholeMonths) {
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
      Number(to.slice(5, 7)) -
      Number(from.slice(5, 7)) +
      1;
    return { from: addMonths(from, -months), to: addDays(from, -1) };
  }
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/** One report's tables (and optionally its trend) over a period, with the small cells hidden. */
export async function computeReport(
  ctx: AppContext,
  actor: Actor,
  def: ReportDefinition,
  by: Breakdown,
  from: string,
  to: string,
  withTrend: boolean,
) {
  const period = periodOf(actor, from, to);
  const population = populationOf(actor);
  const run = await runTables(ctx.db, def, by, period, population, withTrend);
  const empty = isEmpty(run);
  const trend = withTrend ? trendCells(def, period, run) : null;
  const marks = suppress(run.cells, trend?.line ? [...run.lines, trend.line] : run.lines, run.links);
  const tables = presentTables(run, marks);
  return {
    empty,
    tables,
    trend: trend
      ? {
          table: def.trend.table,
          column: def.trend.column,
          months: trend.months.map(({ month, index }) => {
            const mark = marks[index] ?? null;
            return { month, cell: { value: mark ? null : (run.cells[index]?.value ?? 0), suppressed: mark } };
          }),
        }
      : null,
  };
}

/** A report as the screen shows it: the period, the previous one beside it, the months. */
export async function runReport(ctx: AppContext, actor: Actor, q: ReportQuery): Promise<ReportResult> {
  const by = q.by;
  const def = definitionFor(actor, q.report, q.version, by);
  const current = await computeReport(ctx, actor, def, by, q.from, q.to, true);
  const prev = previousPeriod(q.from, q.to);
  const previous = q.compare ? await computeReport(ctx, actor, def, by, prev.from, prev.to, false) : null;
  return {
    report: def.id,
    version: def.version,
    from: q.from,
    to: q.to,
    by,
    population: isLead(actor) ? 'organisation' : 'caseload',
    generatedAt: new Date().toISOString(),
    empty: current.empty,
    tables: current.tables,
    trend: current.trend,
    previous: previous ? { ...prev, empty: previous.empty, tables: previous.tables } : null,
  };
}

/** The ids of the cases behind one cell (or a row's or the column's total), within the lead's access. */
function casesBehind(actor: Actor, q: DrillDownQuery) {
  assertCan(actor, 'reports.drilldown');
  const by = q.by;
  const def = definitionFor(actor, q.report, q.version, by);
  const table = def.tables.find((t) => t.id === q.table);
  if (!table) throw invalidField('table', `report ${def.id} has no table ${q.table}`);
  if (q.column !== 'total' && !table.columns.some((c) => c.key === q.column))
    throw invalidField('column', `table ${q.table} has no column ${q.column}`);
  const facts = clientsBehindSql(
    def,
    table,
    by,
    periodOf(actor, q.from, q.to),
    populationOf(actor),
    q.row === 'total' ? null : q.row,
    q.column === 'total' ? null : q.column,
  );
  return { def, table, facts };
}

const LISTED = 500;

/** The cases behind a cell: leads only, each case's read audited, and the opening itself. */
export async function drillDown(ctx: AppContext, actor: Actor, q: DrillDownQuery): Promise<DrillDownResult> {
  const { def, facts } = casesBehind(actor, q);
  const result = await ctx.db.execute<{
    id: string;
    case_code: string;
    name: string;
    stage: string;
    total: number;
  }>(sql`
    SELECT c.id, c.case_code, c.given_names || ' ' || c.family_name AS name, c.stage, count(*) OVER ()::int AS total
    FROM clients c WHERE c.id IN (${facts}) AND ${visibleCasesSql(actor, 'c')}
    ORDER BY c.family_name, c.given_names, c.case_code LIMIT ${LISTED}`);
  const cases = result.rows.map((r) => ({ id: r.id, caseCode: r.case_code, name: r.name, stage: r.stage }));
  const total = Number(result.rows[0]?.total ?? 0);
  await audit(ctx.db, actor, {
    action: 'report.drilldown',
    entityType: 'report',
    entityId: null,
    details: {
      report: def.id,
      version: def.version,
      from: q.from,
      to: q.to,
      by: q.by,
      table: q.table,
      row: q.row,
      column: q.column,
      cases: total,
    },
  });
  await auditActorMany(
    ctx.db,
    actor,
    cases.map((c) => ({
      action: 'client.read' as const,
      subjectClientId: c.id,
      details: { via: 'report.drilldown' },
    })),
  );
  return { total, cases };
}

/**
 * A keyed pseudonym of a case: the same case gives the same pseudonym in every export of this
 * installation (so a funder can follow a person across reports), but without the secret key
 * nobody can tell whose it is or compute it from a case code.
 */
export function pseudonymOf(ctx: AppContext, clientId: string): string {
  const key = secretKeysOf(ctx.config).current;
  return createHmac('sha256', key).update(`report-pseudonym:${clientId}`).digest('hex').slice(0, 16);
}

/** The cases behind a cell for a document: pseudonym and coarse facts, never a name or birth date. */
export async function drillDownRecords(ctx: AppContext, actor: Actor, q: DrillDownQuery) {
  const { def, facts } = casesBehind(actor, q);
  const result = await ctx.db.execute<{
    id: string;
    stage: string;
    gender: string | null;
    age_group: string;
    citizenship: string | null;
  }>(sql`
    SELECT c.id, c.stage, c.gender, ${ageGroupSql()} AS age_group, c.citizenships[1] AS citizenship
    FROM clients c WHERE c.id IN (${facts}) AND ${visibleCasesSql(actor, 'c')}`);
  const records = result.rows
    .map((r) => ({
      pseudonym: pseudonymOf(ctx, r.id),
      stage: r.stage,
      gender: r.gender ?? 'not_recorded',
      ageGroup: r.age_group,
      citizenship: r.citizenship,
      id: r.id,
    }))
    .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
  await audit(ctx.db, actor, {
    action: 'report.exported',
    entityType: 'report',
    entityId: null,
    details: {
      report: def.id,
      version: def.version,
      from: q.from,
      to: q.to,
      table: q.table,
      row: q.row,
      column: q.column,
      cases: records.length,
      format: 'xlsx',
      pseudonymised: true,
    },
  });
  return { def, records };
}

// --- saved reports ---

const presentSaved = (r: typeof savedReports.$inferSelect): SavedReport => {
  const p = r.params as { from: string; to: string; by: Breakdown };
  return {
    id: r.id,
    name: r.name,
    report: r.report as ReportId,
    version: r.version,
    from: p.from,
    to: p.to,
    by: p.by,
    createdAt: r.createdAt.toISOString(),
  };
};

export async function listSavedReports(ctx: AppContext, actor: Actor): Promise<SavedReport[]> {
  assertCan(actor, 'reports.read');
  const rows = await ctx.db
    .select()
    .from(savedReports)
    .where(and(eq(savedReports.organisationId, actor.organisationId), eq(savedReports.userId, actor.userId)))
    .orderBy(desc(savedReports.createdAt));
  // A report of a definition this user may no longer run (a counsellor's old lead report) is not offered.
  return rows.map(presentSaved).filter((r) => !versionsOf(r.report).at(-1)?.leadsOnly || isLead(actor));
}

export async function saveReport(ctx: AppContext, actor: Actor, body: SavedReportBody): Promise<SavedReport> {
  definitionFor(actor, body.report, body.version, body.by);
  if (body.from > body.to) throw invalidField('to', 'the period ends before it begins');
  const [row] = await ctx.db
    .insert(savedReports)
    .values({
      organisationId: actor.organisationId,
      userId: actor.userId,
      name: body.name,
      report: body.report,
      version: body.version,
      params: { from: body.from, to: body.to, by: body.by },
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await audit(ctx.db, actor, {
    action: 'report.saved',
    entityType: 'saved_report',
    entityId: row.id,
    details: { report: body.report, version: body.version },
  });
  return presentSaved(row);
}

/** Saved reports are their user's own: another user's id answers 404. */
export async function deleteSavedReport(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, 'reports.read');
  const removed = await ctx.db
    .delete(savedReports)
    .where(
      and(
        eq(savedReports.id, id),
        eq(savedReports.organisationId, actor.organisationId),
        eq(savedReports.userId, actor.userId),
      ),
    )
    .returning({ id: savedReports.id });
  if (removed.length === 0) throw notFound('saved report');
  await audit(ctx.db, actor, { action: 'report.deleted', entityType: 'saved_report', entityId: id });
  return { ok: true as const };
}
