import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Stage, stages } from '../../contracts/clients';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { caseTransitions, clientCounsellors, clients, users } from '../db/schema';
import { assertCan, canReassignCase, canSeeCase, hasRole, notPartnerSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit, auditActorMany } from '../lib/audit';
import { AppError, forbidden, invalidField, notFound } from '../lib/errors';
import { enqueueMail } from '../lib/mail';
import { notifyUser } from '../lib/notifications';
import { firstRow } from '../lib/required';
import { assertVersion } from '../lib/versioned';
import { planExitSteps } from './exit';
import { loadCase, presentCase } from './service';

const order = (s: Stage) => stages.indexOf(s);

/** Closing needs an outcome, which the case keeps; every other stage has none. */
function closingOutcome(body: { to: Stage; outcome?: string | undefined }): string | null {
  if (body.to !== 'closed') return null;
  if (!body.outcome) throw invalidField('outcome', 'closing a case needs an outcome');
  return body.outcome;
}

/**
 * Moves a case along intake → … → closed. Forward moves need nothing; a step back needs a
 * reason; closing needs an outcome. Every transition is kept with time and user.
 */
export async function changeStage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { to: Stage; version: number; reason?: string | undefined; outcome?: string | undefined },
) {
  const result = await ctx.db.transaction(async (tx) => {
    const { row, counsellorIds } = await loadCase(tx, actor, id);
    await assertVersion(tx, row, body.version);
    const from = row.stage as Stage;
    if (from === body.to) throw invalidField('to', 'the case is already in this stage');
    const back = order(body.to) < order(from);
    if (back && !body.reason) throw invalidField('reason', 'a step back needs a reason');
    const outcome = closingOutcome(body);
    const [saved] = await tx
      .update(clients)
      .set({
        stage: body.to,
        closingOutcome: outcome,
        closedAt: body.to === 'closed' ? new Date() : null,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`${clients.version} + 1`,
      })
      .where(and(eq(clients.id, id), eq(clients.version, body.version)))
      .returning();
    if (!saved) throw new AppError('version_conflict', 'Changed by someone else just now');
    await tx.insert(caseTransitions).values({
      organisationId: actor.organisationId,
      clientId: id,
      fromStage: from,
      toStage: body.to,
      reason: body.reason ?? null,
      outcome,
      userId: actor.userId,
    });
    // Funders ask what became of the person: closing plans the questions (exit.ts).
    const planned = body.to === 'closed' ? await planExitSteps(tx, actor, saved) : 0;
    await audit(tx, actor, {
      action: 'client.stage_changed',
      entityType: 'client',
      entityId: id,
      subjectClientId: id,
      details: {
        from,
        to: body.to,
        ...(body.outcome ? { outcome: body.outcome } : {}),
        ...(planned ? { stepsPlanned: planned } : {}),
      },
    });
    return { saved, counsellorIds };
  });
  return presentCase(ctx.db, actor, result.saved, result.counsellorIds);
}

async function assertColleague(db: Db, actor: Actor, userId: string, field: string) {
  const [u] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      roles: users.roles,
      language: users.language,
      status: users.status,
    })
    .from(users)
    .where(
      and(eq(users.id, userId), eq(users.organisationId, actor.organisationId), notPartnerSql(users.roles)),
    );
  if (
    !u ||
    u.status === 'deactivated' ||
    !hasRole({ roles: u.roles as Actor['roles'] }, 'counsellor', 'lead')
  ) {
    throw invalidField(field, 'not an active counsellor or lead of this organisation');
  }
  return u;
}

/** Tells the new owner, in Lotse and by mail, that a case is now theirs. */
async function notifyHandover(
  ctx: AppContext,
  tx: Db,
  actor: Actor,
  to: { id: string; email: string; language: string },
  c: { id: string; caseCode: string },
  note: string | undefined,
) {
  const de = to.language !== 'en';
  const message = de
    ? `${actor.name} hat Ihnen den Fall ${c.caseCode} übergeben.${note ? ` Notiz: ${note}` : ''}`
    : `${actor.name} has handed case ${c.caseCode} over to you.${note ? ` Note: ${note}` : ''}`;
  await notifyUser(tx, {
    organisationId: actor.organisationId,
    userId: to.id,
    kind: 'handover',
    clientId: c.id,
    message,
  });
  // The mail names the case code only: names of clients do not travel by e-mail.
  await enqueueMail(tx, ctx.config, {
    organisationId: actor.organisationId,
    to: to.email,
    subject: de ? `Fallübergabe: ${c.caseCode}` : `Case handover: ${c.caseCode}`,
    text: `${message}\n\n${ctx.config.baseUrl}/cases/${c.id}`,
  });
}

/**
 * Gives cases a new owner, one or many (handover, bulk reassignment): the new owner is no longer
 * listed as a further counsellor of them. Answers the changed rows.
 */
