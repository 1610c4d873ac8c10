import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../contracts/auth';
import { partnerMemberships, users } from '../db/schema';
import { institution, ok, staff } from '../testing/factories';
import { login, PASSWORD, type Session, type TestApp } from '../testing/harness';
import {
  acceptInvitation,
  enrolTotp,
  invitePartner,
  mailsTo,
  nextTotpCode,
  PORTAL_PROBE,
  startAppWithPortalProbe,
} from '../testing/partner-accounts';

let t: TestApp;
beforeAll(async () => {
  t = await startAppWithPortalProbe();
});
afterAll(() => t.close());

const me = async (s: Session) => ok<SessionUser>(await s.get('/api/auth/me'));

describe('one person, a partner of two organisations', () => {
  let a: { lead: Session; organisation: { id: string; name: string } };
  let b: { lead: Session; organisation: { id: string; name: string } };
  let jcA: { id: string };
  let jcB: { id: string };
  const person = { email: 'rita.roth@jobcenter.example', userId: '', secret: '' };
  let s: Session;

  it('is invited by the first organisation: the link sets the password, the first login the second factor', async () => {
    a = await staff(t, ['lead'], 'Beratung Nord');
    b = await staff(t, ['lead'], 'Beratung Süd');
    jcA = await institution(a.lead, { name: 'Jobcenter Nord', type: 'job_centre' });
    jcB = await institution(b.lead, { name: 'Jobcenter im Süden', type: 'job_centre' });
    const first = await invitePartner(a.lead, {
      institutionId: jcA.id,
      name: 'Rita Roth',
      email: person.email,
    });
    person.userId = first.account.userId;
    expect((await acceptInvitation(t, first.inviteLink ?? '', PASSWORD)).statusCode).toBe(200);
    person.secret = await enrolTotp(await login(t.app, person.email));
  });

  it('is one user with two memberships: the second organisation adds one, without a new password', async () => {
    const result = await invitePartner(b.lead, {
      institutionId: jcB.id,
      name: 'R. Roth',
      email: person.email,
    });
    expect(result).toMatchObject({ existingAccount: true, inviteLink: null });
    expect(result.account).toMatchObject({ userId: person.userId, status: 'active', totpEnabled: true });
    const [mail] = await mailsTo(t, b.organisation.id, person.email);
    expect(mail?.subject).toContain('Beratung Süd');
    expect(mail?.textBody).not.toContain('/invite#');
    const rows = await t.ctx.db.select().from(users).where(eq(users.email, person.email));
    expect(rows.length).toBe(1);
    const memberships = await t.ctx.db
      .select()
      .from(partnerMemberships)
      .where(eq(partnerMemberships.userId, person.userId));
    expect(memberships.map((m) => m.organisationId).sort()).toEqual(
      [a.organisation.id, b.organisation.id].sort(),
    );
  });

  it('asks at login for the organisation; until then only the picker answers', async () => {
    s = await login(t.app, person.email, PASSWORD, nextTotpCode(person.secret));
    const before = await me(s);
    expect(before.organisationChoiceRequired).toBe(true);
    expect(before.organisations.map((o) => [o.name, o.institutionName])).toEqual([
      ['Beratung Nord', 'Jobcenter Nord'],
      ['Beratung Süd', 'Jobcenter im Süden'],
    ]);
    const held = await s.get(PORTAL_PROBE);
    expect(held.statusCode).toBe(403);
    expect(held.json().error.code).toBe('organisation_choice_required');
  });

  it('works in the organisation picked, switches to the other, and refuses one it is no partner of', async () => {
    const picked = ok<SessionUser>(
      await s.post('/api/auth/organisation', { organisationId: b.organisation.id }),
    );
    expect(picked.organisation.name).toBe('Beratung Süd');
    expect((await me(s)).institution).toEqual({ id: jcB.id, name: 'Jobcenter im Süden' });
    expect(ok(await s.get(PORTAL_PROBE))).toEqual({
      organisationId: b.organisation.id,
      institutionId: jcB.id,
    });

    ok(await s.post('/api/auth/organisation', { organisationId: a.organisation.id }));
    const switched = await me(s);
    expect(switched.organisation.name).toBe('Beratung Nord');
    expect(switched.institution?.name).toBe('Jobcenter Nord');
    expect(ok(await s.get(PORTAL_PROBE))).toEqual({
      organisationId: a.organisation.id,
      institutionId: jcA.id,
    });

    const stranger = await staff(t, ['lead'], 'Beratung West');
    const refused = await s.post('/api/auth/organisation', { organisationId: stranger.organisation.id });
    expect(refused.statusCode).toBe(404);
  });

  it('ends only the access of the organisation that revokes it', async () => {
    const [account] = ok<{ items: { id: string; version: number }[] }>(
      await b.lead.get('/api/partners'),
    ).items;
    if (!account) throw new Error('no account');
    ok(await b.lead.post(`/api/partners/${account.id}/revoke`, { version: account.version }));
    // The session works in Nord: it goes on, and Süd is no longer offered.
    const after = await me(s);
    expect(after.organisations.map((o) => o.name)).toEqual(['Beratung Nord']);
    expect((await s.post('/api/auth/organisation', { organisationId: b.organisation.id })).statusCode).toBe(
      404,
    );
  });
});
