/**
 * The figures of the conference report, counted by the database in one statement over the live
 * tables: one snapshot, so the totals, the tables and the chart always agree, and no row of a case
 * ever reaches the application (only counts leave the database).
 */
import { type SQL, sql } from 'drizzle-orm';
import { stages } from '../../contracts/clients';
import type { Db } from '../db/client';

/** Closing a case is moving on only when it closes with work or training (not "moved away", "no contact"). */
const movedOnClosings = ['employed_matching', 'employed_below', 'in_training'] as const;
/** Held: the conference took place (its minutes may since have been published, or the file closed). */
export const heldStatuses = ['held', 'minutes_published', 'closed'] as const;

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const stageOrder = sql.raw(`ARRAY[${stages.map((s) => `'${s}'`).join(', ')}]::text[]`);

/** A transition `ct` to a later stage of the case workflow (contracts/clients `stages`). */
const forwardSql = sql`(array_position(${stageOrder}, ct.to_stage) > array_position(${stageOrder}, ct.from_stage)
  AND (ct.to_stage <> 'closed' OR ct.outcome IN (${list(movedOnClosings)})))`;

/**
 * The state of a commitment `cm` on `today`: dropped, done on time or late (by the day reported),
 * overdue, or open and not yet due. The conference report and the funder reports count by it.
 */
export const commitmentStateSql = (today: string) => sql`CASE WHEN cm.status = 'dropped' THEN 'dropped'
  WHEN cm.status = 'done' AND cm.reported_on <= cm.due_date THEN 'done_on_time'
  WHEN cm.status = 'done' THEN 'done_late'
  WHEN cm.due_date < ${today}::date THEN 'overdue'
  ELSE 'open_not_due' END`;

/** Which conferences the report covers: a condition over `c` (conferences) of the organisation. */
export type ScopeSql = SQL;

export const oneConferenceSql = (id: string): ScopeSql => sql`c.id = ${id}::uuid`;

/** Conferences (not cancelled) whose local date lies in the period; of one series when it is named. */
export function periodSql(from: string, to: string, seriesId: string | null): ScopeSql {
  return sql`c.status <> 'cancelled'
    AND (c.starts_at AT TIME ZONE c.time_zone)::date BETWEEN ${from}::date AND ${to}::date
    ${seriesId ? sql`AND c.series_id = ${seriesId}::uuid` : sql``}`;
}

type Counts = Record<'made' | 'doneOnTime' | 'doneLate' | 'openNotDue' | 'overdue' | 'dropped', number>;
type Ref = { id: string; name: string };
type ConferenceRef = { id: string; title: string; startsAt: string };

export interface ReportFigures {
  totals: { conferences: number; conferencesHeld: number; casesDiscussed: number; casesMovedOn: number };
  commitmentTotals: Counts | null;
  conferences: (ConferenceRef & {
    status: string;
    casesDiscussed: number;
    casesMovedOn: number;
    commitmentsMade: number;
  })[];
  commitmentsByInstitution: (Counts & { institution: Ref })[];
  casesByInstitution: { institution: Ref; casesDiscussed: number; casesMovedOn: number }[];
  pathways: {
    id: string;
    title: string;
    occupationGroup: string;
    adoptedAt: ConferenceRef | null;
    casesFollowing: number;
    stepsDone: number;
    stepsTotal: number;
    casesCompleted: number;
  }[];
}

/** Each commitment's state on `today`, counted per group: the five states add up to `made`. */
const countsSql = sql`'made', count(*),
  'doneOnTime', count(*) FILTER (WHERE state = 'done_on_time'),
  'doneLate', count(*) FILTER (WHERE state = 'done_late'),
  'openNotDue', count(*) FILTER (WHERE state = 'open_not_due'),
  'overdue', count(*) FILTER (WHERE state = 'overdue'),
  'dropped', count(*) FILTER (WHERE state = 'dropped')`;

/**
 * Every figure of the report for the conferences `scope` selects. A case counts as discussed when
 * live mode marked it (`discussed_at`); at a held conference where live mode marked no case at all,
 * every nominated case counts, because the conference was held with its agenda.
 */
