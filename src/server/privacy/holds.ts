/**
 * What stops or freezes a case: a legal hold (kept from the deletion job, with its reason) and a
 * restriction of processing (Art. 18: the case is frozen, `loadCase` answers 423 for everyone).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { CasePrivacyState, LegalHoldBody } from '../../contracts/privacy';
import { findCase } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { clients, retentionNotices, users } from '../db/schema';
import { assertCan, can } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { invalidField } from '../lib/errors';
import { personOf, requestForChange, touchRequest } from './requests';

/**
 * The case as the actor may reach it: those who work on cases through the case's own access check
 * (restricted or not), the dpo — who opens no case — by the organisation alone.
 */
async function caseFor(db: Db, actor: Actor, clientId: string) {
  if (can(actor, 'cases.work')) return (await findCase(db, actor, clientId)).row;
  return personOf(db, actor, clientId);
}

/** The hold, the restriction and an announced deletion, for everyone who may open the case (and the dpo). */
export async function casePrivacy(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
): Promise<CasePrivacyState> {
  if (!can(actor, 'cases.work')) assertCan(actor, 'privacy.holds');
  const row = await caseFor(ctx.db, actor, clientId);
  const [by] = row.legalHoldBy
    ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, row.legalHoldBy))
    : [];
  const [notice] = await ctx.db
    .select({ deleteAfter: retentionNotices.deleteAfter })
    .from(retentionNotices)
    .where(and(eq(retentionNotices.clientId, clientId), eq(retentionNotices.state, 'announced')))
    .orderBy(desc(retentionNotices.announcedAt))
    .limit(1);
  return {
    legalHold:
      row.legalHoldReason && row.legalHoldSince
        ? { reason: row.legalHoldReason, since: row.legalHoldSince.toISOString(), by: by?.name ?? '' }
        : null,
    restrictedSince: row.restrictedSince?.toISOString() ?? null,
    deletionAnnouncedFor: notice?.deleteAfter.toISOString() ?? null,
  };
}

export async function setLegalHold(ctx: AppContext, actor: Actor, clientId: string, body: LegalHoldBody) {
  assertCan(actor, 'privacy.holds');
  await ctx.db.transaction(async (tx) => {
    const row = await caseFor(tx, actor, clientId);
    await tx
      .update(clients)
      .set({
        legalHoldReason: body.reason,
        legalHoldSince: row.legalHoldSince ?? new Date(),
        legalHoldBy: actor.userId,
      })
      .where(eq(clients.id, clientId));
    await audit(tx, actor, {
      action: 'privacy.hold_set',
      entityType: 'client',
      entityId: clientId,
      subjectClientId: clientId,
      details: { reason: body.reason },
    });
  });
  return casePrivacy(ctx, actor, clientId);
}

export async function liftLegalHold(ctx: AppContext, actor: Actor, clientId: string) {
  assertCan(actor, 'privacy.holds');
  await ctx.db.transaction(async (tx) => {
    const row = await caseFor(tx, actor, clientId);
    if (!row.legalHoldSince) return;
    await tx
      .update(clients)
      .set({ legalHoldReason: null, legalHoldSince: null, legalHoldBy: null })
      .where(eq(clients.id, clientId));
    await audit(tx, actor, {
      action: 'privacy.hold_lifted',
      entityType: 'client',
      entityId: clientId,
      subjectClientId: clientId,
      details: { reason: row.legalHoldReason },
    });
  });
  return casePrivacy(ctx, actor, clientId);
}

/**
 * Restricts (Art. 18) or lifts the restriction of the case a restriction request names. The
 * request's version guards against two people acting on it at once.
 */
export async function setRestriction(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  version: number,
  restricted: boolean,
) {
  await ctx.db.transaction(async (tx) => {
    const request = await requestForChange(tx, actor, requestId, version);
    if (request.kind !== 'restriction')
      throw invalidField('kind', 'only a restriction request restricts the case');
    if (!request.clientId) throw invalidField('clientId', 'the person is no longer on record');
    const person = await personOf(tx, actor, request.clientId);
    if ((person.restrictedSince !== null) === restricted) return;
    await tx
      .update(clients)
      .set(
        restricted
          ? { restrictedSince: new Date(), restrictedBy: actor.userId }
          : { restrictedSince: null, restrictedBy: null },
      )
      .where(eq(clients.id, person.id));
    await touchRequest(tx, actor, requestId, {});
    await audit(tx, actor, {
      action: restricted ? 'privacy.case_restricted' : 'privacy.restriction_lifted',
      entityType: 'data_subject_request',
      entityId: requestId,
      subjectClientId: person.id,
    });
  });
}
