import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conference } from '../../contracts/conferences';
import type { Pathway, PathwayPage } from '../../contracts/pathways';
import { addDays, todayInGermany } from '../lib/calendar';
import { preparedConference } from '../testing/conferences';
import { auditTrail, measure, occupationId, ok, outsider, sectorId, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { nursesPathway } from '../testing/pathways';

let t: TestApp;
let lead: Session;
let aylin: Session;
let admin: Session;
let dpo: Session;
let stranger: Session;
let health: string;
let nurse: string;
let adaptation: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, admin, dpo } = await staff(t, ['lead', 'aylin', 'admin', 'dpo']));
  stranger = await outsider(t);
  health = await sectorId(lead, 'Gesundheit und Pflege');
  nurse = await occupationId(lead, 'pflegefach');
  adaptation = (
    await measure(lead, {
      title: 'Anpassungslehrgang Pflege',
      type: 'adaptation_qualification',
      occupationIds: [nurse],
    })
  ).id;
});
afterAll(() => t.close());

const nurses = (fields: Parameters<typeof nursesPathway>[1] = {}) =>
  nursesPathway({ sectorId: health, occupationId: nurse, adaptationId: adaptation }, fields);

const fieldsOf = (res: { json(): unknown }) =>
  (res.json() as { error: { fields?: { path: string }[] } }).error.fields?.map((f) => f.path);

describe('a pathway', () => {
  it('needs a reference occupation and steps, and says which field is wrong', async () => {
    const { occupationIds: _, ...without } = nurses();
    for (const [body, field] of [
      [without, 'occupationIds'],
      [nurses({ occupationIds: [] }), 'occupationIds'],
      [nurses({ occupationIds: ['6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b'] }), 'occupationIds'],
      [nurses({ steps: [] }), 'steps'],
      [
        nurses({ steps: [{ text: 'x', measureIds: ['6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b'] }] }),
        'steps.0.measureIds',
      ],
      [nurses({ sectorId: undefined }), 'sectorId'],
    ] as const) {
      const res = await lead.post('/api/pathways', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    }
    // The message names what is missing, in words.
    const res = await lead.post('/api/pathways', nurses({ occupationIds: [] }));
    expect(res.json().error.fields[0].message).toMatch(/reference occupation/);
  });

  it('is written down by a lead; counsellors and the admin read the list, not the dpo', async () => {
    expect((await aylin.post('/api/pathways', nurses())).statusCode).toBe(403);
    const p = ok<Pathway>(await lead.post('/api/pathways', nurses()));
    expect(p).toMatchObject({
      sector: { id: health },
      occupations: [{ id: nurse, title: expect.stringContaining('Pflegefach') }],
      conference: null,
      adoptedAt: null,
      followers: 0,
      version: 1,
    });
    expect(p.steps[1]).toMatchObject({
      responsible: 'Pflegeschule Saarbrücken',
      funder: 'Jobcenter',
      weeks: 40,
      measures: [{ id: adaptation, title: 'Anpassungslehrgang Pflege', type: 'adaptation_qualification' }],
    });
    for (const s of [aylin, admin])
      expect(ok<PathwayPage>(await s.get('/api/pathways')).items.map((i) => i.id)).toContain(p.id);
    // Found by a word of its occupation group, whatever the case and accents.
    const found = ok<PathwayPage>(await aylin.get('/api/pathways?q=DRITTSTAATEN%20defizitbescheid'));
    expect(found.items.map((i) => i.id)).toContain(p.id);
    expect(ok<PathwayPage>(await aylin.get('/api/pathways?q=zahnarzt')).total).toBe(0);
    expect((await dpo.get('/api/pathways')).statusCode).toBe(403);
    expect((await stranger.get(`/api/pathways/${p.id}`)).statusCode).toBe(404);
    expect(ok<PathwayPage>(await stranger.get('/api/pathways')).items).toEqual([]);
  });

  it('is changed at the version read, archived and brought back; each change is audited', async () => {
    const p = ok<Pathway>(await lead.post('/api/pathways', nurses({ title: 'Zum Ändern' })));
    const changed = ok<Pathway>(
      await lead.patch(`/api/pathways/${p.id}`, { version: p.version, title: 'Geändert' }),
    );
    expect(changed).toMatchObject({ title: 'Geändert', version: 2, steps: p.steps });
    const stale = await lead.patch(`/api/pathways/${p.id}`, { version: p.version, title: 'Zu spät' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await aylin.patch(`/api/pathways/${p.id}`, { version: 2, title: 'x' })).statusCode).toBe(403);
    expect(fieldsOf(await lead.patch(`/api/pathways/${p.id}`, { version: 2, occupationIds: [] }))).toContain(
      'occupationIds',
    );
    const archived = ok<Pathway>(await lead.patch(`/api/pathways/${p.id}`, { version: 2, archived: true }));
    expect(archived.archivedAt).not.toBeNull();
    const ids = async (q: string) =>
      ok<PathwayPage>(await lead.get(`/api/pathways${q}`)).items.map((i) => i.id);
    expect(await ids('')).not.toContain(p.id);
    expect(await ids('?includeArchived=true')).toContain(p.id);
    ok(await lead.patch(`/api/pathways/${p.id}`, { version: 3, archived: false }));
    expect(await ids('')).toContain(p.id);
    const trail = await auditTrail(admin, { action: 'pathway.changed' });
    const mine = trail.items.filter((e) => e.entityId === p.id);
    expect(mine.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ created: 'Zum Ändern' }),
        expect.objectContaining({ fields: ['title'] }),
        expect.objectContaining({ archived: true }),
      ]),
    );
  });

  it('is adopted at a conference that has begun or been held, not at a planned one', async () => {
    const planned = ok<Conference>(
      await lead.post('/api/conferences', {
        title: 'Geplant',
        sectorId: health,
        date: addDays(todayInGermany(), 30),
        startTime: '10:00',
      }),
    );
    const early = await lead.post(`/api/conferences/${planned.id}/pathways`, nurses());
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/begun/);
    ok(
      await lead.post(`/api/conferences/${planned.id}/status`, {
        status: 'cancelled',
        version: planned.version,
      }),
    );
    expect(
      (await lead.post(`/api/conferences/${planned.id}/pathways`, nurses())).json().error.message,
    ).toMatch(/cancelled/);
    const { conference } = await preparedConference(t, lead, aylin, { cases: 1 });
    expect((await aylin.post(`/api/conferences/${conference.id}/pathways`, nurses())).statusCode).toBe(403);
    expect((await stranger.post(`/api/conferences/${conference.id}/pathways`, nurses())).statusCode).toBe(
      404,
    );
    const held = ok<Conference>(
      await lead.post(`/api/conferences/${conference.id}/status`, {
        status: 'held',
        version: conference.version,
      }),
    );
    const adopted = ok<Pathway>(
      await lead.post(`/api/conferences/${held.id}/pathways`, nurses({ title: 'Beschlossen' })),
    );
    expect(adopted.conference).toEqual({ id: held.id, title: held.title, startsAt: held.startsAt });
    expect(Date.now() - Date.parse(String(adopted.adoptedAt))).toBeLessThan(60_000);
    const there = ok<PathwayPage>(await aylin.get(`/api/pathways?conferenceId=${held.id}`));
    expect(there.items.map((i) => i.title)).toEqual(['Beschlossen']);
    // Bad input at a conference is a 400 with the field, as anywhere.
    expect(
      fieldsOf(await lead.post(`/api/conferences/${held.id}/pathways`, nurses({ occupationIds: [] }))),
    ).toEqual(['occupationIds']);
  });
});
