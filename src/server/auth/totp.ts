import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { AppContext } from '../context';
import { recoveryCodes, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, invalidField } from '../lib/errors';
import { tokenHash, verifyPassword } from '../lib/secrets';
import { invalidateSessions } from '../lib/sessions';
import { getOrganisationSettings } from '../organisation/service';
import { totpEnrolmentRequired } from './present';

const RECOVERY_CODES = 10;

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

/** Checks a TOTP code (±30 s) or uses up a recovery code. */
export async function verifySecondFactor(
  ctx: AppContext,
  user: { id: string; email: string; totpSecret: string | null },
  code: string,
): Promise<'totp' | 'recovery_code' | null> {
  if (!user.totpSecret) return null;
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) {
    return totpFor(user.email, user.totpSecret).validate({ token: digits, window: 1 }) !== null
      ? 'totp'
      : null;
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
  await ctx.db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, actor.userId));
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
  if (totpFor(user.email, user.totpPendingSecret).validate({ token: code, window: 1 }) === null) {
    throw invalidField('code', 'does not match; check the time on your phone and try the next code');
  }
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, updatedAt: new Date() })
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
    await tx.update(users).set({ totpSecret: null, totpPendingSecret: null }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await invalidateSessions(ctx, tx, { userId: user.id });
    await audit(tx, actor, { action: 'auth.totp_disabled', entityType: 'user', entityId: user.id });
  });
}
