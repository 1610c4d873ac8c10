/**
 * Whom a partner request acts for, and which cases that institution receives *now*. Every portal
 * read starts here: the institution is the session's (`actor.institutionId`, from the partner's
 * membership in the organisation they chose), never a parameter; the consents are read at the
 * moment of the request, so a withdrawal or an expiry hides a case at the next request — its
 * brief, its pack page, its minutes and its commitments alike.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { conferenceConsents, receiptOf, shareWith } from '../conferences/service';
import type { Db } from '../db/client';
import { conferenceNominations } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { todayInGermany } from '../lib/calendar';
import { forbidden } from '../lib/errors';

export interface PartnerScope {
  actor: Actor;
  organisationId: string;
  institution: { id: string; name: string };
}

/** The partner's institution in the session's organisation; staff have no portal. */
export function partnerScope(actor: Actor): PartnerScope {
  assertCan(actor, 'portal.use');
  if (!actor.institutionId || !actor.institutionName) throw forbidden();
  return {
    actor,
    organisationId: actor.organisationId,
    institution: { id: actor.institutionId, name: actor.institutionName },
  };
}

export type NominationRow = typeof conferenceNominations.$inferSelect;
export type Receipt = NonNullable<ReturnType<typeof receiptOf>>;

/**
 * What the institution receives of each of these nominations now: identified, pseudonymised or
 * anonymised with the consent cited — and nothing (absent from the map) for a case held back from
 * it, whatever the reason. Nominations of another organisation are never in the answer.
 */
export async function receipts(
  db: Db,
  scope: PartnerScope,
  nominationIds: readonly string[],
  today = todayInGermany(),
): Promise<Map<string, { n: NominationRow; receipt: Receipt }>> {
  const out = new Map<string, { n: NominationRow; receipt: Receipt }>();
  if (nominationIds.length === 0) return out;
  const rows = await db
    .select()
    .from(conferenceNominations)
    .where(
      and(
        eq(conferenceNominations.organisationId, scope.organisationId),
        inArray(conferenceNominations.id, [...new Set(nominationIds)]),
      ),
    );
  const consents = await conferenceConsents(
    db,
    rows.filter((n) => !n.anonymised).map((n) => n.clientId),
  );
  for (const n of rows) {
    const receipt = receiptOf(n, shareWith(consents.get(n.clientId) ?? [], scope.institution, today));
    if (receipt) out.set(n.id, { n, receipt });
  }
  return out;
}