async function moveOwner(tx: Db, actor: Actor, caseIds: string[], toUserId: string) {
  const saved = await tx
    .update(clients)
    .set({
      ownerId: toUserId,
      updatedAt: new Date(),
      updatedBy: actor.userId,
      version: sql`${clients.version} + 1`,
    })
    .where(inArray(clients.id, caseIds))
    .returning();
  await tx
    .delete(clientCounsellors)
    .where(and(inArray(clientCounsellors.clientId, caseIds), eq(clientCounsellors.userId, toUserId)));
  return saved;
}

export async function handover(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { toUserId: string; note?: string | undefined; keepPreviousOwner: boolean; version: number },
) {
  const result = await ctx.db.transaction(async (tx) => {
    const { row, counsellorIds } = await loadCase(tx, actor, id);
    if (!canReassignCase(actor, row))
      throw forbidden('Only the owner or a project lead can hand a case over');
    await assertVersion(tx, row, body.version);
    if (body.toUserId === row.ownerId) throw invalidField('toUserId', 'already owns the case');
    const to = await assertColleague(tx, actor, body.toUserId, 'toUserId');
    const saved = firstRow(await moveOwner(tx, actor, [id], to.id), 'the case handed over');
    let ids = counsellorIds.filter((c) => c !== to.id);
    if (body.keepPreviousOwner && !ids.includes(row.ownerId)) {
      await tx
        .insert(clientCounsellors)
        .values({ organisationId: actor.organisationId, clientId: id, userId: row.ownerId });
      ids = [...ids, row.ownerId];
    }
    await notifyHandover(ctx, tx, actor, to, row, body.note);
    await audit(tx, actor, {
      action: 'client.handed_over',
      entityType: 'client',
      entityId: id,
      subjectClientId: id,
      details: { from: row.ownerId, to: to.id },
    });
    return { saved, counsellorIds: ids };
  });
  return presentCase(ctx.db, actor, result.saved, result.counsellorIds);
}

/** The further counsellors of a case (besides its owner). */
export async function setCounsellors(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { userIds: string[]; version: number },
) {
  const result = await ctx.db.transaction(async (tx) => {
    const { row } = await loadCase(tx, actor, id);
    await assertVersion(tx, row, body.version);
    const ids = [...new Set(body.userIds.filter((u) => u !== row.ownerId))];
    for (const [i, u] of ids.entries()) await assertColleague(tx, actor, u, `userIds.${i}`);
    await tx.delete(clientCounsellors).where(eq(clientCounsellors.clientId, id));
    if (ids.length)
      await tx
        .insert(clientCounsellors)
        .values(ids.map((userId) => ({ organisationId: actor.organisationId, clientId: id, userId })));
    const saved = firstRow(
      await tx
        .update(clients)
        .set({ updatedAt: new Date(), updatedBy: actor.userId, version: sql`${clients.version} + 1` })
        .where(eq(clients.id, id))
        .returning(),
      'the case whose counsellors changed',
    );
    await audit(tx, actor, {
      action: 'client.counsellors_changed',
      entityType: 'client',
      entityId: id,
      subjectClientId: id,
      details: { counsellors: ids },
    });
    // A counsellor who removed themselves no longer sees the case.
    if (!canSeeCase(actor, { ...saved, counsellorIds: ids })) return null;
    return { saved, counsellorIds: ids };
  });
  return result ? presentCase(ctx.db, actor, result.saved, result.counsellorIds) : null;
}

/** A project lead moves many cases to one colleague, e.g. when someone leaves. */
export async function bulkReassign(
  ctx: AppContext,
  actor: Actor,
  body: { clientIds: string[]; toUserId: string; note?: string | undefined },
) {
  assertCan(actor, 'cases.reassign');
  return ctx.db.transaction(async (tx) => {
    const to = await assertColleague(tx, actor, body.toUserId, 'toUserId');
    const rows = await tx
      .select({ id: clients.id, caseCode: clients.caseCode, ownerId: clients.ownerId })
      .from(clients)
      .where(and(inArray(clients.id, body.clientIds), eq(clients.organisationId, actor.organisationId)));
    if (rows.length !== new Set(body.clientIds).size) throw notFound('case');
    const moving = rows.filter((r) => r.ownerId !== to.id);
    const [first] = moving;
    if (!first) return { moved: 0 };
    await moveOwner(
      tx,
      actor,
      moving.map((r) => r.id),
      to.id,
    );
    await auditActorMany(
      tx,
      actor,
      moving.map((r) => ({
        action: 'client.handed_over',
        entityType: 'client',
        entityId: r.id,
        subjectClientId: r.id,
        details: { from: r.ownerId, to: to.id, bulk: true },
      })),
    );
    const codes = moving.map((r) => r.caseCode).join(', ');
    await notifyHandover(ctx, tx, actor, to, { id: first.id, caseCode: codes }, body.note);
    return { moved: moving.length };
  });
}
