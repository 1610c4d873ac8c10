import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../contracts/auth';
import type { Language } from '../../contracts/common';
import type { AppContext, RequestMeta } from '../context';
import { loginAttempts, organisations, sessions, users, userTokens } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, invalidField } from '../lib/errors';
import { firstRow } from '../lib/required';
import { hashPassword, randomToken, tokenHash, verifyPassword } from '../lib/secrets';
import { invalidateSessions, sessionCache } from '../lib/sessions';
import { totpEnrolmentRequired } from './present';

export { presentMe } from './present';

import { forgetAttempt, recordFailure, reserveAttempt } from './attempts';
import { type PartnerPlace, partnerPlaces, placesForPicker } from './places';
import { verifySecondFactor } from './totp';

/** Writing last_seen_at on every request would double the work of each read; a minute is precise enough. */
const TOUCH_AFTER_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  actor: Actor;
}

/** The password rule that needs more than the password: never the e-mail itself. */
export function assertPasswordAllowed(password: string, email: string, field = 'password') {
  const p = password.trim().toLowerCase();
  if (p === email.toLowerCase() || p === email.toLowerCase().split('@')[0]) {
    throw new AppError('password_policy', 'The password must not be your e-mail address', {
      fields: [{ path: field, message: 'must not be the e-mail address' }],
    });
  }
}

export async function login(
  ctx: AppContext,
  input: { email: string; password: string; code?: string | undefined },
  meta: RequestMeta,
): Promise<NewSession> {
  const attemptId = await reserveAttempt(ctx, input.email, meta.ip);
  const [user] = await ctx.db
    .select({ user: users, org: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, input.email));
  const passwordOk = await verifyPassword(user?.user.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.user.status !== 'active') {
    await recordFailure(
      ctx,
      meta,
      user?.user,
      !user ? 'unknown_email' : !passwordOk ? 'password' : 'inactive',
    );
    throw new AppError('invalid_credentials', 'E-mail or password is wrong, or the account is not active');
  }
  if (user.user.totpSecret) {
    if (!input.code) {
      // The password was right; the guess that counts is the one with the code.
      await forgetAttempt(ctx, attemptId);
      throw new AppError('totp_required', 'Enter the code from your authenticator app');
    }
    const factor = await verifySecondFactor(ctx, user.user, input.code);
    if (!factor) {
      await recordFailure(ctx, meta, user.user, 'second_factor');
      throw new AppError('totp_invalid', 'The code is not valid');
    }
    if (factor === 'recovery_code') {
      await audit(
        ctx.db,
        { userId: user.user.id, organisationId: user.org.id, ip: meta.ip },
        {
          action: 'auth.recovery_code_used',
          entityType: 'user',
          entityId: user.user.id,
        },
      );
    }
  }
  if ((user.user.roles as Role[]).includes('partner')) {
    // A partner works in the organisations that made them one; with none left, the account is over.
    const places = await partnerPlaces(ctx.db, user.user.id);
    const first = places[0];
    if (!first) {
      await recordFailure(ctx, meta, user.user, 'inactive');
      throw new AppError('invalid_credentials', 'E-mail or password is wrong, or the account is not active');
    }
    const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, first.organisationId));
    if (!org)
      throw new AppError('invalid_credentials', 'E-mail or password is wrong, or the account is not active');
    return createSession(ctx, user.user, org, meta, attemptId, places);
  }
  return createSession(ctx, user.user, user.org, meta, attemptId);
}

/** Opens a session for a verified user (login, setup). */
export async function createSession(
  ctx: AppContext,
  user: typeof users.$inferSelect,
  org: typeof organisations.$inferSelect,
  meta: RequestMeta,
  /** The login attempt this session settles as a success; none when set-up opens it. */
  attemptId?: number,
  /** A partner's organisations: with more than one, the session waits for the choice. */
  places?: PartnerPlace[],
): Promise<NewSession> {
  const organisationChosen = !places || places.length === 1;
  const token = randomToken();
  const csrfToken = randomToken(24);
  const sessionId = await ctx.db.transaction(async (tx) => {
    const s = firstRow(
      await tx
        .insert(sessions)
        .values({
          organisationId: org.id,
          userId: user.id,
          tokenHash: tokenHash(token),
          csrfToken,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
          organisationChosen,
        })
        .returning({ id: sessions.id }),
      'the new session',
    );
    if (attemptId === undefined) {
      await tx.insert(loginAttempts).values({ email: user.email, ip: meta.ip, success: true });
    } else {
      await tx.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
    }
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await audit(
      tx,
      { userId: user.id, organisationId: org.id, ip: meta.ip },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      },
    );
    return s.id;
  });
  const actor = actorOf(
    {
      sessionId,
      userId: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      language: user.language,
      totpSecret: user.totpSecret,
      organisationId: org.id,
      organisationName: org.name,
      requireTotp: org.requireTotp,
      organisationChosen,
    },
    places ?? null,
  );
  if (!actor)
    throw new AppError('invalid_credentials', 'E-mail or password is wrong, or the account is not active');
  return { token, csrfToken, actor: { ...actor, ip: meta.ip } };
}

