import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { required } from '../lib/required';
import { member, staff } from '../testing/factories';
import {
  attemptLogin,
  createOrganisation,
  createUser,
  login,
  PASSWORD,
  startTestApp,
  type TestApp,
} from '../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const tokenOf = (link: string) => required(link.split('#')[1], 'the token of the link');
/** What the invitation page sends: a look at the link, or accepting it with a password. */
const invitation = (action: 'inspect' | 'accept', payload: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/auth/invitation/${action}`, payload });

describe('inviting a user', () => {
  describe('by e-mail, with mail left in the outbox', () => {
    let organisationId: string;
    let user: { email: string };
    let inviteLink: string;

    it('answers the invited user and the link, and queues the mail with the link', async () => {
      const { admin, organisation } = await staff(t, ['admin'], 'Beratungszentrum Saar');
      organisationId = organisation.id;
      const res = await admin.post('/api/users', {
        email: 'Aylin.Demir@Example.org',
        name: 'Aylin Demir',
        roles: ['counsellor'],
        language: 'de',
      });
      expect(res.statusCode).toBe(200);
      ({ user, inviteLink } = res.json());
      expect(user).toMatchObject({
        email: 'aylin.demir@example.org',
        status: 'invited',
        roles: ['counsellor'],
      });
      expect(inviteLink).toMatch(/\/invite#/);

      const [mail] = await t.ctx.db.select().from(outbox).where(eq(outbox.organisationId, organisationId));
      expect(mail?.toAddress).toBe('aylin.demir@example.org');
      expect(mail?.textBody).toContain(inviteLink);
      expect(mail?.subject).toContain('Beratungszentrum Saar');
    });

    it('keeps the invited user out until the invitation is accepted', async () => {
      const early = await attemptLogin(t.app, { email: user.email, password: PASSWORD });
      expect(early.statusCode).toBe(401);
    });

    it('shows the invitee whom the link is for and from', async () => {
      const info = await invitation('inspect', { token: tokenOf(inviteLink) });
      expect(info.json()).toMatchObject({
        email: user.email,
        organisationName: 'Beratungszentrum Saar',
        purpose: 'invite',
      });
    });

    it('lets the invitee set a password of the required strength and log in with the roles given', async () => {
      const weak = await invitation('accept', { token: tokenOf(inviteLink), password: 'short' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.fields[0].path).toBe('password');
      const accepted = await invitation('accept', {
        token: tokenOf(inviteLink),
        password: 'meine sichere passphrase',
      });
      expect(accepted.statusCode).toBe(200);

      const c = await login(t.app, user.email, 'meine sichere passphrase');
      const me = (await c.get('/api/auth/me')).json();
      expect(me.roles).toEqual(['counsellor']);
      expect(me.permissions).not.toContain('users.manage');
    });

    it('accepts the link only once', async () => {
      const again = await invitation('accept', {
        token: tokenOf(inviteLink),
        password: 'another passphrase 1',
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.code).toBe('token_invalid');
    });
  });

  it('refuses an e-mail that already has an account', async () => {
    const { admin: s } = await staff(t, ['admin']);
    const admin = s.user;
    const res = await s.post('/api/users', { email: admin.email, name: 'Twin', roles: ['lead'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].path).toBe('email');
  });

  it('validates roles and names', async () => {
    const { admin: s } = await staff(t, ['admin']);
    const res = await s.post('/api/users', { email: 'x@example.org', name: '', roles: ['superuser'] });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'roles.0']));
  });

  it('returns no link when mail goes out by SMTP', async () => {
    const smtp = await startTestApp({ smtpUrl: 'smtp://127.0.0.1:1' });
    try {
      const { admin } = await createOrganisation(smtp.ctx);
      const s = await login(smtp.app, admin.email);
      const res = await s.post('/api/users', { email: 'lead@example.org', name: 'Lead', roles: ['lead'] });
      expect(res.json()).toMatchObject({ inviteLink: null, mailQueued: true });
    } finally {
      await smtp.close();
    }
  });
});

describe('managing users', () => {
  it('is for admins only', async () => {
    const { org } = await createOrganisation(t.ctx);
    // Partners are not staff: these routes do not exist for them (404, see the partners' tests).
    for (const role of ['lead', 'counsellor', 'dpo'] as const) {
      const s = await member(t, org.id, [role]);
      const refused = 403;
      expect((await s.get('/api/users')).statusCode, role).toBe(refused);
      expect(
        (await s.post('/api/users', { email: `${role}x@example.org`, name: 'X', roles: ['admin'] }))
          .statusCode,
        role,
      ).toBe(refused);
    }
  });

  it("answers another organisation's user with 404", async () => {
    const a = await createOrganisation(t.ctx);
    const b = await createOrganisation(t.ctx);
    const bUser = await createUser(t.ctx, b.org.id, ['counsellor']);
    const s = await login(t.app, a.admin.email);
    expect((await s.get(`/api/users/${bUser.id}`)).statusCode).toBe(404);
    const patch = await s.patch(`/api/users/${bUser.id}`, { version: bUser.version, active: false });
    expect(patch.statusCode).toBe(404);
    expect((await s.post(`/api/users/${bUser.id}/link`)).statusCode).toBe(404);
    const list = (await s.get('/api/users')).json();
    expect(list.items.map((u: { id: string }) => u.id)).not.toContain(bUser.id);
  });

  it('changes roles and deactivation ends the sessions at once', async () => {
    const { admin: s, organisation } = await staff(t, ['admin']);
    const admin = s.user;
    const user = await createUser(t.ctx, organisation.id, ['counsellor']);
    const u = await login(t.app, user.email);
    const roles = await s.patch(`/api/users/${user.id}`, { version: 1, roles: ['counsellor', 'lead'] });
    expect(roles.statusCode).toBe(200);
    expect(roles.json().roles).toEqual(['counsellor', 'lead']);
    expect((await u.get('/api/auth/me')).json().roles).toEqual(['counsellor', 'lead']);

    const off = await s.patch(`/api/users/${user.id}`, { version: roles.json().version, active: false });
    expect(off.json().status).toBe('deactivated');
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);

    const trail = (await s.get(`/api/audit?actorId=${admin.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['user.roles_changed', 'user.deactivated']));
  });

  it('refuses a field it does not know, naming it, and changes nothing', async () => {
    const { admin: s, organisation } = await staff(t, ['admin']);
    const user = await createUser(t.ctx, organisation.id, ['counsellor']);
    const res = await s.patch(`/api/users/${user.id}`, { status: 'deactivated', version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'status', message: 'is not a field of this request' }]);
    expect(res.json().error.message).toContain('status');
    const nested = await s.post('/api/users', {
      email: 'x@example.org',
      name: 'X',
      roles: ['lead'],
      extra: { a: 1 },
    });
    expect(nested.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['extra']);
    const after = (await s.get(`/api/users/${user.id}`)).json();
    expect(after).toMatchObject({ status: 'active', version: 1 });
  });

  it('detects concurrent edits and says who changed the user', async () => {
    const { admin, org } = await createOrganisation(t.ctx);
    const second = await createUser(t.ctx, org.id, ['admin'], 'Second Admin');
    const user = await createUser(t.ctx, org.id, ['counsellor']);
    const s1 = await login(t.app, admin.email);
    const s2 = await login(t.app, second.email);
    expect((await s2.patch(`/api/users/${user.id}`, { version: 1, name: 'New Name' })).statusCode).toBe(200);
    const stale = await s1.patch(`/api/users/${user.id}`, { version: 1, roles: ['lead'] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.message).toContain('Second Admin');
    expect(stale.json().error.details.version).toBe(2);
  });

  it('gives a user a team (trimmed, at most 80 characters; empty is none), listed and audited', async () => {
    const { admin: s, organisation } = await staff(t, ['admin']);
    const user = await createUser(t.ctx, organisation.id, ['counsellor'], 'Team Player');
    const set = await s.patch(`/api/users/${user.id}`, { version: 1, team: '  Team Saarlouis ' });
    expect(set.statusCode).toBe(200);
    expect(set.json().team).toBe('Team Saarlouis');
    const listed = (await s.get('/api/users?q=player')).json().items[0];
    expect(listed.team).toBe('Team Saarlouis');
    // Other changes leave the team alone.
    const renamed = await s.patch(`/api/users/${user.id}`, { version: 2, name: 'Team Spieler' });
    expect(renamed.json().team).toBe('Team Saarlouis');
    const long = await s.patch(`/api/users/${user.id}`, { version: 3, team: 'x'.repeat(81) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].path).toBe('team');
    const cleared = await s.patch(`/api/users/${user.id}`, { version: 3, team: '' });
    expect(cleared.json().team).toBeNull();
    const trail = (await s.get(`/api/audit?action=user.updated&actorId=${s.user.id}`)).json();
    expect(trail.items.map((e: { details: unknown }) => e.details)).toEqual(
      expect.arrayContaining([{ changed: ['team'] }]),
    );
    const invited = await s.post('/api/users', {
      email: 'team.new@example.org',
      name: 'Neu im Team',
      roles: ['counsellor'],
      team: 'Team Neunkirchen',
    });
    expect(invited.json().user.team).toBe('Team Neunkirchen');
  });

  it('keeps at least one active admin', async () => {
    const { admin } = await createOrganisation(t.ctx);
    const s = await login(t.app, admin.email);
    const res = await s.patch(`/api/users/${admin.id}`, { version: admin.version, roles: ['lead'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('last_admin');
  });

  it('sends a password-reset link to an active user', async () => {
    const { admin: s, organisation } = await staff(t, ['admin']);
    const user = await createUser(t.ctx, organisation.id, ['counsellor']);
    const res = await s.post(`/api/users/${user.id}/link`);
    expect(res.statusCode).toBe(200);
    const token = tokenOf(res.json().inviteLink);
    const info = await invitation('inspect', { token });
    expect(info.json().purpose).toBe('password_reset');
    await invitation('accept', { token, password: 'reset passphrase 99' });
    await login(t.app, user.email, 'reset passphrase 99');
  });

  it('filters the list by text, role and status', async () => {
    const { admin: s, organisation } = await staff(t, ['admin']);
    await createUser(t.ctx, organisation.id, ['dpo'], 'Thomas Weber');
    await createUser(t.ctx, organisation.id, ['counsellor'], 'Jonas Becker');
    const byText = (await s.get('/api/users?q=webe')).json();
    expect(byText.items.map((u: { name: string }) => u.name)).toEqual(['Thomas Weber']);
    const byRole = (await s.get('/api/users?role=counsellor')).json();
    expect(byRole.items.map((u: { name: string }) => u.name)).toEqual(['Jonas Becker']);
    expect((await s.get('/api/users?limit=500')).statusCode).toBe(400);
  });
});
