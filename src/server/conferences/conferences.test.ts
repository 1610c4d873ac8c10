import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInGermany } from '../lib/calendar';
import {
  auditTrail,
  consent,
  institution,
  ok,
  openCase,
  outsider,
  sectorId,
  staff,
} from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let admin: Session;
let dpo: Session;
let stranger: Session;
let health: string;
const inAMonth = addDays(todayInGermany(), 30);

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, admin, dpo } = await staff(t, ['lead', 'aylin', 'admin', 'dpo']));
  stranger = await outsider(t);
  health = await sectorId(lead, 'Gesundheit und Pflege');
});
afterAll(() => t.close());

const plan = (s: Session, fields: Record<string, unknown> = {}) =>
  s.post('/api/conferences', {
    title: 'Geberkonferenz Pflege',
    sectorId: health,
    date: inAMonth,
    startTime: '10:00',
    place: 'Rathaus, Saal 2',
    ...fields,
  });

describe('a conference', () => {
  it('is planned by a lead in its own time zone and seen by counsellors, not by the admin or another organisation', async () => {
    const c = ok(await plan(lead));
    expect(c).toMatchObject({
      status: 'planned',
      timeZone: 'Europe/Berlin',
      date: inAMonth,
      startTime: '10:00',
    });
    expect(Date.parse(String(c.endsAt)) - Date.parse(String(c.startsAt))).toBe(120 * 60_000);
    expect((await plan(aylin)).statusCode).toBe(403);
    expect((await aylin.get(`/api/conferences/${c.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/conferences/${c.id}`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/conferences/${c.id}`)).statusCode).toBe(404);
    const list = ok<{ items: { id: string }[] }>(await aylin.get('/api/conferences'));
    expect(list.items.map((i) => i.id)).toContain(c.id);
    // Found by a word of its title or place, whatever the case and accents.
    for (const q of ['PFLEGE', 'rathaus saal', 'Ratháus'])
      expect(
        ok<{ items: { id: string }[] }>(
          await aylin.get(`/api/conferences?q=${encodeURIComponent(q)}`),
        ).items.map((i) => i.id),
      ).toContain(c.id);
    expect(ok<{ total: number }>(await aylin.get('/api/conferences?q=zahnarzt')).total).toBe(0);
  });

  it('cannot begin in the past, and says which field is wrong', async () => {
    const res = await plan(lead, { date: addDays(todayInGermany(), -1) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'date' })]);
  });

  it('warns when the moderator also takes the minutes', async () => {
    const c = ok(await plan(lead, { moderatorId: lead.user.id, minuteTakerId: lead.user.id }));
    expect(c.warnings).toContain('moderator_is_minute_taker');
  });

  it('moves through its status only along the allowed steps; a cancelled one stays cancelled', async () => {
    const c = ok(await plan(lead));
    const skip = await lead.post(`/api/conferences/${c.id}/status`, { status: 'held', version: c.version });
    expect(skip.statusCode).toBe(409);
    const cancelled = ok(
      await lead.post(`/api/conferences/${c.id}/status`, {
        status: 'cancelled',
        version: c.version,
        reason: 'Raum fehlt',
      }),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Raum fehlt', sequence: 1 });
    const change = await lead.patch(`/api/conferences/${c.id}`, {
      place: 'Anderswo',
      version: cancelled.version,
    });
    expect(change.statusCode).toBe(409);
  });
});

describe('a series', () => {
  it('makes its next conference with the series’ invitees', async () => {
    const jc = await institution(lead, { name: 'Jobcenter Testhausen', type: 'job_centre' });
    const aa = await institution(lead, { name: 'Agentur für Arbeit Testhausen', type: 'employment_agency' });
    const s = ok(
      await lead.post('/api/conference-series', {
        title: 'Pflege-Konferenz',
        sectorId: health,
        institutionIds: [jc.id, aa.id],
      }),
    );
    expect(s).toMatchObject({ perYear: 3, durationMinutes: 120, lastConference: null });
    const c = ok<{ seriesId: string; invitations: { institution: { name: string } }[] }>(
      await lead.post(`/api/conference-series/${s.id}/next`, {}),
    );
    expect(c.seriesId).toBe(s.id);
    expect(c.invitations.map((i) => i.institution.name).sort()).toEqual([aa.name, jc.name].sort());
    const again = ok<{ lastConference: unknown; suggestedNextDate: string }[]>(
      await lead.get('/api/conference-series'),
    );
    expect(again[0]?.lastConference).toBeTruthy();
  });
});

describe('the conference page', () => {
  it('is a read of every case it names, in the audit log under that person', async () => {
    const jc = await institution(lead, { name: 'Jobcenter Auditstadt', type: 'job_centre' });
    const c = ok(await plan(lead));
    ok(await lead.post(`/api/conferences/${c.id}/invitations`, { institutionId: jc.id }));
    const client = await openCase(aylin);
    await consent(aylin, client.id, {
      purposes: ['conference_sharing'],
      institutionIds: [jc.id],
      dataCategories: ['qualifications'],
    });
    ok(
      await aylin.post(`/api/conferences/${c.id}/nominations`, {
        clientId: client.id,
        question: 'Wer finanziert den Kurs?',
        institutionIds: [jc.id],
      }),
    );
    ok(await lead.get(`/api/conferences/${c.id}`));
    const reads = (await auditTrail(dpo, { action: 'conference.read', subjectId: client.id })).items;
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.map((r) => r.actor?.name)).toContain('Miriam Kessler');
  });
});
