/**
 * Partner accounts: the representatives of the directory's institutions who work in the partner
 * portal. Leads invite them (a contact person of the directory, or a name and an address), send a
 * fresh link, end an organisation's access and restore it; leads and the dpo read what an
 * institution has seen and received (activity.ts).
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  PartnerAccount,
  PartnerInviteResult,
  PartnerLinkResult,
  PartnerListQuery,
  partnerInviteBody,
} from '../../contracts/partners';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { institutions, partnerMemberships, sessions, users } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError } from '../lib/errors';
import { enqueueMail } from '../lib/mail';
import { normalise } from '../lib/search-text';
import { invalidateSessions } from '../lib/sessions';
import { loadForChange, writeChange } from '../lib/versioned';
import { issueAccountLink } from '../users/service';
import { institutionOf, joinOrganisation, partnerUser, personOf } from './invite';
import { partnerAddedMail, partnerInvitationMail } from './mail';
import { accountOf, selectAccounts, statusConditionSql } from './present';

export { partnerActivity, partnerInstitutions } from './activity';

const orderBy: Record<NonNullable<PartnerListQuery['sort']>, SQL[]> = {
  name: [sql`lower(${users.name})`],
  '-name': [sql`lower(${users.name}) DESC`],
  institution: [sql`lower(${institutions.name})`, sql`lower(${users.name})`],
};

/**
 * The organisation's partner accounts. An organisation has tens of them, not thousands, so the
 * search compares normalised text here (accents and scripts folded as everywhere, lib/search-text)
 * over the accounts that meet the filters, and the page is cut after it.
 */
export async function listPartners(
  ctx: AppContext,
  actor: Actor,
  q: PartnerListQuery & { limit: number; offset: number },
) {
  assertCan(actor, 'partners.manage');
  const where: SQL[] = [];
  if (q.institutionId) where.push(eq(partnerMemberships.institutionId, q.institutionId));
  if (q.status) where.push(statusConditionSql(q.status));
  const all = await selectAccounts(ctx.db, actor.organisationId, and(...where), orderBy[q.sort ?? 'name']);
  const words = normalise(q.q ?? '')
    .split(' ')
    .filter(Boolean);
  const found = words.length
    ? all.filter((a) => {
        const text = normalise(`${a.name} ${a.email} ${a.institution.name}`);
        return words.every((w) => text.includes(w));
      })
    : all;
  return {
    items: found.slice(q.offset, q.offset + q.limit),
    total: found.length,
    limit: q.limit,
    offset: q.offset,
  };
}

/** What the mails say of the invitation: whom, for which institution, from which organisation. */
const invitationOf = (actor: Actor, person: { name: string }, institutionName: string) => ({
  name: person.name,
  organisation: actor.organisationName,
  institution: institutionName,
  inviter: actor.name,
});

export async function invitePartner(
  ctx: AppContext,
  actor: Actor,
  body: z.output<typeof partnerInviteBody>,
): Promise<PartnerInviteResult> {
  assertCan(actor, 'partners.manage');
  const field = body.contactId ? 'contactId' : 'email';
  const done = await ctx.db.transaction(async (tx) => {
    const institution = await institutionOf(tx, actor, body.institutionId);
    const person = await personOf(tx, institution.id, body);
    const { user, isNew } = await partnerUser(tx, actor, person, field);
    const id = await joinOrganisation(
      ctx,
      tx,
      actor,
      user.id,
      { institutionId: institution.id, contactId: person.contactId },
      field,
    );
    const words = invitationOf(actor, user, institution.name);
    // A person with a password works for another organisation already: no new password, a short note.
    const existingAccount = Boolean(user.passwordHash);
    let link: string | null = null;
    if (existingAccount)
      await enqueueMail(tx, ctx.config, {
        organisationId: actor.organisationId,
        to: user.email,
        ...partnerAddedMail(words, `${ctx.config.baseUrl}/login`),
      });
    else
      link = await issueAccountLink(ctx, tx, actor, user, (l, days) => partnerInvitationMail(words, l, days));
    await audit(tx, actor, {
      action: 'partner.invited',
      entityType: 'user',
      entityId: user.id,
      details: {
        accountId: id,
        institutionId: institution.id,
        contactId: person.contactId,
        isNew,
        existingAccount,
      },
    });
    return { id, link, existingAccount };
  });
  return {
    account: await accountOf(ctx.db, actor.organisationId, done.id),
    inviteLink: ctx.config.smtpUrl ? null : done.link,
    existingAccount: done.existingAccount,
  };
}

/** A membership of the organisation with its user, for a change. */
async function loadAccount(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ m: partnerMemberships, user: users, institutionName: institutions.name })
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .innerJoin(institutions, eq(institutions.id, partnerMemberships.institutionId))
    .where(and(eq(partnerMemberships.id, id), eq(partnerMemberships.organisationId, actor.organisationId)));
  if (!row) throw new AppError('not_found', 'No such partner account');
  return row;
}

/** A fresh invitation link for someone who has not set a password yet (earlier links stop working). */
export async function resendInvitation(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<PartnerLinkResult> {
  assertCan(actor, 'partners.manage');
  const link = await ctx.db.transaction(async (tx) => {
    const { m, user, institutionName } = await loadAccount(tx, actor, id);
    if (m.status === 'revoked') throw new AppError('conflict', 'The access has ended; restore it first');
    if (user.passwordHash)
      throw new AppError('conflict', 'The account is active already: no invitation needed');
    const words = invitationOf(actor, user, institutionName);
    const sent = await issueAccountLink(ctx, tx, actor, user, (l, days) =>
      partnerInvitationMail(words, l, days),
    );
    await audit(tx, actor, { action: 'partner.invitation_resent', entityType: 'user', entityId: user.id });
    return sent;
  });
  return {
    account: await accountOf(ctx.db, actor.organisationId, id),
    inviteLink: ctx.config.smtpUrl ? null : link,
  };
}

/**
 * Ends the person's access to this organisation (`revoked`) or restores it (`active`: same
 * institution, same account). Ending it deletes their sessions here at once, so the next request
 * is 401; their work for other organisations goes on, and every session of theirs is told that
 * the list of organisations has changed.
 */
async function setAccess(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  to: 'revoked' | 'active',
): Promise<PartnerAccount> {
  assertCan(actor, 'partners.manage');
  await ctx.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, partnerMemberships, id, version, 'partner account');
    if (current.status === to)
      throw new AppError(
        'conflict',
        to === 'revoked' ? 'The access has ended already' : 'The access is active already',
      );
    await writeChange(tx, actor, partnerMemberships, id, version, {
      status: to,
      revokedAt: to === 'revoked' ? new Date() : null,
    });
    if (to === 'revoked')
      await tx
        .delete(sessions)
        .where(and(eq(sessions.userId, current.userId), eq(sessions.organisationId, actor.organisationId)));
    await invalidateSessions(ctx, tx, { userId: current.userId });
    await audit(tx, actor, {
      action: to === 'revoked' ? 'partner.revoked' : 'partner.reactivated',
      entityType: 'user',
      entityId: current.userId,
      details: { accountId: id, institutionId: current.institutionId },
    });
  });
  return accountOf(ctx.db, actor.organisationId, id);
}

export const revokePartner = (ctx: AppContext, actor: Actor, id: string, version: number) =>
  setAccess(ctx, actor, id, version, 'revoked');

export const reactivatePartner = (ctx: AppContext, actor: Actor, id: string, version: number) =>
  setAccess(ctx, actor, id, version, 'active');
