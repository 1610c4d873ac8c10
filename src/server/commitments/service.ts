/**
 * Commitments after the table: the list of every commitment the caller may see, one commitment,
 * the report of an institution (done or dropped), the first agenda item of a series' next
 * conference, and the reminders (reminders.ts). Made in live mode (make.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Commitment,
  CommitmentListQuery,
  CommitmentPage,
  commitmentReportBody,
} from '../../contracts/commitments';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { commitments, conferences } from '../db/schema';
import { assertCan, assertInOrganisation, hasRole } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit, auditActorMany } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { AppError, forbidden, invalidField, notFound } from '../lib/errors';
import { loadForChange, writeChange } from '../lib/versioned';
import { carriedOverSql, commitmentsInScopeSql, overdueSql, presentCommitments } from './present';

export { commitmentsSection } from './case-section';
// What other domains use of commitments: live mode makes them at the table and shows them, the
// minutes show them; both through the one presenter.
export { changeCommitment, makeCommitment } from './make';
export { carriedOverSql, commitmentsInScopeSql, overdueSql, presentCommitments } from './present';
export { sendCommitmentReminders } from './reminders';

const orderBy: Record<NonNullable<CommitmentListQuery['sort']>, SQL> = {
  dueDate: sql`cm.due_date, cm.created_at`,
  '-dueDate': sql`cm.due_date DESC, cm.created_at DESC`,
  institution: sql`i.name, cm.due_date`,
  createdAt: sql`cm.created_at DESC`,
};

/** The list's filters as one condition over `cm`, always within what the actor may see. */
export function listConditionSql(actor: Actor, q: CommitmentListQuery): SQL {
  const where: SQL[] = [commitmentsInScopeSql(actor)];
  if (q.institutionId) where.push(sql`cm.institution_id = ${q.institutionId}::uuid`);
  if (q.clientId) where.push(sql`cm.client_id = ${q.clientId}::uuid`);
  if (q.conferenceId) where.push(sql`cm.conference_id = ${q.conferenceId}::uuid`);
  if (q.seriesId)
    where.push(sql`cm.conference_id IN (SELECT id FROM conferences WHERE series_id = ${q.seriesId}::uuid)`);
  if (q.status === 'overdue') where.push(overdueSql());
  else if (q.status) where.push(sql`cm.status = ${q.status}`);
  if (q.dueFrom) where.push(sql`cm.due_date >= ${q.dueFrom}::date`);
  if (q.dueTo) where.push(sql`cm.due_date <= ${q.dueTo}::date`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(cm.action ILIKE ${like} OR cm.responsible_name ILIKE ${like})`);
  }
  return sql.join(where, sql` AND `);
}

/** A commitment names its case: showing commitments is a read of those persons' data. */
async function auditShown(db: Db, actor: Actor, items: Commitment[], via: string) {
  const subjects = [...new Set(items.flatMap((c) => (c.client?.visible ? [c.client.id] : [])))];
  if (subjects.length === 0) return;
  await auditActorMany(
    db,
    actor,
    subjects.map((id) => ({ action: 'client.read' as const, subjectClientId: id, details: { via } })),
  );
}

export async function listCommitments(
  ctx: AppContext,
  actor: Actor,
  q: CommitmentListQuery & { limit: number; offset: number },
): Promise<CommitmentPage> {
  assertCan(actor, 'commitments.read');
  const condition = listConditionSql(actor, q);
  const [items, counted] = await Promise.all([
    presentCommitments(ctx.db, actor, condition, {
      orderBy: orderBy[q.sort ?? 'dueDate'],
      limit: q.limit,
      offset: q.offset,
    }),
    ctx.db.execute<{ n: number | string }>(sql`SELECT count(*) AS n FROM commitments cm WHERE ${condition}`),
  ]);
  await auditShown(ctx.db, actor, items, 'commitments');
  return { items, total: Number(counted.rows[0]?.n ?? 0), limit: q.limit, offset: q.offset };
}

/** Every commitment of the list's filters, for an export (at most `max`, in due order). */
export async function allCommitments(ctx: AppContext, actor: Actor, q: CommitmentListQuery, max: number) {
  assertCan(actor, 'commitments.read');
  const items = await presentCommitments(ctx.db, actor, listConditionSql(actor, q), {
    orderBy: orderBy[q.sort ?? 'dueDate'],
    limit: max,
  });
  await auditShown(ctx.db, actor, items, 'commitments.export');
  return items;
}

/** One commitment as the caller may see it: 404 for another organisation's or a case out of reach. */
async function presentOne(db: Db, actor: Actor, id: string): Promise<Commitment> {
  const [found] = await presentCommitments(
    db,
    actor,
    sql`cm.id = ${id}::uuid AND ${commitmentsInScopeSql(actor)}`,
  );
  if (!found) throw notFound('commitment');
  return found;
}

export async function getCommitment(ctx: AppContext, actor: Actor, id: string): Promise<Commitment> {
  assertCan(actor, 'commitments.read');
  const found = await presentOne(ctx.db, actor, id);
  await auditShown(ctx.db, actor, [found], 'commitment');
  return found;
}

/** The day a commitment was made, in Germany's calendar: no report can be older. */
const madeOn = (createdAt: Date) => todayInGermany(createdAt);

/**
 * Records what the institution reported, the staff's way: `open → done | dropped` (dropped with
 * the reason); only a lead may take back a report recorded by mistake (status `open`, with the
 * reason, which stays as the commitment's note). The rule itself is `recordReport`.
 */
export async function reportCommitment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.output<typeof commitmentReportBody>,
): Promise<Commitment> {
  assertCan(actor, 'commitments.report');
  await ctx.db.transaction(async (tx) => {
    // Out of the caller's reach answers like a missing one, before any version is compared.
    await presentOne(tx, actor, id);
    if (body.status === 'open' && !hasRole(actor, 'lead'))
      throw forbidden('Only a lead may take back a report');
    await recordReport(tx, actor, id, body, 'commitment.reported');
  });
  return presentOne(ctx.db, actor, id);
}

/**
 * A report as staff record it (done, dropped, `open` = a report taken back) or as the institution
 * itself makes it in the partner portal (also `progress`: a note on how it is going, the
 * commitment stays open).
 */
export interface ReportStep {
  status: 'open' | 'done' | 'dropped' | 'progress';
  note?: string | null;
  /** The day it was reported; today when left out. Not in the future, not before it was made. */
  reportedOn?: string;
  version: number;
}

/**
 * The one report rule, for staff and partners alike, in the caller's transaction. The caller has
 * decided that the actor may report this commitment (a commitment out of their reach answers 404
 * before this runs) and whether they may take a report back. Done and dropped are final; a report
 * on an old version is a 409, as is one on a commitment reported meanwhile. Audited as `action`
 * with the person the commitment is for.
 */
export async function recordReport(
  tx: Db,
  actor: Actor,
  id: string,
  step: ReportStep,
  action: 'commitment.reported' | 'portal.commitment_reported',
) {
  const today = todayInGermany();
  const current = await loadForChange(tx, actor, commitments, id, step.version, 'commitment');
  const reopening = step.status === 'open';
  if (reopening) {
    if (current.status === 'open') throw new AppError('conflict', 'The commitment is open already');
  } else if (current.status !== 'open')
    throw new AppError('conflict', `The commitment was reported ${current.status} already`);
  const reportedOn = step.reportedOn ?? today;
  if (step.status === 'done' || step.status === 'dropped') {
    if (reportedOn > today) throw invalidField('reportedOn', 'must not be in the future');
    if (reportedOn < madeOn(current.createdAt))
      throw invalidField('reportedOn', 'must not be before the commitment was made');
  }
  await writeChange(tx, actor, commitments, id, step.version, changeOf(actor, step, reportedOn));
  await audit(tx, actor, {
    action,
    entityType: 'commitment',
    entityId: id,
    subjectClientId: current.clientId,
    details: {
      from: current.status,
      to: step.status,
      ...(step.status === 'done' || step.status === 'dropped' ? { reportedOn } : {}),
    },
  });
}

/** The columns a report writes. */
function changeOf(actor: Actor, step: ReportStep, reportedOn: string) {
  switch (step.status) {
    case 'open':
      return { status: 'open', statusNote: step.note, reportedOn: null, reportedAt: null, reportedBy: null };
    case 'progress':
      return { progressNote: step.note ?? null, progressAt: new Date(), progressBy: actor.userId };
    default:
      return {
        status: step.status,
        statusNote: step.note ?? null,
        reportedOn,
        reportedAt: new Date(),
        reportedBy: actor.userId,
      };
  }
}

/**
 * The first agenda item of a conference: the commitments still open from the series' earlier
 * conferences. It is part of the agenda, so every reader of the conference sees it as the agenda's
 * cases: a case the reader cannot open by its neutral label ("Case n" of its conference).
 */
export async function carriedOver(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
): Promise<Commitment[]> {
  assertCan(actor, 'conferences.read');
  assertCan(actor, 'commitments.read');
  const [c] = await ctx.db
    .select({
      id: conferences.id,
      organisationId: conferences.organisationId,
      seriesId: conferences.seriesId,
      startsAt: conferences.startsAt,
    })
    .from(conferences)
    .where(sql`${conferences.id} = ${conferenceId}::uuid`);
  assertInOrganisation(actor, c, 'conference');
  const items = await presentCommitments(ctx.db, actor, carriedOverSql(c), {
    orderBy: sql`cf.starts_at, i.name, cm.due_date, cm.created_at`,
  });
  await auditShown(ctx.db, actor, items, 'carried-over');
  return items;
}
