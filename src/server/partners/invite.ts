/**
 * Inviting a partner: a contact person of an institution of the directory, or a name and an
 * address typed in. One person (one e-mail) is one user of the installation with a membership per
 * organisation, so an invitation makes a new account, adds a membership to a partner of another
 * organisation (no new password), or is refused for a staff address or a partner already here.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { partnerInviteBody } from '../../contracts/partners';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { institutionContacts, institutions, partnerMemberships, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import { AppError, invalidField, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { invalidateSessions } from '../lib/sessions';

type User = typeof users.$inferSelect;
type Body = z.output<typeof partnerInviteBody>;

/** An institution of the actor's organisation; another organisation's answers like a missing one. */
export async function institutionOf(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(and(eq(institutions.id, id), eq(institutions.organisationId, actor.organisationId)));
  if (!row) throw notFound('institution');
  return row;
}

/** Who is invited: the directory's contact person (who must belong to the institution and have an address), or as typed. */
export async function personOf(db: Db, institutionId: string, body: Body) {
  if (!body.contactId) {
    if (!body.name || !body.email)
      throw invalidField('email', 'pick a contact person, or give name and e-mail');
    return { name: body.name, email: body.email, contactId: null };
  }
  const [contact] = await db
    .select({ id: institutionContacts.id, name: institutionContacts.name, email: institutionContacts.email })
    .from(institutionContacts)
    .where(
      and(eq(institutionContacts.id, body.contactId), eq(institutionContacts.institutionId, institutionId)),
    );
  if (!contact) throw invalidField('contactId', 'not a contact person of this institution');
  const email = contact.email?.trim().toLowerCase();
  if (!email) throw invalidField('contactId', 'this contact person has no e-mail address in the directory');
  return { name: contact.name, email, contactId: contact.id };
}

const isPartnerOnly = (roles: string[]) => roles.length > 0 && roles.every((r) => r === 'partner');

/**
 * The user behind the address: an existing partner (of another organisation, or invited before),
 * or a new one. A staff address is refused: one person's staff account never doubles as a partner's.
 */
export async function partnerUser(
  tx: Db,
  actor: Actor,
  person: { name: string; email: string },
  field: string,
): Promise<{ user: User; isNew: boolean }> {
  const [existing] = await tx.select().from(users).where(eq(users.email, person.email));
  if (existing && !isPartnerOnly(existing.roles)) {
    throw new AppError(
      'email_taken',
      'This address belongs to a staff account of Lotse; a partner account needs another address',
      { fields: [{ path: field, message: 'belongs to a staff account' }] },
    );
  }
  if (existing) return { user: existing, isNew: false };
  const user = firstRow(
    await tx
      .insert(users)
      .values({
        organisationId: actor.organisationId,
        email: person.email,
        name: person.name,
        roles: ['partner'],
        language: 'de',
        status: 'invited',
        updatedBy: actor.userId,
      })
      .returning(),
    'the new partner user',
  );
  return { user, isNew: true };
}

/**
 * The membership of this organisation: a new one, or a revoked one restored (for the institution
 * now named). An active one already here is a duplicate.
 */
export async function joinOrganisation(
  ctx: AppContext,
  tx: Db,
  actor: Actor,
  userId: string,
  place: { institutionId: string; contactId: string | null },
  field: string,
): Promise<string> {
  const [current] = await tx
    .select()
    .from(partnerMemberships)
    .where(
      and(eq(partnerMemberships.organisationId, actor.organisationId), eq(partnerMemberships.userId, userId)),
    );
  if (current?.status === 'active') {
    throw new AppError('duplicate', 'This person is a partner of this organisation already', {
      fields: [{ path: field, message: 'already a partner of this organisation' }],
      details: { accountId: current.id },
    });
  }
  const saved = current
    ? await tx
        .update(partnerMemberships)
        .set({
          ...place,
          status: 'active',
          revokedAt: null,
          updatedAt: new Date(),
          updatedBy: actor.userId,
          version: sql`${partnerMemberships.version} + 1`,
        })
        .where(eq(partnerMemberships.id, current.id))
        .returning({ id: partnerMemberships.id })
    : await tx
        .insert(partnerMemberships)
        .values({ organisationId: actor.organisationId, userId, ...place, createdBy: actor.userId })
        .returning({ id: partnerMemberships.id });
  // The person's sessions elsewhere offer this organisation in their picker from the next request.
  await invalidateSessions(ctx, tx, { userId });
  return firstRow(saved, 'the membership').id;
}
