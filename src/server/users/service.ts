import { and, asc, count, eq, ilike, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../contracts/auth';
import type { InviteUserBody, UpdateUserBody } from '../../contracts/users';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { anyOf } from '../db/conditions';
import { sessions, users, userTokens } from '../db/schema';
import { assertCan, assertInOrganisation, notPartnerSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, invalidField, versionConflict } from '../lib/errors';
import { enqueueMail } from '../lib/mail';
import { firstRow } from '../lib/required';
import { randomToken, tokenHash } from '../lib/secrets';
import { invalidateSessions } from '../lib/sessions';
import { accountLinkMail } from './mail';
import { presentUser } from './present';

const LINK_DAYS = 7;

export async function listUsers(
  ctx: AppContext,
  actor: Actor,
  query: {
    q?: string | undefined;
    status?: string | undefined;
    role?: Role | undefined;
    limit: number;
    offset: number;
  },
) {
  assertCan(actor, 'users.manage');
  // Partners are managed by the leads, per organisation (partners/); a partner's organisation_id
  // only names the organisation that invited them first.
  const conditions: SQL[] = [eq(users.organisationId, actor.organisationId), notPartnerSql(users.roles)];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(anyOf(ilike(users.name, like), ilike(users.email, like)));
  }
  if (query.status) conditions.push(eq(users.status, query.status));
  if (query.role) conditions.push(sql`${query.role} = ANY(${users.roles})`);
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(users).where(where).orderBy(asc(users.name)).limit(query.limit).offset(query.offset),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: rows.map(presentUser), total: total?.n ?? 0, limit: query.limit, offset: query.offset };
}

/** A staff account of the organisation; partners are not the admin's (partners/), so they answer 404 here. */
async function loadUser(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), notPartnerSql(users.roles)));
  assertInOrganisation(actor, row, 'user');
  return row;
}

/** A partner needs a membership of an institution, which only a lead's invitation gives (partners/). */
function assertStaffRoles(roles: Role[] | undefined) {
  if (roles?.includes('partner'))
    throw invalidField('roles', 'partners are invited by a lead under "Partner accounts"');
}

export async function getUser(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, 'users.manage');
  return presentUser(await loadUser(ctx.db, actor, id));
}

/** The mail that carries a link, for a domain with words of its own (a partner's invitation). */
export type AccountLinkMail = (link: string, days: number) => { subject: string; text: string };

/**
 * A one-time link (invitation or password reset), mailed through the outbox. The sender's
 * organisation (else the user's) is named by the link and holds the mail; `mail` replaces the
 * account mail's words.
 */
export async function issueAccountLink(
  ctx: AppContext,
  tx: Db,
  sender: { organisationName: string; name: string; organisationId?: string },
  user: typeof users.$inferSelect,
  mail?: AccountLinkMail,
) {
  const purpose = user.status === 'invited' ? 'invite' : 'password_reset';
  const organisationId = sender.organisationId ?? user.organisationId;
  const token = randomToken();
  // A new link replaces every earlier one of the user.
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, user.id), isNull(userTokens.usedAt)));
  await tx.insert(userTokens).values({
    organisationId,
    userId: user.id,
    purpose,
    tokenHash: tokenHash(token),
    expiresAt: new Date(Date.now() + LINK_DAYS * 86_400_000),
  });
  // The token is in the fragment, so it never reaches a server log.
  const link = `${ctx.config.baseUrl}/invite#${token}`;
  const message =
    mail?.(link, LINK_DAYS) ??
    accountLinkMail(purpose, user.language as 'de' | 'en', {
      name: user.name,
      organisation: sender.organisationName,
      link,
      inviter: sender.name,
      days: LINK_DAYS,
    });
  await enqueueMail(tx, ctx.config, { organisationId, to: user.email, ...message });
  return link;
}

export async function inviteUser(ctx: AppContext, actor: Actor, body: InviteUserBody & { roles: Role[] }) {
  assertCan(actor, 'users.manage');
  assertStaffRoles(body.roles);
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, body.email));
    if (taken) {
      throw new AppError('email_taken', 'This e-mail address already has an account', {
        fields: [{ path: 'email', message: 'already has an account' }],
      });
    }
    const user = firstRow(
      await tx
        .insert(users)
        .values({
          organisationId: actor.organisationId,
          email: body.email,
          name: body.name,
          roles: body.roles,
          language: body.language ?? 'de',
          team: body.team ?? null,
          status: 'invited',
        })
        .returning(),
      'the invited user',
    );
    const link = await issueAccountLink(ctx, tx, actor, user);
    await audit(tx, actor, {
      action: 'user.invited',
      entityType: 'user',
      entityId: user.id,
      details: { roles: body.roles },
    });
    return { user: presentUser(user), inviteLink: ctx.config.smtpUrl ? null : link, mailQueued: true };
  });
}

