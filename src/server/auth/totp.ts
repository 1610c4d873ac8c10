import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { AppContext } from '../context';
import { recoveryCodes, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, invalidField } from '../lib/errors';
import {
  assertKeyAvailable,
  isSealed,
  SecretKeyError,
  seal,
  sealedWithOldKey,
  secretKeysOf,
  unseal,
} from '../lib/secret-box';
import { tokenHash, verifyPassword } from '../lib/secrets';
import { invalidateSessions } from '../lib/sessions';
import { getOrganisationSettings } from '../organisation/service';
import { totpEnrolmentRequired } from './present';

const RECOVERY_CODES = 10;

/** A TOTP secret is sealed for its user: copied onto another row it does not open. */
const boundTo = (userId: string) => `totp:${userId}`;
const sealFor = (ctx: AppContext, userId: string, secret: string) =>
  seal(secretKeysOf(ctx.config), secret, boundTo(userId));
const unsealFor = (ctx: AppContext, userId: string, sealed: string) =>
  unseal(secretKeysOf(ctx.config), sealed, boundTo(userId));

/** The time step a code belongs to (±1 step of drift), or null when it matches none. */
function matchingStep(email: string, secret: string, code: string): number | null {
  const totp = totpFor(email, secret);
  // One reading of the clock for both: a step boundary between two readings would store the wrong step.
  const timestamp = Date.now();
  const delta = totp.validate({ token: code, window: 1, timestamp });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

function totpFor(email: string, secret: string) {
  return new TOTP({
    issuer: 'Lotse',
    label: email,
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

function newRecoveryCode(): string {
  const raw = randomBytes(8).toString('hex');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
}

/**
 * Checks a TOTP code (±30 s) or uses up a recovery code. A code is accepted once: the last
 * accepted time step is kept per user and moved forward in the same statement that checks it,
 * so a code seen over a shoulder or in a proxy log cannot be replayed within its window.
 */
export async function verifySecondFactor(
  ctx: AppContext,
  user: { id: string; email: string; totpSecret: string | null },
  code: string,
): Promise<'totp' | 'recovery_code' | null> {
  if (!user.totpSecret) return null;
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) {
    let secret: string;
    try {
      secret = unsealFor(ctx, user.id, user.totpSecret);
    } catch (error) {
      // A missing key stops the start (sealTotpSecrets); what is left is a value that does not
      // belong to this row: a wrong code, not a server error.
      if (error instanceof SecretKeyError) throw error;
      return null;
    }
    const step = matchingStep(user.email, secret, digits);
    if (step === null) return null;
    const advanced = await ctx.db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return advanced.length > 0 ? 'totp' : null;
  }
  const used = await ctx.db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, tokenHash(normaliseRecoveryCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0 ? 'recovery_code' : null;
}

/** Starts enrolment: a new secret is kept as pending until a code from it is confirmed. */
export async function setupTotp(ctx: AppContext, actor: Actor) {
  const secret = new Secret({ size: 20 }).base32;
  await ctx.db
    .update(users)
    .set({ totpPendingSecret: sealFor(ctx, actor.userId, secret) })
    .where(eq(users.id, actor.userId));
  const otpauthUri = totpFor(actor.email, secret).toString();
  return {
    secret,
    otpauthUri,
    qrCodeDataUrl: await (await import('qrcode')).default.toDataURL(otpauthUri, { margin: 1, width: 220 }),
  };
}

export async function enableTotp(ctx: AppContext, actor: Actor, code: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.totpPendingSecret) throw new AppError('conflict', 'Start the set-up first');
  const step = matchingStep(user.email, unsealFor(ctx, user.id, user.totpPendingSecret), code);
  if (step === null) {
    throw invalidField('code', 'does not match; check the time on your phone and try the next code');
  }
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      // The code that confirmed the set-up is used: it cannot log in as well.
      .set({
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpLastStep: step,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.insert(recoveryCodes).values(
      codes.map((c) => ({
        organisationId: user.organisationId,
        userId: user.id,
        codeHash: tokenHash(normaliseRecoveryCode(c)),
      })),
    );
    await invalidateSessions(ctx, tx, { userId: user.id });
    await audit(tx, actor, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  });
  return { recoveryCodes: codes };
}

export async function disableTotp(ctx: AppContext, actor: Actor, password: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  const { requireTotp } = await getOrganisationSettings(ctx, actor, { skipPermission: true });
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw invalidField('password', 'is not your current password');
  }
  if (totpEnrolmentRequired({ roles: actor.roles, totpEnabled: false }, requireTotp)) {
    throw new AppError('forbidden', 'Your organisation requires a second factor for your role');
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await invalidateSessions(ctx, tx, { userId: user.id });
    await audit(tx, actor, { action: 'auth.totp_disabled', entityType: 'user', entityId: user.id });
  });
}

/**
 * At start: seals TOTP secrets stored before they were encrypted, and seals anew those sealed with
 * a previous key (after a rotation). Idempotent, and cheap when there is nothing to do.
 */
export async function sealTotpSecrets(ctx: AppContext): Promise<number> {
  const rows = await ctx.db
    .select({ id: users.id, secret: users.totpSecret, pending: users.totpPendingSecret })
    .from(users)
    .where(or(isNotNull(users.totpSecret), isNotNull(users.totpPendingSecret)));
  assertKeyAvailable(
    ctx.config,
    rows.flatMap((r) => [r.secret, r.pending]).find((v): v is string => v !== null && isSealed(v)),
  );
  const keys = secretKeysOf(ctx.config);
  const reseal = (id: string, value: string | null) =>
    value === null || (isSealed(value) && !sealedWithOldKey(keys, value))
      ? value
      : sealFor(ctx, id, unsealFor(ctx, id, value));
  let changed = 0;
  for (const row of rows) {
    let secret: string | null;
    let pending: string | null;
    try {
      secret = reseal(row.id, row.secret);
      pending = reseal(row.id, row.pending);
    } catch (error) {
      // Without the key nothing opens: stop the start and say which variable to set. A single
      // value that does not open under its key was tampered with; it stays as it is (and fails
      // at login) rather than stopping Lotse for everyone.
      if (error instanceof SecretKeyError) throw error;
      continue;
    }
    if (secret === row.secret && pending === row.pending) continue;
    await ctx.db
      .update(users)
      .set({ totpSecret: secret, totpPendingSecret: pending })
      .where(eq(users.id, row.id));
    changed++;
  }
  return changed;
}
