import { and, eq, sql } from 'drizzle-orm';
import { todayInGermany } from '../../contracts/common';
import type { ErasureResult } from '../../contracts/privacy';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { caseTransitions, clients, dataSubjectRequests } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, invalidField, notFound } from '../lib/errors';
import { anonymise, finishFiles } from './deletion';
import { retentionOf } from './retention';
import { rulesOf, settingsRowOf } from './service';

/** Classes kept by a legal duty (Art. 17(3)(b)): an erasure waits for them; counselling records do not. */
const dutyClasses = ['esf', 'accounting'] as const;

/**
 * Erasure (Art. 17) of the person of an erasure request. Refused, with the reason written on the
 * request, while a legal hold or a retention duty runs; otherwise the case is closed if open and
 * anonymised at once, exactly as the deletion job does, and the request is done with its proof.
 */
export async function eraseForRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
): Promise<ErasureResult> {
  assertCan(actor, 'privacy.requests');
  const now = new Date();
  const today = todayInGermany(now);
  const result = await ctx.db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(dataSubjectRequests)
      .where(
        and(
          eq(dataSubjectRequests.id, requestId),
          eq(dataSubjectRequests.organisationId, actor.organisationId),
        ),
      )
      .for('update');
    if (!request?.clientId) throw notFound('request');
    if (request.kind !== 'erasure') throw invalidField('kind', 'only an erasure request erases');
    if (request.status !== 'open') throw new AppError('conflict', 'This request is already answered');
    const [rules, settings] = await Promise.all([
      rulesOf(tx, actor.organisationId),
      settingsRowOf(tx, actor.organisationId),
    ]);
    const [state] = await retentionOf(
      tx,
      actor.organisationId,
      rules,
      settings.esfLastPaymentOn,
      sql`c.id = ${request.clientId}::uuid`,
      today,
    );
    if (!state) throw notFound('case');
    const [person] = await tx
      .select({ holdReason: clients.legalHoldReason, closedAt: clients.closedAt, stage: clients.stage })
      .from(clients)
      .where(eq(clients.id, request.clientId));
    const duty = state.classes.find(
      (c) => (dutyClasses as readonly string[]).includes(c.class) && c.endsOn > today,
    );
    const esfUnknown = state.esf && !state.classes.some((c) => c.class === 'esf');
    const refusal: ErasureResult['refusal'] = state.held
      ? { kind: 'legal_hold', class: null, endsOn: null, holdReason: person?.holdReason ?? null }
      : duty
        ? { kind: 'retention_duty', class: duty.class, endsOn: duty.endsOn, holdReason: null }
        : esfUnknown
          ? { kind: 'retention_duty', class: 'esf', endsOn: null, holdReason: null }
          : null;
    if (refusal) {
      const reason =
        refusal.kind === 'legal_hold'
          ? `A legal hold keeps the case: ${refusal.holdReason ?? ''}`
          : `The ${refusal.class} records must be kept by law (Art. 17(3)(b)) until ${refusal.endsOn ?? 'the date of the project’s last payment is recorded'}; the processing can be restricted meanwhile.`;
      await answer(tx, actor, request.id, 'refused', reason, now);
      await audit(tx, actor, {
        action: 'privacy.erasure_refused',
        entityType: 'data_subject_request',
        entityId: request.id,
        subjectClientId: request.clientId,
        details: { refusal },
      });
      return { outcome: 'refused', reason, refusal, proofId: null } satisfies ErasureResult;
    }
    if (!person?.closedAt) {
      await tx
        .update(clients)
        .set({ stage: 'closed', closedAt: now, closingOutcome: 'other' })
        .where(eq(clients.id, request.clientId));
      await tx.insert(caseTransitions).values({
        organisationId: actor.organisationId,
        clientId: request.clientId,
        fromStage: person?.stage ?? 'intake',
        toStage: 'closed',
        reason: null,
        outcome: 'other',
        userId: actor.userId,
      });
    }
    await anonymise(tx, ctx, actor.organisationId, {
      reason: 'erasure',
      now,
      cases: [
        {
          clientId: request.clientId,
          noticeId: null,
          announcedAt: null,
          classes: state.classes,
          requestId: request.id,
          by: actor.userId,
        },
      ],
    });
    const [proof] = await tx
      .execute<{ id: string }>(
        sql`SELECT proof_id AS id FROM retention_notices WHERE client_id = ${request.clientId}::uuid AND state = 'files'`,
      )
      .then((r) => r.rows);
    await answer(tx, actor, request.id, 'done', `Erased (proof of deletion ${proof?.id ?? ''})`, now);
    await audit(tx, actor, {
      action: 'privacy.request_changed',
      entityType: 'data_subject_request',
      entityId: request.id,
      details: { status: 'done', proofId: proof?.id ?? null },
    });
    return {
      outcome: 'erased',
      reason: null,
      refusal: null,
      proofId: proof?.id ?? null,
    } satisfies ErasureResult;
  });
  if (result.outcome === 'erased') await finishFiles(ctx, actor.organisationId);
  return result;
}

/** Closes a request with its outcome (the reason of a refusal, the proof of an erasure). */
async function answer(
  tx: Db,
  actor: Actor,
  id: string,
  status: 'done' | 'refused',
  outcome: string,
  now: Date,
) {
  await tx
    .update(dataSubjectRequests)
    .set({
      status,
      outcome,
      closedAt: now,
      closedBy: actor.userId,
      updatedAt: now,
      updatedBy: actor.userId,
      version: sql`${dataSubjectRequests.version} + 1`,
    })
    .where(eq(dataSubjectRequests.id, id));
}
