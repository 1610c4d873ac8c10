import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/auth';
import type { PortalConference, PortalHome } from '../../contracts/portal';
import { auditLog } from '../db/schema';
import { type PreparedConference, preparedConference } from '../testing/conferences';
import { ok, staff } from '../testing/factories';
import { createUser, login, type Session, startTestApp, type TestApp } from '../testing/harness';
import { addMembership, totpCode } from '../testing/partners';

let t: TestApp;
/** The same job centre works with two counselling centres, each with a conference it is invited to. */
const org = {} as Record<'a' | 'b', { id: string; conference: PreparedConference }>;
let partner: Session;
let userId: string;

beforeAll(async () => {
  t = await startTestApp();
  for (const key of ['a', 'b'] as const) {
    const team = await staff(t, ['lead', 'aylin']);
    org[key] = { id: team.organisation.id, conference: await preparedConference(t, team.lead, team.aylin) };
  }
  const user = await createUser(t.ctx, org.a.id, ['partner'] as Role[]);
  userId = user.id;
  for (const key of ['a', 'b'] as const)
    await addMembership(t, user.id, org[key].id, org[key].conference.institutions.jc.id);
  partner = await login(t.app, user.email);
  const { secret } = ok<{ secret: string }>(await partner.post('/api/auth/totp/setup'));
  expect((await partner.post('/api/auth/totp/enable', { code: totpCode(secret) })).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const choose = async (key: 'a' | 'b') =>
  expect((await partner.post('/api/auth/organisation', { organisationId: org[key].id })).statusCode).toBe(
    200,
  );
const conferenceOf = (key: 'a' | 'b') => `/api/portal/conferences/${org[key].conference.conference.id}`;

describe('a partner of two organisations', () => {
  it('sees nothing until an organisation is chosen', async () => {
    const res = await partner.get('/api/portal/home');
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'organisation_choice_required']);
  });

  it('sees only the chosen organisation’s conferences; the other’s answer 404 like missing ones', async () => {
    await choose('b');
    const home = ok<PortalHome>(await partner.get('/api/portal/home'));
    expect(home.organisation.id).toBe(org.b.id);
    expect(home.institution.id).toBe(org.b.conference.institutions.jc.id);
    expect(home.upcoming.map((c) => c.id)).toEqual([org.b.conference.conference.id]);
    ok<PortalConference>(await partner.get(conferenceOf('b')));
    const missing = await partner.get(`/api/portal/conferences/${crypto.randomUUID()}`);
    for (const path of ['', '/pack.pdf', `/cases/${org.a.conference.cases[0]?.nominationId}`]) {
      const res = await partner.get(`${conferenceOf('a')}${path}`);
      expect([path, res.statusCode]).toEqual([path, 404]);
      if (path === '') expect(res.json()).toEqual(missing.json());
    }
    const answer = await partner.post(`${conferenceOf('a')}/rsvp`, { answer: 'attending' });
    expect(answer.statusCode).toBe(404);
  });

  it('works in the other after switching, and each read is logged in its own organisation', async () => {
    await choose('a');
    const home = ok<PortalHome>(await partner.get('/api/portal/home'));
    expect(home.upcoming.map((c) => c.id)).toEqual([org.a.conference.conference.id]);
    expect((await partner.get(conferenceOf('b'))).statusCode).toBe(404);
    ok<PortalConference>(await partner.get(conferenceOf('a')));
    const reads = await t.ctx.db.select().from(auditLog).where(eq(auditLog.actorUserId, userId));
    const of = (key: 'a' | 'b') =>
      reads.filter(
        (r) => r.action === 'portal.conference_read' && r.entityId === org[key].conference.conference.id,
      );
    expect(of('a').map((r) => [r.organisationId, r.institutionId])).toEqual([
      [org.a.id, org.a.conference.institutions.jc.id],
    ]);
    expect(of('b').map((r) => [r.organisationId, r.institutionId])).toEqual([
      [org.b.id, org.b.conference.institutions.jc.id],
    ]);
  });
});
