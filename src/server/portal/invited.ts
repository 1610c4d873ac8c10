/**
 * The conferences a partner's institution is invited to, and its invitations: the portal's scope
 * of conferences. A conference outside it answers 404, exactly like one that does not exist.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { RsvpAnswer } from '../../contracts/conferences';
import type { PortalConferenceSummary } from '../../contracts/portal';
import { type ConferenceRow, endOf } from '../conferences/service';
import type { Db } from '../db/client';
import { conferenceInvitations, conferences, institutionContacts } from '../db/schema';
import { notFound } from '../lib/errors';
import type { PartnerScope } from './scope';

/** Before the table: answers and written input are still taken. */
export const beforeTheTable = ['planned', 'invited', 'agenda_fixed'];
/** After the table: the past conferences on the home page. */
export const afterTheTable = ['held', 'minutes_published', 'closed'];

/**
 * The conferences of the session's organisation (matching `where`) that invite the institution:
 * once the invitations have gone out (a planned one is still the lead's draft), and a cancelled
 * one only if it had been sent — the partner must know it will not take place.
 */
export function invitedConferences(db: Db, scope: PartnerScope, where: SQL = sql`true`) {
  return db
    .select()
    .from(conferences)
    .where(
      and(
        eq(conferences.organisationId, scope.organisationId),
        sql`EXISTS (SELECT 1 FROM conference_invitations i WHERE i.conference_id = ${conferences.id}
          AND i.institution_id = ${scope.institution.id}::uuid)`,
        sql`${conferences.status} <> 'planned'`,
        sql`(${conferences.status} <> 'cancelled' OR ${conferences.statusHistory} @> '[{"status":"invited"}]'::jsonb)`,
        where,
      ),
    );
}

/** One conference of the scope, or 404 exactly like one that does not exist. */
export async function conferenceInScope(db: Db, scope: PartnerScope, id: string): Promise<ConferenceRow> {
  const [c] = await invitedConferences(db, scope, eq(conferences.id, id));
  if (!c) throw notFound('conference');
  return c;
}

/** The institution's invitations to these conferences, with the contact person each names. */
export async function ownInvitations(db: Db, scope: PartnerScope, conferenceIds: readonly string[]) {
  if (conferenceIds.length === 0) return [];
  const rows = await db
    .select({ i: conferenceInvitations, contact: institutionContacts.name })
    .from(conferenceInvitations)
    .leftJoin(institutionContacts, eq(institutionContacts.id, conferenceInvitations.contactId))
    .where(
      and(
        inArray(conferenceInvitations.conferenceId, [...conferenceIds]),
        eq(conferenceInvitations.institutionId, scope.institution.id),
      ),
    )
    .orderBy(institutionContacts.name, conferenceInvitations.id);
  return rows.map((r) => ({
    conferenceId: r.i.conferenceId,
    id: r.i.id,
    contact: r.i.contactId ? r.contact : null,
    answer: r.i.answer as RsvpAnswer,
    deputyName: r.i.deputyName,
    respondedAt: r.i.respondedAt?.toISOString() ?? null,
  }));
}

/** The institution's answer as a whole: someone comes (or a deputy); not yet said; or all declined. */
export function answerOf(invitations: readonly { answer: RsvpAnswer }[]): RsvpAnswer {
  const given = new Set(invitations.map((i) => i.answer));
  for (const answer of ['attending', 'deputy', 'pending'] as const) if (given.has(answer)) return answer;
  return given.size > 0 ? 'declined' : 'pending';
}

export function summaryOf(
  c: ConferenceRow,
  invitations: readonly { answer: RsvpAnswer }[],
  cases: number,
): PortalConferenceSummary {
  return {
    id: c.id,
    title: c.title,
    startsAt: c.startsAt.toISOString(),
    endsAt: endOf(c).toISOString(),
    timeZone: c.timeZone,
    place: c.place,
    videoUrl: c.videoUrl,
    status: c.status as PortalConferenceSummary['status'],
    answer: answerOf(invitations),
    cases,
    minutesAvailable: !!c.minutesPublishedAt,
  };
}