export async function reportFigures(
  db: Db,
  organisationId: string,
  scope: ScopeSql,
  today: string,
): Promise<ReportFigures> {
  const result = await db.execute<{ figures: ReportFigures }>(sql`
    WITH scope AS (
      SELECT c.id, c.title, c.starts_at, c.status, c.status IN (${list(heldStatuses)}) AS held
      FROM conferences c
      WHERE c.organisation_id = ${organisationId}::uuid AND ${scope}
    ),
    live AS (
      SELECT DISTINCT n.conference_id FROM conference_nominations n
      WHERE n.conference_id IN (SELECT id FROM scope) AND n.discussed_at IS NOT NULL
    ),
    discussed AS (
      SELECT n.conference_id, n.client_id, n.institution_ids,
        EXISTS (SELECT 1 FROM case_transitions ct
          WHERE ct.client_id = n.client_id AND ct.at > s.starts_at AND ${forwardSql}) AS moved_on
      FROM conference_nominations n JOIN scope s ON s.id = n.conference_id
      WHERE n.discussed_at IS NOT NULL OR (s.held AND n.conference_id NOT IN (SELECT conference_id FROM live))
    ),
    made AS (
      SELECT cm.conference_id, cm.institution_id,
        ${commitmentStateSql(today)} AS state
      FROM commitments cm
      WHERE cm.organisation_id = ${organisationId}::uuid AND cm.conference_id IN (SELECT id FROM scope)
    ),
    by_institution AS (
      SELECT made.institution_id, i.name, GROUPING(made.institution_id) AS total, json_build_object(${countsSql}) AS counts
      FROM made JOIN institutions i ON i.id = made.institution_id
      GROUP BY GROUPING SETS ((made.institution_id, i.name), ())
    ),
    pw AS (
      SELECT p.id, p.title, p.occupation_group, p.conference_id FROM pathways p
      WHERE p.organisation_id = ${organisationId}::uuid AND (
        p.conference_id IN (SELECT id FROM scope)
        OR p.id IN (SELECT o.pathway_id FROM objectives o
          WHERE o.client_id IN (SELECT client_id FROM discussed) AND o.pathway_id IS NOT NULL))
    ),
    following AS (
      SELECT f.pathway_id, f.client_id, count(s.id) AS steps, count(s.done_at) AS done
      FROM (SELECT DISTINCT o.pathway_id, o.client_id FROM objectives o
        WHERE o.organisation_id = ${organisationId}::uuid AND o.pathway_id IN (SELECT id FROM pw)) f
      LEFT JOIN next_steps s ON s.client_id = f.client_id AND s.pathway_id = f.pathway_id
      GROUP BY f.pathway_id, f.client_id
    )
    SELECT json_build_object(
      'totals', (SELECT json_build_object(
        'conferences', (SELECT count(*) FROM scope),
        'conferencesHeld', (SELECT count(*) FROM scope WHERE held),
        'casesDiscussed', (SELECT count(*) FROM discussed),
        'casesMovedOn', (SELECT count(*) FROM discussed WHERE moved_on))),
      'commitmentTotals', (SELECT counts FROM by_institution WHERE total = 1),
      'conferences', (SELECT coalesce(json_agg(json_build_object(
          'id', s.id, 'title', s.title, 'startsAt', s.starts_at, 'status', s.status,
          'casesDiscussed', coalesce(d.discussed, 0), 'casesMovedOn', coalesce(d.moved_on, 0),
          'commitmentsMade', coalesce(m.made, 0)
        ) ORDER BY s.starts_at, s.title), '[]') FROM scope s
        LEFT JOIN (SELECT conference_id, count(*) AS discussed, count(*) FILTER (WHERE moved_on) AS moved_on
          FROM discussed GROUP BY conference_id) d ON d.conference_id = s.id
        LEFT JOIN (SELECT conference_id, count(*) AS made FROM made GROUP BY conference_id) m ON m.conference_id = s.id),
      'commitmentsByInstitution', (SELECT coalesce(json_agg(
          (counts::jsonb || jsonb_build_object('institution', json_build_object('id', institution_id, 'name', name)))
          ORDER BY name), '[]') FROM by_institution WHERE total = 0),
      'casesByInstitution', (SELECT coalesce(json_agg(x ORDER BY x.name), '[]') FROM (
          SELECT i.name, json_build_object('id', i.id, 'name', i.name) AS institution,
            count(*) AS "casesDiscussed", count(*) FILTER (WHERE d.moved_on) AS "casesMovedOn"
          FROM discussed d CROSS JOIN LATERAL (SELECT DISTINCT unnest(d.institution_ids) AS id) needed
          JOIN institutions i ON i.id = needed.id AND i.organisation_id = ${organisationId}::uuid
          GROUP BY i.id, i.name) x),
      'pathways', (SELECT coalesce(json_agg(x ORDER BY x.title), '[]') FROM (
          SELECT pw.id, pw.title, pw.occupation_group AS "occupationGroup",
            CASE WHEN cf.id IS NULL THEN NULL
              ELSE json_build_object('id', cf.id, 'title', cf.title, 'startsAt', cf.starts_at) END AS "adoptedAt",
            count(f.client_id) AS "casesFollowing",
            coalesce(sum(f.done), 0) AS "stepsDone",
            coalesce(sum(f.steps), 0) AS "stepsTotal",
            count(*) FILTER (WHERE f.steps > 0 AND f.done = f.steps) AS "casesCompleted"
          FROM pw LEFT JOIN following f ON f.pathway_id = pw.id
          LEFT JOIN conferences cf ON cf.id = pw.conference_id
          GROUP BY pw.id, pw.title, pw.occupation_group, cf.id, cf.title, cf.starts_at) x)
    ) AS figures`);
  const figures = result.rows[0]?.figures;
  if (!figures) throw new Error('the report query returned no row');
  // node-postgres parses json columns; PGlite does too, but a driver that hands back text is read here.
  return typeof figures === 'string' ? (JSON.parse(figures) as ReportFigures) : figures;
}
