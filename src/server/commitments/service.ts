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
export { carriedOverSql, commitmentsInScopeSql, presentCommitments } from './present';
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
 * Records what the institution reported. `open → done | dropped` (dropped with the reason), on the
 * day it was reported (today when not said; not in the future, not before the commitment was made).
 * Done and dropped are final: only a lead may take back a report recorded by mistake (status
 * `open`, with the reason, which stays as the commitment's note). Someone who reported meanwhile
 * gets a 409, like any other change made on an old version.
 */
export async function reportCommitment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.output<typeof commitmentReportBody>,
): Promise<Commitment> {
  assertCan(actor, 'commitments.report');
  const today = todayInGermany();
  await ctx.db.transaction(async (tx) => {
    // Out of the caller's reach answers like a missing one, before any version is compared.
    await presentOne(tx, actor, id);
    const current = await loadForChange(tx, actor, commitments, id, body.version, 'commitment');
    const reopening = body.status === 'open';
    if (reopening) {
      if (!hasRole(actor, 'lead')) throw forbidden('Only a lead may take back a report');
      if (current.status === 'open') throw new AppError('conflict', 'The commitment is open already');
    } else if (current.status !== 'open')
      throw new AppError('conflict', `The commitment was reported ${current.status} already`);
    const reportedOn = body.reportedOn ?? today;
    if (!reopening && reportedOn > today) throw invalidField('reportedOn', 'must not be in the future');
    if (!reopening && reportedOn < madeOn(current.createdAt))
      throw invalidField('reportedOn', 'must not be before the commitment was made');
    await writeChange(
      tx,
      actor,
      commitments,
      id,
      body.version,
      reopening
        ? { status: 'open', statusNote: body.note, reportedOn: null, reportedAt: null, reportedBy: null }
        : {
            status: body.status,
            statusNote: body.note ?? null,
            reportedOn,
            reportedAt: new Date(),
            reportedBy: actor.userId,
          },
    );
    await audit(tx, actor, {
      action: 'commitment.reported',
      entityType: 'commitment',
      entityId: id,
      subjectClientId: current.clientId,
      details: { from: current.status, to: body.status, ...(reopening ? {} : { reportedOn }) },
    });
  });
  return presentOne(ctx.db, actor, id);
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