/** A fresh invitation for an invited user, a password-reset link for an active one. */
export async function sendAccountLink(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, 'users.manage');
  return ctx.db.transaction(async (tx) => {
    const user = await loadUser(tx, actor, id);
    if (user.status === 'deactivated') throw new AppError('conflict', 'Reactivate the account first');
    const link = await issueAccountLink(ctx, tx, actor, user);
    await audit(tx, actor, { action: 'user.invitation_resent', entityType: 'user', entityId: user.id });
    return { user: presentUser(user), inviteLink: ctx.config.smtpUrl ? null : link, mailQueued: true };
  });
}

/** The display name of a user, for conflict messages. */
export async function nameOf(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

async function assertAnotherAdminRemains(tx: Db, actor: Actor, userId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.organisationId, actor.organisationId),
        ne(users.id, userId),
        eq(users.status, 'active'),
        sql`'admin' = ANY(${users.roles})`,
      ),
    );
  if ((row?.n ?? 0) === 0) {
    throw new AppError('last_admin', 'The organisation needs at least one active admin');
  }
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: UpdateUserBody & { roles?: Role[] },
) {
  assertCan(actor, 'users.manage');
  assertStaffRoles(body.roles);
  return ctx.db.transaction(async (tx) => {
    const user = await loadUser(tx, actor, id);
    if (user.version !== body.version) {
      throw versionConflict({
        version: user.version,
        updatedAt: user.updatedAt,
        updatedBy: await nameOf(tx, user.updatedBy),
      });
    }
    const wasAdmin = user.roles.includes('admin') && user.status === 'active';
    const losesAdmin = (body.roles && !body.roles.includes('admin')) || body.active === false;
    if (wasAdmin && losesAdmin) await assertAnotherAdminRemains(tx, actor, user.id);

    const status =
      body.active === false
        ? 'deactivated'
        : body.active === true && user.status === 'deactivated'
          ? user.passwordHash
            ? 'active'
            : 'invited'
          : user.status;
    const updated = firstRow(
      await tx
        .update(users)
        .set({
          ...(body.name ? { name: body.name } : {}),
          ...(body.roles ? { roles: body.roles } : {}),
          ...(body.team !== undefined ? { team: body.team } : {}),
          status,
          updatedAt: new Date(),
          updatedBy: actor.userId,
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, user.id))
        .returning(),
      'the updated user',
    );
    if (status === 'deactivated') {
      // Deactivation ends every session of the user at once.
      await tx.delete(sessions).where(eq(sessions.userId, user.id));
    }
    await invalidateSessions(ctx, tx, { userId: user.id });
    const rolesChanged = body.roles && [...body.roles].sort().join() !== [...user.roles].sort().join();
    if (rolesChanged) {
      await audit(tx, actor, {
        action: 'user.roles_changed',
        entityType: 'user',
        entityId: user.id,
        details: { from: user.roles, to: body.roles },
      });
    }
    if (status !== user.status && (status === 'deactivated' || user.status === 'deactivated')) {
      await audit(tx, actor, {
        action: status === 'deactivated' ? 'user.deactivated' : 'user.reactivated',
        entityType: 'user',
        entityId: user.id,
      });
    }
    const changed = [
      ...(body.name && body.name !== user.name ? ['name'] : []),
      ...(body.team !== undefined && body.team !== user.team ? ['team'] : []),
    ];
    if (changed.length) {
      await audit(tx, actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: user.id,
        details: { changed },
      });
    }
    return presentUser(updated);
  });
}

/** Active counsellors and leads: who a case can be handed to, who can own a step. */
export async function listColleagues(ctx: AppContext, actor: Actor) {
  assertCan(actor, 'cases.work');
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, roles: users.roles })
    .from(users)
    .where(
      and(
        eq(users.organisationId, actor.organisationId),
        eq(users.status, 'active'),
        sql`${users.roles} && ARRAY['counsellor','lead']::text[]`,
      ),
    )
    .orderBy(asc(users.name));
  return rows.map((r) => ({ id: r.id, name: r.name, roles: r.roles as Role[] }));
}
