/**
 * The login rate limit: failed attempts per account and per address in a sliding window. An
 * attempt is reserved before its password is checked and settled after (auth/service.ts `login`).
 */
import { eq, sql } from 'drizzle-orm';
import type { AppContext, RequestMeta } from '../context';
import { queryRows } from '../db/client';
import { loginAttempts } from '../db/schema';
import { auditSystem } from '../lib/audit';
import { AppError } from '../lib/errors';
import { firstRow } from '../lib/required';

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Takes one attempt out of the window before the password is checked, or answers 429 when the
 * window is used up. Counting and writing the attempt happen under a lock per account and per
 * address, so parallel requests queue here and no more than the limit are ever checked; counting
 * before the slow argon2 check and writing after it once let 30 parallel guesses through. The
 * reserved attempt counts as a failure until `createSession` turns it into a success, or
 * `forgetAttempt` drops it.
 */
export async function reserveAttempt(ctx: AppContext, email: string, ip: string): Promise<number> {
  const reserved = await ctx.db.transaction(
    async (tx) => {
      // Two lock spaces (1: accounts, 2: addresses), always taken in this order: no deadlock.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(1, hashtext(${email}))`);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(2, hashtext(${ip}))`);
      const [row] = await queryRows<{
        by_email: number;
        by_ip: number;
        email_oldest: Date | null;
        ip_oldest: Date | null;
      }>(
        tx,
        sql`SELECT
            count(*) FILTER (WHERE email = ${email})::int AS by_email,
            count(*) FILTER (WHERE ip = ${ip})::int AS by_ip,
            min(at) FILTER (WHERE email = ${email}) AS email_oldest,
            min(at) FILTER (WHERE ip = ${ip}) AS ip_oldest
          FROM login_attempts
          WHERE success = false AND at > now() - make_interval(mins => ${WINDOW_MINUTES})
            AND (email = ${email} OR ip = ${ip})`,
      );
      const blockedSince =
        row && row.by_email >= MAX_FAILURES_PER_ACCOUNT
          ? row.email_oldest
          : row && row.by_ip >= MAX_FAILURES_PER_ADDRESS
            ? row.ip_oldest
            : null;
      if (blockedSince) return { kind: 'blocked' as const, since: new Date(blockedSince) };
      const attempt = firstRow(
        await tx
          .insert(loginAttempts)
          .values({ email, ip, success: false })
          .returning({ id: loginAttempts.id }),
        'the login attempt',
      );
      return { kind: 'reserved' as const, id: attempt.id };
    },
    // The count must see what the transactions before it committed, whatever the server's default.
    { isolationLevel: 'read committed' },
  );
  if (reserved.kind === 'reserved') return reserved.id;
  const retryAfter = Math.max(
    1,
    Math.ceil((reserved.since.getTime() + WINDOW_MINUTES * 60_000 - Date.now()) / 1000),
  );
  throw new AppError(
    'rate_limited',
    `Too many failed logins; try again in ${Math.ceil(retryAfter / 60)} minutes`,
    {
      headers: { 'retry-after': String(retryAfter) },
      details: { retryAfterSeconds: retryAfter },
    },
  );
}

/** A reserved attempt that turned out not to be a guess: the password was right, the code is still to come. */
export async function forgetAttempt(ctx: AppContext, attemptId: number) {
  await ctx.db.delete(loginAttempts).where(eq(loginAttempts.id, attemptId));
}

/** The reserved attempt stays a failure; the audit log says why. */
export async function recordFailure(
  ctx: AppContext,
  meta: RequestMeta,
  user: { id: string; organisationId: string } | undefined,
  reason: string,
) {
  await auditSystem(
    ctx.db,
    { organisationId: user?.organisationId ?? null, actorUserId: user?.id ?? null, ip: meta.ip },
    { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null, details: { reason } },
  );
}