interface SessionFacts {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  roles: string[];
  language: string;
  totpSecret: string | null;
  organisationId: string;
  organisationName: string;
  requireTotp: boolean;
  organisationChosen: boolean;
}

/**
 * The actor of a session. A partner's is bound to the institution of their membership in the
 * session's organisation; without an active one there (revoked meanwhile) there is no actor.
 */
function actorOf(f: SessionFacts, places: PartnerPlace[] | null): Omit<Actor, 'ip'> | null {
  const roles = f.roles as Role[];
  const totpEnabled = Boolean(f.totpSecret);
  const place = places?.find((p) => p.organisationId === f.organisationId);
  if (places && !place) return null;
  return {
    userId: f.userId,
    organisationId: f.organisationId,
    organisationName: f.organisationName,
    sessionId: f.sessionId,
    email: f.email,
    name: f.name,
    roles,
    language: f.language as Language,
    totpEnabled,
    totpEnrolmentRequired: totpEnrolmentRequired({ roles, totpEnabled }, f.requireTotp),
    institutionId: place?.institutionId ?? null,
    institutionName: place?.institutionName ?? null,
    organisationChoiceRequired: Boolean(places && places.length > 1 && !f.organisationChosen),
    organisations: places
      ? placesForPicker(places)
      : [{ id: f.organisationId, name: f.organisationName, institutionName: null }],
  };
}

export type ResolvedSession = { actor: Actor; csrfToken: string } | 'expired' | null;

/**
 * The session behind a cookie when memory already holds it and nothing needs writing: the hot
 * path of every authenticated request, answered without a promise or a query.
 */
export function cachedSession(ctx: AppContext, token: string, ip: string): ResolvedSession | undefined {
  const cached = sessionCache(ctx).get(tokenHash(token));
  if (!cached || Date.now() - cached.lastSeenAt > TOUCH_AFTER_MS) return undefined;
  return { actor: { ...cached.actor, ip }, csrfToken: cached.csrfToken };
}

/** Looks up the session behind a cookie; ends it when idle too long. */
export async function resolveSession(ctx: AppContext, token: string, ip: string): Promise<ResolvedSession> {
  const hash = tokenHash(token);
  const cache = sessionCache(ctx);
  const cached = cache.get(hash);
  // A cached session that looks idle may have been kept alive by another process: ask the database.
  if (cached && Date.now() - cached.lastSeenAt <= ctx.config.sessionIdleMinutes * 60_000) {
    if (Date.now() - cached.lastSeenAt > TOUCH_AFTER_MS) {
      cached.lastSeenAt = Date.now();
      await ctx.db
        .update(sessions)
        .set({ lastSeenAt: new Date(cached.lastSeenAt) })
        .where(eq(sessions.id, cached.actor.sessionId));
    }
    return { actor: { ...cached.actor, ip }, csrfToken: cached.csrfToken };
  }
  cache.delete(hash);
  const [row] = await ctx.db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      roles: users.roles,
      language: users.language,
      status: users.status,
      totpSecret: users.totpSecret,
      organisationId: organisations.id,
      organisationName: organisations.name,
      requireTotp: organisations.requireTotp,
      organisationChosen: sessions.organisationChosen,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, sessions.organisationId))
    .where(eq(sessions.tokenHash, hash));
  if (!row) return null;
  const idleMs = Date.now() - row.lastSeenAt.getTime();
  if (row.status !== 'active' || idleMs > ctx.config.sessionIdleMinutes * 60_000) {
    await ctx.db.delete(sessions).where(eq(sessions.id, row.sessionId));
    return 'expired';
  }
  const places = row.roles.includes('partner') ? await partnerPlaces(ctx.db, row.userId) : null;
  const actor = actorOf(row, places);
  if (!actor) {
    await ctx.db.delete(sessions).where(eq(sessions.id, row.sessionId));
    return 'expired';
  }
  let lastSeenAt = row.lastSeenAt.getTime();
  if (idleMs > TOUCH_AFTER_MS) {
    lastSeenAt = Date.now();
    await ctx.db
      .update(sessions)
      .set({ lastSeenAt: new Date(lastSeenAt) })
      .where(eq(sessions.id, row.sessionId));
  }
  cache.set(hash, { actor, csrfToken: row.csrfToken, lastSeenAt, cachedAt: Date.now() });
  return { csrfToken: row.csrfToken, actor: { ...actor, ip } };
}

