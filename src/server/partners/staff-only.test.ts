/**
 * A partner is a user whose organisation_id names the organisation that invited them first: the
 * rest of Lotse must never take them for staff of it, and merging institutions takes their
 * accounts along.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerAccount } from '../../contracts/partners';
import { addDays, todayInGermany } from '../lib/calendar';
import { institution, ok, openCase, sectorId, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { partnerSession } from '../testing/partners';

let t: TestApp;
let lead: Session;
let admin: Session;
let organisationId: string;
let partnerId: string;
let jc: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['lead', 'admin']);
  ({ lead, admin } = team);
  organisationId = team.organisation.id;
  jc = await institution(lead, { name: 'Jobcenter Merzig', type: 'job_centre' });
  partnerId = (await partnerSession(t, organisationId, jc.id, 'Paula Partner')).userId;
});
afterAll(() => t.close());

const refusedField = (res: { statusCode: number; json(): unknown }) => {
  expect(res.statusCode).toBe(400);
  return (res.json() as { error: { fields: { path: string }[] } }).error.fields[0]?.path;
};

describe('a partner is never staff of the organisation', () => {
  it("is left out of the admin's user list and user routes; the admin cannot make one", async () => {
    const users = ok<{ items: { id: string }[] }>(await admin.get('/api/users'));
    expect(users.items.map((u) => u.id)).not.toContain(partnerId);
    expect((await admin.get(`/api/users/${partnerId}`)).statusCode).toBe(404);
    const invite = await admin.post('/api/users', { email: 'p@x.example', name: 'P', roles: ['partner'] });
    expect(refusedField(invite)).toBe('roles');
  });

  it('is refused as the new owner of a case and as the owner of a plan step', async () => {
    const c = await openCase(lead);
    const handover = await lead.post(`/api/clients/${c.id}/handover`, {
      toUserId: partnerId,
      version: c.version,
    });
    expect(refusedField(handover)).toBe('toUserId');
    const step = await lead.post(`/api/clients/${c.id}/steps`, { text: 'Anrufen', ownerUserId: partnerId });
    expect(refusedField(step)).toBe('ownerUserId');
  });

  it("is refused as a series' or a conference's moderator", async () => {
    const sector = await sectorId(lead, 'Gesundheit und Pflege');
    const series = await lead.post('/api/conference-series', {
      title: 'Pflege',
      sectorId: sector,
      moderatorId: partnerId,
    });
    expect(refusedField(series)).toBe('moderatorId');
    const conference = await lead.post('/api/conferences', {
      title: 'Pflege',
      sectorId: sector,
      date: addDays(todayInGermany(), 14),
      startTime: '09:30',
      minuteTakerId: partnerId,
    });
    expect(refusedField(conference)).toBe('minuteTakerId');
  });
});

describe('merging institutions', () => {
  it("moves the duplicate's partner accounts to the institution that stays", async () => {
    const duplicate = await institution(lead, {
      name: 'JC Merzig',
      type: 'job_centre',
      ignoreDuplicates: true,
    });
    const other = await partnerSession(t, organisationId, duplicate.id, 'Otto Other');
    ok(
      await lead.post(`/api/institutions/${duplicate.id}/merge`, {
        intoId: jc.id,
        version: duplicate.version,
      }),
    );
    const list = ok<{ items: PartnerAccount[] }>(await lead.get(`/api/partners?institutionId=${jc.id}`));
    expect(list.items.map((a) => a.name)).toEqual(['Otto Other', 'Paula Partner']);
    // The moved partner acts for the institution that stays from the next request.
    const me = ok<{ institution: { id: string } }>(await other.session.get('/api/auth/me'));
    expect(me.institution.id).toBe(jc.id);
  });
});
