import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conference, ConsentCheck } from '../../contracts/conferences';
import { addDays, todayInGermany } from '../lib/calendar';
import {
  consent,
  institution,
  occupationId,
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
let jonas: Session;
let health: string;
let nurse: string;
const today = todayInGermany();
/** The invited institutions, by what the tests call them. */
const inst: Record<'jc' | 'ihk' | 'aa' | 'lav' | 'bfz' | 'away', { id: string; name: string }> = {} as never;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, jonas } = await staff(t, ['lead', 'aylin', 'jonas']));
  health = await sectorId(lead, 'Gesundheit und Pflege');
  nurse = await occupationId(aylin, 'pflegefach');
  for (const [key, type] of [
    ['jc', 'job_centre'],
    ['ihk', 'chamber_ihk'],
    ['aa', 'employment_agency'],
    ['lav', 'recognition_authority'],
    ['bfz', 'training_provider'],
    ['away', 'company'],
  ] as const)
    inst[key] = await institution(lead, { name: `${key.toUpperCase()} Testhausen`, type });
});
afterAll(() => t.close());

/** A conference in a month with every institution but `away` invited. */
async function conference(): Promise<Conference> {
  const c = ok<Conference>(
    await lead.post('/api/conferences', {
      title: 'Geberkonferenz Pflege',
      sectorId: health,
      date: addDays(today, 30),
      startTime: '10:00',
      place: 'Rathaus',
    }),
  );
  for (const key of ['jc', 'ihk', 'aa', 'lav', 'bfz'] as const)
    ok(await lead.post(`/api/conferences/${c.id}/invitations`, { institutionId: inst[key].id }));
  return ok<Conference>(await lead.get(`/api/conferences/${c.id}`));
}

/** The client agrees to their case being discussed with these institutions. */
const conferenceConsent = (s: Session, caseId: string, ids: string[], fields: Record<string, unknown> = {}) =>
  consent(s, caseId, {
    purposes: ['conference_sharing'],
    institutionIds: ids,
    dataCategories: ['qualifications', 'recognition', 'language'],
    givenOn: addDays(today, -30),
    ...fields,
  });

const nominate = (s: Session, c: Conference, body: Record<string, unknown>) =>
  s.post(`/api/conferences/${c.id}/nominations`, { question: 'Welcher Weg zur Anerkennung?', ...body });

describe('the consent check', () => {
  it('tells per invited institution what it may receive, and why not', async () => {
    const c = await conference();
    const kase = await openCase(aylin, { givenNames: 'Olena', familyName: 'Koval' });
    await conferenceConsent(aylin, kase.id, [inst.jc.id], { scope: 'identified' });
    await conferenceConsent(aylin, kase.id, [inst.ihk.id]);
    await conferenceConsent(aylin, kase.id, [inst.aa.id], {
      givenOn: addDays(today, -90),
      validUntil: addDays(today, -1),
    });
    const withdrawn = await conferenceConsent(aylin, kase.id, [inst.lav.id]);
    const lavConsent = withdrawn.consents.find((k) => k.institutionIds.includes(inst.lav.id));
    ok(await aylin.post(`/api/clients/${kase.id}/consents/${lavConsent?.id}/withdraw`));

    const check = ok<ConsentCheck>(
      await aylin.get(`/api/conferences/${c.id}/consent-check?clientId=${kase.id}`),
    );
    const by = Object.fromEntries(check.institutions.map((i) => [i.institution.id, i]));
    expect(by[inst.jc.id]).toMatchObject({
      level: 'identified',
      reason: null,
      consentId: expect.any(String),
    });
    expect(by[inst.ihk.id]).toMatchObject({ level: 'pseudonymised', reason: null });
    expect(by[inst.aa.id]).toMatchObject({ level: 'none', reason: 'expired', consentId: null });
    expect(by[inst.lav.id]).toMatchObject({ level: 'none', reason: 'withdrawn' });
    expect(by[inst.bfz.id]).toMatchObject({ level: 'none', reason: 'not_named' });
    expect(by[inst.away.id]).toBeUndefined();

    const none = await openCase(aylin, { givenNames: 'Ali', familyName: 'Rahimi' });
    await consent(aylin, none.id);
    const empty = ok<ConsentCheck>(
      await aylin.get(`/api/conferences/${c.id}/consent-check?clientId=${none.id}`),
    );
    expect(new Set(empty.institutions.map((i) => i.reason))).toEqual(new Set(['no_consent']));
  });
});

