/**
 * Invitations: institutions and their contact persons invited to a conference, their answers,
 * and the calendar mail (ICS REQUEST on invitation and every change, CANCEL on cancellation).
 */
import { and, asc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Invitation, InvitationBody, RsvpAnswer, RsvpBody } from '../../contracts/conferences';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import {
  conferenceInvitations,
  conferences,
  institutionContacts,
  institutions,
  organisations,
} from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, invalidField, notFound } from '../lib/errors';
import { enqueueMail } from '../lib/mail';
import { firstRow } from '../lib/required';
import { randomToken } from '../lib/secrets';
import { loadForChange } from '../lib/versioned';
import { assertInstitution } from '../network/service';
import { assertOpen, type ConferenceRow, loadConference } from './load';
import { inviteeMail, type Notice, type Recipient } from './mail';
import { answerValues } from './rsvp';
import { moveStatus } from './service';

/**
 * The invitations of a conference with where they go: the contact person's address, else the
 * institution's; null when neither has one.
 */
export async function recipientsOf(db: Db, conferenceId: string, where?: SQL) {
  const rows = await db
    .select({
      i: conferenceInvitations,
      institution: institutions.name,
      institutionEmail: institutions.email,
      contact: institutionContacts.name,
      contactEmail: institutionContacts.email,
      language: institutionContacts.language,
    })
    .from(conferenceInvitations)
    .innerJoin(institutions, eq(institutions.id, conferenceInvitations.institutionId))
    .leftJoin(institutionContacts, eq(institutionContacts.id, conferenceInvitations.contactId))
    .where(and(eq(conferenceInvitations.conferenceId, conferenceId), where))
    .orderBy(asc(institutions.name), asc(institutionContacts.name));
  return rows.map((r) => ({
    id: r.i.id,
    row: r.i,
    institution: r.institution,
    contact: r.i.contactId ? r.contact : null,
    email: r.contactEmail ?? r.institutionEmail ?? null,
    language: r.language,
    answer: r.i.answer as RsvpAnswer,
    tokenNonce: r.i.tokenNonce,
  }));
}

export async function invitationsOf(db: Db, c: Pick<ConferenceRow, 'id'>): Promise<Invitation[]> {
  return (await recipientsOf(db, c.id)).map(({ row: i, ...r }) => ({
    id: i.id,
    institution: { id: i.institutionId, name: r.institution },
    contact: i.contactId && r.contact ? { id: i.contactId, name: r.contact } : null,
    email: r.email,
    answer: r.answer,
    deputyName: i.deputyName,
    respondedAt: i.respondedAt?.toISOString() ?? null,
    sentAt: i.sentAt?.toISOString() ?? null,
    sequence: i.sentSequence,
  }));
}

/**
 * Puts one notice per invitee with an address into the outbox, in the caller's transaction.
 * Answers the invitations mailed; those without an address are left for a phone call.
 */
export async function mailInvitees(
  tx: Db,
  ctx: AppContext,
  c: ConferenceRow,
  recipients: (Recipient & { row: { sentAt: Date | null } })[],
  notice: (r: { row: { sentAt: Date | null } }) => Notice,
  now: Date,
): Promise<string[]> {
  const addressed = recipients.filter((r): r is typeof r & { email: string } => !!r.email);
  if (addressed.length === 0) return [];
  const organisation = firstRow(
    await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, c.organisationId)),
    'the conference’s organisation',
  ).name;
  for (const r of addressed)
    await enqueueMail(tx, ctx.config, inviteeMail(ctx.config, c, organisation, r, notice(r), now));
  return addressed.map((r) => r.id);
}

/** Marks invitations as holding the conference's current calendar entry. */
async function markSent(tx: Db, c: ConferenceRow, ids: string[], now: Date) {
  if (ids.length === 0) return;
  // Reminders start anew after a change: the conditions in reminders.ts keep a reminder from
  // following right behind the update it would repeat.
  await tx
    .update(conferenceInvitations)
    .set({ sentAt: now, sentSequence: c.icsSequence, reminded7At: null, reminded1At: null })
    .where(inArray(conferenceInvitations.id, ids));
}

/**
 * Mails every invitation not yet sent, or holding an older calendar entry, and moves a planned
 * conference to `invited`. Invitations without any address are not mailed (their `sentAt` stays
 * empty: the page shows them without e-mail), which does not stop the others.
 */
export async function sendInvitations(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  body: { version: number },
) {
  assertCan(actor, 'conferences.manage');
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, conferences, conferenceId, body.version, 'conference');
    assertOpen(c);
    if (c.startsAt.getTime() <= now.getTime())
      throw new AppError('conflict', 'The conference has begun; invitations can no longer be sent');
    const [any] = await tx
      .select({ id: conferenceInvitations.id })
      .from(conferenceInvitations)
      .where(eq(conferenceInvitations.conferenceId, c.id))
      .limit(1);
    if (!any) throw new AppError('conflict', 'Invite at least one institution first');
    const due = await recipientsOf(
      tx,
      c.id,
      or(isNull(conferenceInvitations.sentAt), lt(conferenceInvitations.sentSequence, c.icsSequence)),
    );
    const mailed = await mailInvitees(tx, ctx, c, due, (r) => (r.row.sentAt ? 'update' : 'invite'), now);
    await markSent(tx, c, mailed, now);
    if (c.status === 'planned') await moveStatus(tx, ctx, actor, c, 'invited');
    await audit(tx, actor, {
      action: 'conference.invitations_sent',
      entityType: 'conference',
      entityId: c.id,
      details: {
        mailed: mailed.length,
        sequence: c.icsSequence,
        withoutAddress: due.filter((r) => !r.email).map((r) => r.row.institutionId),
      },
    });
  });
}

/** An answer the lead received another way (by phone, in person), recorded on the invitation. */
export async function recordAnswer(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  invitationId: string,
  body: RsvpBody,
) {
  assertCan(actor, 'conferences.manage');
  await ctx.db.transaction(async (tx) => {
    const c = await loadConference(tx, actor, conferenceId);
    assertOpen(c);
    const [row] = await tx
      .update(conferenceInvitations)
      .set({
        ...answerValues(body, new Date()),
        updatedBy: actor.userId,
        version: sql`${conferenceInvitations.version} + 1`,
      })
      .where(and(eq(conferenceInvitations.id, invitationId), eq(conferenceInvitations.conferenceId, c.id)))
      .returning({ institutionId: conferenceInvitations.institutionId });
    if (!row) throw notFound('invitation');
    await audit(tx, actor, {
      action: 'conference.rsvp',
      entityType: 'conference',
      entityId: c.id,
      details: { invitationId, institutionId: row.institutionId, answer: body.answer, via: 'lead' },
    });
  });
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
    // Whoever already holds the calendar entry gets it taken back (METHOD:CANCEL).
    const invitee = await recipientsOf(
      tx,
      c.id,
      and(eq(conferenceInvitations.id, invitationId), isNotNull(conferenceInvitations.sentAt)),
    );
    await mailInvitees(tx, ctx, c, invitee, () => 'withdrawn', new Date());
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
  tx: Db,
  ctx: AppContext,
  c: ConferenceRow,
  kind: 'update' | 'cancel',
): Promise<void> {
  const now = new Date();
  const sent = await recipientsOf(tx, c.id, isNotNull(conferenceInvitations.sentAt));
  const mailed = await mailInvitees(tx, ctx, c, sent, () => kind, now);
  await markSent(tx, c, mailed, now);
}
