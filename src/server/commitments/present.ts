/**
 * Commitments as a given viewer may see them: one query for the list, the conference's live view,
 * the first agenda item of the next conference and the case file. Which rows are asked for is the
 * caller's business (a SQL condition over `cm`, the commitments table); what each row shows of
 * its case is decided here.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Commitment, commitmentStatusSchema } from '../../contracts/commitments';
import type { Db } from '../db/client';
import { visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { todayInGermany } from '../lib/calendar';

interface Row extends Record<string, unknown> {
  id: string;
  conference_id: string;
  conference_title: string;
  starts_at: Date | string;
  client_id: string | null;
  case_code: string | null;
  given_names: string | null;
  family_name: string | null;
  visible: boolean | null;
  agenda_place: number | string | null;
  nomination_id: string | null;
  institution_id: string;
  institution_name: string;
  contact_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  responsible_name: string | null;
  action: string;
  due_date: string;
  status: string;
  status_note: string | null;
  reported_on: string | null;
  reported_by_name: string | null;
  progress_note: string | null;
  progress_at: Date | string | null;
  created_at: Date | string;
  version: number;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** The case may be opened by the viewer: the same rule as the case list (`visibleCasesSql`). */
export function commitmentCaseVisibleSql(actor: Actor): SQL {
  return sql`(cm.client_id IS NOT NULL AND EXISTS (SELECT 1 FROM clients WHERE clients.id = cm.client_id AND ${visibleCasesSql(actor)}))`;
}

/** Commitments on no case, or on a case the viewer may open: what counsellors see in lists. */
export function commitmentsInScopeSql(actor: Actor): SQL {
  return sql`(cm.organisation_id = ${actor.organisationId}::uuid AND (cm.client_id IS NULL OR ${commitmentCaseVisibleSql(actor)}))`;
}

/**
 * The case's place on its conference's agenda (1 = the first case), over `nm`, the commitment's
 * nomination: how a case is named where its name may not go (a neutral label, a reminder mail).
 */
export const agendaPlaceSql = sql`(SELECT count(*) FROM conference_nominations n2
  WHERE n2.conference_id = nm.conference_id
    AND (n2.position, n2.created_at, n2.id) <= (nm.position, nm.created_at, nm.id))`;

/** Open and past due in Germany's calendar: the one definition of overdue, for SQL filters. */
export function overdueSql(today = todayInGermany()): SQL {
  return sql`(cm.status = 'open' AND cm.due_date < ${today}::date)`;
}

/**
 * The commitments matching `where` (a condition over `cm`), in `orderBy`, presented for `actor`.
 * A case the viewer cannot open shows as "Case n" (its place on that conference's agenda, in the
 * agenda's order: position, then the order the cases came in).
 */
export async function presentCommitments(
  db: Db,
  actor: Actor,
  where: SQL,
  options: { orderBy?: SQL; limit?: number; offset?: number } = {},
): Promise<Commitment[]> {
  const result = await db.execute<Row>(sql`
    SELECT cm.id, cm.conference_id, cf.title AS conference_title, cf.starts_at,
      cm.client_id, cl.case_code, cl.given_names, cl.family_name,
      ${commitmentCaseVisibleSql(actor)} AS visible,
      ${agendaPlaceSql} AS agenda_place,
      cm.nomination_id, cm.institution_id, i.name AS institution_name,
      cm.contact_id, ic.name AS contact_name, ic.email AS contact_email,
      cm.responsible_name, cm.action, cm.due_date, cm.status, cm.status_note, cm.reported_on,
      u.name AS reported_by_name, cm.progress_note, cm.progress_at, cm.created_at, cm.version
    FROM commitments cm
    JOIN conferences cf ON cf.id = cm.conference_id
    JOIN institutions i ON i.id = cm.institution_id
    LEFT JOIN institution_contacts ic ON ic.id = cm.contact_id
    LEFT JOIN clients cl ON cl.id = cm.client_id
    LEFT JOIN conference_nominations nm ON nm.id = cm.nomination_id
    LEFT JOIN users u ON u.id = cm.reported_by
    WHERE cm.organisation_id = ${actor.organisationId}::uuid AND ${where}
    ORDER BY ${options.orderBy ?? sql`cm.due_date, cm.created_at`}
    ${options.limit !== undefined ? sql`LIMIT ${options.limit}` : sql``}
    ${options.offset ? sql`OFFSET ${options.offset}` : sql``}`);
  const today = todayInGermany();
  return result.rows.map((r) => {
    const status = commitmentStatusSchema.parse(r.status);
    const dueDate = day(r.due_date);
    const reportedOn = r.reported_on ? day(r.reported_on) : null;
    const visible = !!r.visible;
    const place = Number(r.agenda_place ?? 0) || null;
    return {
      id: r.id,
      conference: { id: r.conference_id, title: r.conference_title, startsAt: iso(r.starts_at) },
      client: r.client_id
        ? {
            id: r.client_id,
            label: visible ? `${r.case_code} · ${r.given_names} ${r.family_name}` : `Case ${place ?? '—'}`,
            visible,
            place,
          }
        : null,
      nominationId: r.nomination_id,
      institution: { id: r.institution_id, name: r.institution_name },
      contact: r.contact_id
        ? { id: r.contact_id, name: r.contact_name ?? '—', email: r.contact_email }
        : null,
      responsibleName: r.responsible_name,
      action: r.action,
      dueDate,
      status,
      overdue: status === 'open' && dueDate < today,
      onTime: status === 'done' ? !!reportedOn && reportedOn <= dueDate : null,
      statusNote: r.status_note,
      reportedOn,
      reportedBy: r.reported_by_name,
      progressNote: r.progress_note,
      progressAt: r.progress_at ? iso(r.progress_at) : null,
      createdAt: iso(r.created_at),
      version: Number(r.version),
    };
  });
}

/**
 * The first agenda item of a conference: commitments still open from earlier conferences of the
 * same series. They are not copied: a commitment reported done disappears from every later agenda.
 * With `settledSince` (the minutes: the conference's start) also those reported done or dropped
 * since then — reported at the table, they belong in the minutes of that item.
 */
export function carriedOverSql(
  conference: { id: string; seriesId: string | null; startsAt: Date },
  options: { settledSince?: Date } = {},
): SQL {
  if (!conference.seriesId) return sql`false`;
  const still = options.settledSince
    ? sql`(cm.status = 'open' OR cm.reported_at >= ${options.settledSince.toISOString()}::timestamptz)`
    : sql`cm.status = 'open'`;
  return sql`(${still} AND cm.conference_id IN (
    SELECT id FROM conferences WHERE series_id = ${conference.seriesId}::uuid
      AND starts_at < ${conference.startsAt.toISOString()}::timestamptz AND id <> ${conference.id}::uuid))`;
}