export async function logout(ctx: AppContext, actor: Actor) {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await invalidateSessions(ctx, tx, { sessionId: actor.sessionId });
    await audit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  input: { name?: string; language?: Language },
) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...input, updatedAt: new Date(), updatedBy: actor.userId, version: sql`${users.version} + 1` })
      .where(eq(users.id, actor.userId));
    await invalidateSessions(ctx, tx, { userId: actor.userId });
  });
  return { ...actor, ...input };
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalidField('currentPassword', 'is not your current password');
  }
  assertPasswordAllowed(newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.userId));
    // Other sessions of this user end: a changed password is often a response to a leak.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.userId), sql`${sessions.id} <> ${actor.sessionId}`));
    await invalidateSessions(ctx, tx, { userId: actor.userId });
    await audit(tx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: actor.userId });
  });
}

async function findValidToken(ctx: AppContext, token: string) {
  const [row] = await ctx.db
    .select({ token: userTokens, user: users, org: organisations })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .innerJoin(organisations, eq(organisations.id, userTokens.organisationId))
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash(token)),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    );
  if (!row || row.user.status === 'deactivated') {
    throw new AppError(
      'token_invalid',
      'This link is not valid any more; ask your administrator for a new one',
    );
  }
  return row;
}

export async function inspectInvitation(ctx: AppContext, token: string) {
  const row = await findValidToken(ctx, token);
  return {
    email: row.user.email,
    name: row.user.name,
    organisationName: row.org.name,
    purpose: row.token.purpose as 'invite' | 'password_reset',
    expiresAt: row.token.expiresAt.toISOString(),
  };
}

/** Sets the password from an invitation or reset link; the link is used up. */
export async function acceptInvitation(ctx: AppContext, token: string, password: string, meta: RequestMeta) {
  const row = await findValidToken(ctx, token);
  assertPasswordAllowed(password, row.user.email);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const used = await tx
      .update(userTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(userTokens.id, row.token.id), isNull(userTokens.usedAt)))
      .returning({ id: userTokens.id });
    if (used.length === 0) throw new AppError('token_invalid', 'This link has already been used');
    await tx
      .update(users)
      .set({ passwordHash, status: 'active', updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, row.user.id));
    await tx.delete(sessions).where(eq(sessions.userId, row.user.id));
    await invalidateSessions(ctx, tx, { userId: row.user.id });
    await audit(
      tx,
      { userId: row.user.id, organisationId: row.org.id, ip: meta.ip },
      {
        action: 'auth.invitation_accepted',
        entityType: 'user',
        entityId: row.user.id,
        details: { purpose: row.token.purpose },
      },
    );
  });
  return { email: row.user.email };
}

/**
 * A partner of several organisations picks (or switches to) the one they work in: the session
 * moves there, and from the next request everything is that organisation's and that membership's
 * institution's — nothing of the other one is answered while working here.
 */
export async function chooseOrganisation(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
): Promise<Actor> {
  const places = actor.roles.includes('partner') ? await partnerPlaces(ctx.db, actor.userId) : null;
  const place = places?.find((p) => p.organisationId === organisationId);
  if (!places || !place) {
    if (organisationId === actor.organisationId && !places) return actor;
    throw new AppError('not_found', 'No such organisation');
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ organisationId, organisationChosen: true })
      .where(eq(sessions.id, actor.sessionId));
    await invalidateSessions(ctx, tx, { sessionId: actor.sessionId });
    await audit(
      tx,
      { userId: actor.userId, organisationId, ip: actor.ip, institutionId: place.institutionId },
      { action: 'auth.organisation_chosen', entityType: 'organisation', entityId: organisationId },
    );
  });
  return {
    ...actor,
    organisationId,
    organisationName: place.organisationName,
    institutionId: place.institutionId,
    institutionName: place.institutionName,
    organisationChoiceRequired: false,
  };
}
