/**
 * Partner users for API tests: a representative of a directory institution with an active
 * membership in an organisation, enrolled in a second factor (partners must be) and logged in —
 * through the real API, as the web client does it.
 */
import { TOTP } from 'otpauth';
import type { Role } from '../../contracts/auth';
import { partnerMemberships } from '../db/schema';
import { createUser, login, PASSWORD, type Session, type TestApp } from './harness';

/** The current code of a TOTP secret (the one enrolled by `partnerSession`). */
export const totpCode = (secret: string) => new TOTP({ secret, digits: 6, period: 30 }).generate();

export interface PartnerSession {
  session: Session;
  userId: string;
  email: string;
  /** The enrolled TOTP secret: log in again with `login(app, email, PASSWORD, totpCode(secret))`. */
  secret: string;
}

/** Gives an existing partner user one more organisation (a job centre working with a second centre). */
export async function addMembership(
  t: TestApp,
  userId: string,
  organisationId: string,
  institutionId: string,
) {
  await t.ctx.db.insert(partnerMemberships).values({ organisationId, userId, institutionId });
}

/**
 * A partner of `institutionId` in `organisationId`, enrolled and logged in. With several
 * memberships the session still has to choose (POST /api/auth/organisation).
 */
export async function partnerSession(
  t: TestApp,
  organisationId: string,
  institutionId: string,
  name?: string,
): Promise<PartnerSession> {
  const user = await createUser(t.ctx, organisationId, ['partner'] as Role[], name);
  await addMembership(t, user.id, organisationId, institutionId);
  const first = await login(t.app, user.email);
  const setup = await first.post('/api/auth/totp/setup');
  if (setup.statusCode !== 200) throw new Error(`totp setup ${setup.statusCode}: ${setup.body}`);
  const { secret } = setup.json() as { secret: string };
  const enabled = await first.post('/api/auth/totp/enable', { code: totpCode(secret) });
  if (enabled.statusCode !== 200) throw new Error(`totp enable ${enabled.statusCode}: ${enabled.body}`);
  // The session that enrolled goes on, no longer held back (the enrolment invalidated its cache).
  return { session: first, userId: user.id, email: user.email, secret };
}

/**
 * Logs in again with the next TOTP code: a code already used in its 30-second step is refused, so
 * this waits up to 30 s — use it only where a second login is the point of the test.
 */
export async function loginWithFreshCode(t: TestApp, email: string, secret: string): Promise<Session> {
  const period = 30_000;
  const wait = period - (Date.now() % period) + 50;
  await new Promise((resolve) => setTimeout(resolve, wait));
  return login(t.app, email, PASSWORD, totpCode(secret));
}
