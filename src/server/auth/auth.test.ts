import { eq, sql } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, sessions, users } from '../db/schema';
import { required } from '../lib/required';
import { staff } from '../testing/factories';
import {
  attemptLogin,
  createOrganisation,
  createUser,
  login,
  PASSWORD,
  Session,
  startSecondApp,
  startTestApp,
  type TestApp,
} from '../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('health and conventions', () => {
  it('answers health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.ctx.databaseKind, version: 'test' });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/users']).toBeDefined();
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    // Personal data must not sit in browser or proxy caches.
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers unknown API paths with a 404 error body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('refuses anonymous requests with 401', async () => {
    for (const url of ['/api/auth/me', '/api/users', '/api/audit', '/api/organisation']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('names the offending field of invalid input', async () => {
    const res = await attemptLogin(t.app, { email: 'not-an-email', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('email');
  });

  it('answers broken JSON and oversize bodies with 400 and 413, not 500', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
    const huge = await attemptLogin(t.app, { email: 'a@example.org', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });
});

describe('login and session', () => {
  it('logs in with an httpOnly SameSite=Lax cookie and returns the user and a CSRF token', async () => {
    const { admin } = await createOrganisation(t.ctx);
    const res = await attemptLogin(t.app, { email: admin.email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = required(
      res.cookies.find((c) => c.name === 'lotse_session'),
      'the session cookie',
    );
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const body = res.json();
    expect(body.user.email).toBe(admin.email);
    expect(body.user.roles).toEqual(['admin']);
    expect(body.user.permissions).toContain('users.manage');
    expect(body.csrfToken.length).toBeGreaterThan(20);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `lotse_session=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(admin.id);
  });

  it('refuses a wrong password with 401 and records the failure in the audit log', async () => {
    const { admin, org } = await createOrganisation(t.ctx);
    const res = await attemptLogin(t.app, { email: admin.email, password: 'wrong password here' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.organisationId, org.id));
    expect(trail.map((a) => a.action)).toContain('auth.login_failed');
  });

  it('rate-limits an account after five failures with 429 and Retry-After', async () => {
    const { admin } = await createOrganisation(t.ctx);
    for (let i = 0; i < 5; i++) {
      const res = await attemptLogin(t.app, { email: admin.email, password: `wrong-${i}-password` });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await attemptLogin(t.app, { email: admin.email, password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('rate-limits one address across accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await attemptLogin(t.app, { email: `nobody${i}@example.org`, password: 'wrong password' }, '10.9.9.9');
    }
    const { admin } = await createOrganisation(t.ctx);
    const blocked = await attemptLogin(t.app, { email: admin.email, password: PASSWORD }, '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await attemptLogin(t.app, { email: admin.email, password: PASSWORD }, '10.9.9.10');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('checks no more than five passwords of an account at once, in parallel too', async () => {
    const { admin } = await createOrganisation(t.ctx);
    const wrong = Array.from({ length: 30 }, (_, i) =>
      attemptLogin(t.app, { email: admin.email, password: `wrong-${i}-password` }, `10.7.0.${i}`),
    );
    const statuses = (await Promise.all(wrong)).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  it('does not let the right password through among nineteen wrong ones sent at once', async () => {
    const { admin } = await createOrganisation(t.ctx);
    const attempts = Array.from({ length: 20 }, (_, i) =>
      attemptLogin(t.app, { email: admin.email, password: i === 19 ? PASSWORD : `wrong-${i}-password` }),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.statusCode);
    // At most five were checked at all; the right one is among them only if it came early.
    expect(statuses.filter((s) => s !== 429)).toHaveLength(5);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(1);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const { admin: s } = await staff(t, ['admin']);
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie: s.cookie },
      payload: { name: 'X' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await s.request('PATCH', '/api/auth/me', { name: 'X' }, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
    const ok = await s.patch('/api/auth/me', { name: 'Renamed Admin', language: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Renamed Admin', language: 'en' });
    expect((await s.get('/api/auth/me')).json().language).toBe('en');
  });

  it('gives the CSRF token again to a reloaded page', async () => {
    const { admin: s } = await staff(t, ['admin']);
    const res = await s.get('/api/auth/session');
    expect(res.json().csrfToken).toBe(s.csrfToken);
  });

  it('ends the session on logout', async () => {
    const { admin: s } = await staff(t, ['admin']);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    const after = await s.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
  });

  it('expires an idle session', async () => {
    const { admin: s } = await staff(t, ['admin']);
    const admin = s.user;
    await t.ctx.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '3 hours'` })
      .where(eq(sessions.userId, admin.id));
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });
});

describe('password', () => {
  it('enforces at least 12 characters and not the e-mail', async () => {
    const { admin: s } = await staff(t, ['admin']);
    const admin = s.user;
    const short = await s.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].path).toBe('newPassword');
    const email = await s.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: admin.email });
    expect(email.statusCode).toBe(400);
    expect(email.json().error.code).toBe('password_policy');
    const wrongCurrent = await s.post('/api/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'a brand new passphrase',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.fields[0].path).toBe('currentPassword');
  });

  it('changes the password and ends the other sessions', async () => {
    const { admin } = await createOrganisation(t.ctx);
    const laptop = await login(t.app, admin.email);
    const phone = await login(t.app, admin.email);
    const res = await laptop.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(res.statusCode).toBe(200);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(200);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    await expect(login(t.app, admin.email)).rejects.toThrow(/401/);
    await login(t.app, admin.email, 'a brand new passphrase');
  });
});

describe('second factor', () => {
  it('enrols TOTP, then requires a code at login and accepts a recovery code once', async () => {
    const { admin: s } = await staff(t, ['admin']);
    const admin = s.user;
    const setup = await s.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrCodeDataUrl } = setup.json();
    expect(otpauthUri).toContain('otpauth://totp/');
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const totp = new TOTP({ secret, digits: 6, period: 30 });

    const wrong = await s.post('/api/auth/totp/enable', {
      code: '000000' === totp.generate() ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    const enabled = await s.post('/api/auth/totp/enable', { code: totp.generate() });
    expect(enabled.statusCode).toBe(200);
    const codes: string[] = enabled.json().recoveryCodes;
    expect(codes).toHaveLength(10);

    const noCode = await attemptLogin(t.app, { email: admin.email, password: PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('totp_required');
    const badCode = await attemptLogin(t.app, { email: admin.email, password: PASSWORD, code: 'zzzz-zzzz' });
    expect(badCode.json().error.code).toBe('totp_invalid');

    // The code that enabled the factor is used up; the authenticator's next one logs in.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    const withTotp = await login(t.app, admin.email, PASSWORD, next);
    expect((await withTotp.get('/api/auth/me')).json().totpEnabled).toBe(true);
    await login(t.app, admin.email, PASSWORD, required(codes[0], 'a recovery code').toUpperCase());
    await expect(login(t.app, admin.email, PASSWORD, codes[0])).rejects.toThrow(/401/);
  });

  it('holds back an admin without a second factor when the organisation requires one', async () => {
    const { admin, org } = await createOrganisation(t.ctx);
    const counsellor = await createUser(t.ctx, org.id, ['counsellor']);
    await t.ctx.db.update(organisations).set({ requireTotp: true }).where(eq(organisations.id, org.id));
    const s = await login(t.app, admin.email);
    const me = await s.get('/api/auth/me');
    expect(me.json().totpEnrolmentRequired).toBe(true);
    const blocked = await s.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('totp_enrolment_required');
    expect((await s.post('/api/auth/totp/setup')).statusCode).toBe(200);

    const c = await login(t.app, counsellor.email);
    expect((await c.get('/api/auth/me')).json().totpEnrolmentRequired).toBe(false);
  });
});

describe('deactivated accounts', () => {
  it('cannot log in', async () => {
    const { org } = await createOrganisation(t.ctx);
    const user = await createUser(t.ctx, org.id, ['counsellor']);
    await t.ctx.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
    const res = await attemptLogin(t.app, { email: user.email, password: PASSWORD });
    expect(res.statusCode).toBe(401);
  });
});

describe('several app processes on one PostgreSQL', () => {
  it.runIf(process.env.TEST_DATABASE_URL)(
    'end a deactivated user’s session in every process at once',
    async () => {
      const second = await startSecondApp(t);
      try {
        const { admin, org } = await createOrganisation(t.ctx);
        const user = await createUser(t.ctx, org.id, ['counsellor']);
        const here = await login(t.app, user.email);
        // The same session, served by the other process (its cache now holds it).
        const there = new Session(second.app, here.cookie, here.csrfToken, here.user);
        expect((await there.get('/api/auth/me')).statusCode).toBe(200);
        const a = await login(t.app, admin.email);
        await a.patch(`/api/users/${user.id}`, { version: user.version, active: false });
        // The NOTIFY reaches the other process within moments of the commit.
        let status = 200;
        for (let i = 0; i < 50 && status === 200; i++) {
          status = (await there.get('/api/auth/me')).statusCode;
          if (status === 200) await new Promise((r) => setTimeout(r, 20));
        }
        expect(status).toBe(401);
      } finally {
        await second.close();
      }
    },
  );
});