describe('a nomination', () => {
  it('is held back from an institution without consent, and the page says why', async () => {
    const c = await conference();
    const kase = await openCase(aylin, { givenNames: 'Samira', familyName: 'Nasser' });
    await conferenceConsent(aylin, kase.id, [inst.jc.id]);
    const page = ok<Conference>(
      await nominate(aylin, c, {
        clientId: kase.id,
        institutionIds: [inst.jc.id, inst.bfz.id],
        brief: 'Kurz',
      }),
    );
    const [n] = page.nominations;
    expect(n).toMatchObject({ anonymised: false, position: 1, brief: 'Kurz', rare: false });
    expect(n?.client).toMatchObject({
      id: kase.id,
      visible: true,
      label: expect.stringContaining('Samira Nasser'),
    });
    expect(n?.recipients).toEqual([
      expect.objectContaining({
        institution: { id: inst.jc.id, name: inst.jc.name },
        level: 'pseudonymised',
      }),
      expect.objectContaining({
        institution: { id: inst.bfz.id, name: inst.bfz.name },
        level: 'none',
        reason: 'not_named',
      }),
    ]);
    expect(page.agenda.items.map((i) => i.nominationId)).toEqual([null, n?.id]);

    // With no consent for any institution it is still saved, held back from all of them.
    const other = await openCase(aylin, { givenNames: 'Omar', familyName: 'Haddad' });
    const both = ok<Conference>(
      await nominate(aylin, c, { clientId: other.id, institutionIds: [inst.aa.id] }),
    );
    const held = both.nominations.find((x) => x.client.id === other.id);
    expect(held?.position).toBe(2);
    expect(held?.recipients.map((r) => [r.level, r.reason])).toEqual([['none', 'no_consent']]);

    const again = await nominate(aylin, c, { clientId: kase.id, institutionIds: [inst.jc.id] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate');
  });

  it('names only invited institutions: another answers 400 naming institutionIds', async () => {
    const c = await conference();
    const kase = await openCase(aylin);
    const res = await nominate(aylin, c, { clientId: kase.id, institutionIds: [inst.jc.id, inst.away.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'institutionIds' })]);
    const bad = await nominate(aylin, c, { clientId: kase.id, institutionIds: [] });
    expect(bad.statusCode).toBe(400);
  });

  it('of another counsellor’s case is refused like a missing case, and shown to others only by a neutral label', async () => {
    const c = await conference();
    const kase = await openCase(aylin, { givenNames: 'Yulia', familyName: 'Bondarenko' });
    const refused = await nominate(jonas, c, { clientId: kase.id, institutionIds: [inst.jc.id] });
    expect(refused.statusCode).toBe(404);
    expect((await jonas.get(`/api/conferences/${c.id}/consent-check?clientId=${kase.id}`)).statusCode).toBe(
      404,
    );
    const missing = await nominate(jonas, c, { clientId: crypto.randomUUID(), institutionIds: [inst.jc.id] });
    expect(missing.statusCode).toBe(404);

    ok(
      await nominate(aylin, c, {
        clientId: kase.id,
        institutionIds: [inst.jc.id],
        brief: 'Frau B. aus Kyjiw',
      }),
    );
    const seen = await jonas.get(`/api/conferences/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('Bondarenko');
    expect(seen.body).not.toContain('Kyjiw');
    const [n] = (seen.json() as Conference).nominations;
    expect(n?.client).toEqual({ id: kase.id, label: 'Case 1', caseCode: '', visible: false });
    expect(n?.question).toBe('Welcher Weg zur Anerkennung?');

    // Jonas cannot change or withdraw it either; the lead can.
    const change = await jonas.patch(`/api/conferences/${c.id}/nominations/${n?.id}`, {
      version: n?.version,
      minutes: 15,
    });
    expect(change.statusCode).toBe(404);
    expect((await jonas.delete(`/api/conferences/${c.id}/nominations/${n?.id}`)).statusCode).toBe(404);
    const changed = ok<Conference>(
      await lead.patch(`/api/conferences/${c.id}/nominations/${n?.id}`, { version: n?.version, minutes: 15 }),
    );
    expect(changed.nominations[0]).toMatchObject({ minutes: 15, version: (n?.version ?? 0) + 1 });
    const stale = await aylin.patch(`/api/conferences/${c.id}/nominations/${n?.id}`, {
      version: n?.version,
      minutes: 20,
    });
    expect(stale.statusCode).toBe(409);
    const gone = ok<Conference>(await aylin.delete(`/api/conferences/${c.id}/nominations/${n?.id}`));
    expect(gone.nominations).toEqual([]);
  });

  it('cannot be made or changed once the conference is cancelled', async () => {
    const c = await conference();
    const kase = await openCase(aylin);
    ok(await lead.post(`/api/conferences/${c.id}/status`, { status: 'cancelled', version: c.version }));
    const res = await nominate(aylin, c, { clientId: kase.id, institutionIds: [inst.jc.id] });
    expect(res.statusCode).toBe(409);
  });
});

/** A case of Aylin's with a qualification and a birth date. */
const familyNames = [
  'Tanaka',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Kowalski',
  'Nguyen',
  'Petrov',
  'Silva',
  'Brandt',
];
async function caseWith(country: string, birthDate: string, occupation: string | null = nurse) {
  const familyName = familyNames.shift() ?? 'Doe';
  const kase = await openCase(aylin, { givenNames: 'Test', familyName, birthDate });
  ok(
    await aylin.post(`/api/clients/${kase.id}/qualifications`, {
      titleOriginal: 'Nursing diploma',
      country,
      kind: 'vocational',
      referenceOccupationId: occupation,
    }),
  );
  return kase;
}

describe('an anonymised nomination', () => {
  it('is rare while fewer than 5 cases share occupation, country group and age band', async () => {
    const c = await conference();
    // A combination no other case of the organisation has: Oceania.
    const kase = await caseWith('FJ', '1994-03-01');
    const page = ok<Conference>(
      await nominate(aylin, c, { clientId: kase.id, institutionIds: [inst.jc.id], anonymised: true }),
    );
    expect(page.nominations[0]).toMatchObject({ anonymised: true, rare: true });

    // Three more in the same group and band (other countries of it, other birth dates): still 4.
    await caseWith('AU', '1995-07-10');
    await caseWith('NZ', '1993-12-24');
    await caseWith('PG', '1996-01-15');
    // Not sharing it: another band, another group, another occupation.
    await caseWith('FJ', '1970-01-01');
    await caseWith('SY', '1994-03-01');
    await caseWith('FJ', '1994-03-01', null);
    const check = (await lead.get(`/api/conferences/${c.id}/consent-check?clientId=${kase.id}`)).json();
    expect(check.rare).toBe(true);

    await caseWith('WS', '1992-06-30');
    const now = ok<Conference>(await lead.get(`/api/conferences/${c.id}`));
    expect(now.nominations[0]?.rare).toBe(false);
  });
});

describe('coordination agreed beforehand and written input', () => {
  it('shows a coordination talk linked to the conference on the nomination', async () => {
    const c = await conference();
    const kase = await openCase(aylin);
    ok(await nominate(aylin, c, { clientId: kase.id, institutionIds: [inst.jc.id] }));
    const talk = ok(
      await aylin.post(`/api/clients/${kase.id}/contacts`, {
        kind: 'coordination',
        occurredOn: today,
        institutionId: inst.jc.id,
        topic: 'Förderung der Anpassungsqualifizierung',
        conferenceId: c.id,
      }),
    );
    expect(talk.conferenceId).toBe(c.id);
    const page = ok<Conference>(await aylin.get(`/api/conferences/${c.id}`));
    expect(page.nominations[0]?.agreedBeforehand).toEqual([
      {
        contactId: talk.id,
        institution: { id: inst.jc.id, name: inst.jc.name },
        occurredOn: today,
        topic: 'Förderung der Anpassungsqualifizierung',
      },
    ]);
    const session = await aylin.post(`/api/clients/${kase.id}/contacts`, {
      kind: 'session',
      occurredOn: today,
      conferenceId: c.id,
    });
    expect(session.json().error.fields).toEqual([expect.objectContaining({ path: 'conferenceId' })]);
    const other = await outsider(t);
    const foreign = ok<Conference>(
      await other.post('/api/conferences', {
        title: 'Fremd',
        sectorId: await sectorId(other, 'Gesundheit und Pflege'),
        date: addDays(today, 20),
        startTime: '09:00',
      }),
    );
    const res = await aylin.post(`/api/clients/${kase.id}/contacts`, {
      kind: 'coordination',
      occurredOn: today,
      institutionId: inst.jc.id,
      conferenceId: foreign.id,
    });
    expect(res.statusCode).toBe(400);
  });

  it('takes written input of an invited institution, entered by the lead', async () => {
    const c = await conference();
    const kase = await openCase(aylin);
    const [n] = ok<Conference>(
      await nominate(aylin, c, { clientId: kase.id, institutionIds: [inst.jc.id] }),
    ).nominations;
    const url = `/api/conferences/${c.id}/nominations/${n?.id}/inputs`;
    const page = ok<Conference>(
      await lead.post(url, { institutionId: inst.ihk.id, text: 'Wir können nicht kommen.' }),
    );
    expect(page.nominations[0]?.writtenInputs).toEqual([
      expect.objectContaining({
        institution: { id: inst.ihk.id, name: inst.ihk.name },
        text: 'Wir können nicht kommen.',
      }),
    ]);
    const notInvited = await lead.post(url, { institutionId: inst.away.id, text: 'x' });
    expect(notInvited.json().error.fields).toEqual([expect.objectContaining({ path: 'institutionId' })]);
    expect((await aylin.post(url, { institutionId: inst.ihk.id, text: 'x' })).statusCode).toBe(403);
  });
});
