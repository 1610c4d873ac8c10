import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreateClientBody } from '../../contracts/clients';
import { birthDate, todayInGermany } from '../../contracts/common';
import { addDays } from '../lib/calendar';
import { member, openCase, outsider, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let organisationId: string;
let admin: Session;
let aylin: Session;
let jonas: Session;
let lead: Session;

const person = (over: Partial<CreateClientBody> = {}) => ({
  givenNames: 'Anna',
  familyName: 'Müller',
  intakeDate: '2026-03-02',
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['aylin', 'jonas', 'lead', 'admin']);
  ({ admin, aylin, jonas, lead } = team);
  organisationId = team.organisation.id;
});
afterAll(() => t.close());

describe('opening a case', () => {
  it('needs only names and intake date, gives a case code, and starts at intake', async () => {
    const c = await openCase(
      aylin,
      person({ birthDate: '1988-05-14', citizenships: ['SY'], languages: ['ara', 'deu'] }),
    );
    expect(c.caseCode).toMatch(/^2026-\d{4}$/);
    expect(c.stage).toBe('intake');
    expect(c.owner.name).toBe('Aylin Demir');
    expect(c.citizenships).toEqual(['SY']);
  });

  it('names every invalid field', async () => {
    const res = await aylin.post('/api/clients', {
      givenNames: '',
      intakeDate: '02.03.2026',
      citizenships: ['Syrien'],
      email: 'nope',
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['givenNames', 'familyName', 'intakeDate', 'citizenships.0', 'email']),
    );
  });

  it('warns of a duplicate (same name and birth date, or same e-mail) and creates it when told to', async () => {
    await openCase(
      aylin,
      person({
        givenNames: 'Olha',
        familyName: 'Kovalenko',
        birthDate: '1990-01-02',
        email: 'olha@example.org',
      }),
    );
    const again = await jonas.post(
      '/api/clients',
      person({ givenNames: 'Olha', familyName: 'Kovalenko', birthDate: '1990-01-02' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate');
    // Jonas cannot open Aylin's case: he learns only that it exists and whom to ask.
    expect(again.json().error.details.candidates[0]).toEqual({
      visible: false,
      id: null,
      caseCode: null,
      name: null,
      birthDate: null,
      owner: 'Aylin Demir',
      reason: 'name_and_birth_date',
    });
    // The same e-mail is a duplicate for whoever may open the case (of others' cases, see duplicates.test).
    const byMail = await aylin.post(
      '/api/clients',
      person({ givenNames: 'O.', familyName: 'K.', email: 'OLHA@example.org' }),
    );
    expect(byMail.json().error.details.candidates[0].reason).toBe('email');
    const forced = await jonas.post(
      '/api/clients',
      person({
        givenNames: 'Olha',
        familyName: 'Kovalenko',
        birthDate: '1990-01-02',
        ignoreDuplicates: true,
      }),
    );
    expect(forced.statusCode).toBe(200);
  });
});

describe('who sees a case', () => {
  it('the owner, shared counsellors and leads; not other counsellors, admins, the dpo or partners', async () => {
    const c = await openCase(aylin, person({ givenNames: 'Private', familyName: 'Case' }));
    expect((await aylin.get(`/api/clients/${c.id}`)).statusCode).toBe(200);
    expect((await lead.get(`/api/clients/${c.id}`)).statusCode).toBe(200);
    expect((await jonas.get(`/api/clients/${c.id}`)).statusCode).toBe(404);
    for (const role of ['admin', 'dpo', 'partner'] as const) {
      const s = await member(t, organisationId, [role]);
      // Partners reach only the portal: the staff's routes do not exist for them.
      const refused = role === 'partner' ? 404 : 403;
      expect((await s.get(`/api/clients/${c.id}`)).statusCode, role).toBe(refused);
      expect((await s.get('/api/clients')).statusCode, role).toBe(refused);
    }
    const stranger = await outsider(t);
    expect((await stranger.get(`/api/clients/${c.id}`)).statusCode).toBe(404);
    expect((await stranger.patch(`/api/clients/${c.id}`, { version: 1, phone: '1' })).statusCode).toBe(404);

    // Shared with Jonas, he sees it too.
    const jonasId = jonas.user.id;
    expect(
      (await aylin.put(`/api/clients/${c.id}/counsellors`, { userIds: [jonasId], version: c.version }))
        .statusCode,
    ).toBe(200);
    expect((await jonas.get(`/api/clients/${c.id}`)).statusCode).toBe(200);
    const list = (await jonas.get('/api/clients?q=private')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('records every read of the case file in the audit log', async () => {
    const c = await openCase(aylin, person({ givenNames: 'Audit', familyName: 'Trail' }));
    await lead.get(`/api/clients/${c.id}`);
    const trail = (await admin.get(`/api/audit?subjectId=${c.id}`)).json();
    const actions = trail.items.map(
      (e: { action: string; actor: { name: string } }) => `${e.action}:${e.actor.name}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['client.created:Aylin Demir', 'client.read:Miriam Kessler']),
    );
  });
});

describe('search', () => {
  it('finds names accent- and case-insensitively, across scripts, and by case code', async () => {
    const mueller = await openCase(
      lead,
      person({ givenNames: 'Jürgen', familyName: 'Müller-Lüdenscheidt', birthDate: '1970-01-01' }),
    );
    const serhii = await openCase(
      lead,
      person({
        givenNames: 'Serhii',
        familyName: 'Kovalenko',
        givenNamesOriginal: 'Сергій',
        familyNameOriginal: 'Коваленко',
      }),
    );
    const mohammed = await openCase(
      lead,
      person({
        givenNames: 'Mohammad',
        familyName: 'Al-Hassan',
        givenNamesOriginal: 'محمد',
        familyNameOriginal: 'الحسن',
      }),
    );
    const ids = async (q: string) =>
      (await lead.get(`/api/clients?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids('muller')).toContain(mueller.id);
    // One or two letters match the beginning of a name.
    expect(await ids('mü')).toContain(mueller.id);
    expect(await ids('ller')).toContain(mueller.id);
    expect(await ids('ll')).not.toContain(mueller.id);
    expect(await ids('JÜRGEN müll')).toContain(mueller.id);
    expect(await ids('Sergii')).toContain(serhii.id);
    expect(await ids('Сергій')).toContain(serhii.id);
    expect(await ids('Коваленко')).toContain(serhii.id);
    expect(await ids('Mohammed')).toContain(mohammed.id);
    expect(await ids('محمد')).toContain(mohammed.id);
    expect(await ids(mueller.caseCode)).toEqual([mueller.id]);
    expect(await ids('Zzyzx')).toEqual([]);
  });

  it('filters by stage, paginates and sorts, and rejects bad parameters', async () => {
    const page = (await lead.get('/api/clients?limit=2&offset=0&sort=-name')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const names = page.items.map((i: { familyName: string }) => i.familyName);
    expect([...names].sort().reverse()).toEqual(names);
    expect((await lead.get('/api/clients?stage=placed')).json().total).toBe(0);
    const bad = await lead.get('/api/clients?limit=1000&stage=flying');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['limit', 'stage']);
  });
});

describe('concurrent edits', () => {
  it('refuses a stale version with 409 and says who changed it when', async () => {
    const c = await openCase(aylin, person({ givenNames: 'Stale', familyName: 'Version' }));
    expect(
      (await lead.patch(`/api/clients/${c.id}`, { version: c.version, phone: '0681 123' })).statusCode,
    ).toBe(200);
    const stale = await aylin.patch(`/api/clients/${c.id}`, { version: c.version, city: 'Saarlouis' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.message).toContain('Miriam Kessler');
    const fresh = (await aylin.get(`/api/clients/${c.id}`)).json().client;
    expect(fresh.phone).toBe('0681 123');
    expect(fresh.city).toBeNull();
  });

  it('changes only the fields sent: lists and flags left out keep their values', async () => {
    const c = await openCase(
      aylin,
      person({ givenNames: 'Partial', citizenships: ['UA'], languages: ['ukr', 'rus'] }),
    );
    const changed = await aylin.patch(`/api/clients/${c.id}`, { version: c.version, phone: '0681 9' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().citizenships).toEqual(['UA']);
    expect(changed.json().languages).toEqual(['ukr', 'rus']);
  });
});

describe('implausible input', () => {
  const today = todayInGermany();
  const years = (n: number) => `${Number(today.slice(0, 4)) + n}${today.slice(4, 8)}01`;
  /** One field of each kind of date, sent where a user enters it (no path: on a new case). */
  const kinds: { kind: string; path: string; field: string; body: Record<string, unknown> }[] = [
    { kind: 'birth', path: '', field: 'birthDate', body: person({ ignoreDuplicates: true }) },
    { kind: 'history', path: '', field: 'arrivalDate', body: person({ ignoreDuplicates: true }) },
    { kind: 'event (intake)', path: '', field: 'intakeDate', body: person({ ignoreDuplicates: true }) },
    { kind: 'event (contact)', path: 'contacts', field: 'occurredOn', body: { kind: 'session' } },
    {
      kind: 'event (consent)',
      path: 'consents',
      field: 'givenOn',
      body: { purposes: ['counselling_record'] },
    },
    { kind: 'deadline (step)', path: 'steps', field: 'dueDate', body: { text: 'Zeugnisse übersetzen' } },
    {
      kind: 'deadline (consent)',
      path: 'consents',
      field: 'validUntil',
      body: { purposes: ['counselling_record'], givenOn: today },
    },
  ];
  /** [the kinds it is tried on (by prefix), the value, whether it is taken] */
  const values: [string, string, boolean][] = [
    ['birth', '2999-01-01', false],
    ['birth', '1899-12-31', false],
    ['birth', addDays(today, 1), false],
    ['birth', '1988-05-14', true],
    ['history', '1899-12-31', false],
    ['history', years(11), false],
    ['history', '1995-04-01', true],
    ['event', '9999-01-01', false],
    ['event', years(-11), false],
    ['event', years(11), false],
    ['event', addDays(today, -30), true],
    ['deadline', '1989-12-31', false],
    ['deadline', years(31), false],
    ['deadline', years(25), true],
  ];

  it('refuses dates outside the range of their kind with a 400 naming the field, and takes sane ones', async () => {
    const c = await openCase(aylin, person());
    for (const { kind, path, field, body } of kinds) {
      for (const [, value, accepted] of values.filter(([p]) => kind.startsWith(p))) {
        const url = path ? `/api/clients/${c.id}/${path}` : '/api/clients';
        const res = await aylin.post(url, { ...body, [field]: value });
        const label = `${kind} ${field}=${value}: ${res.body}`;
        if (accepted) {
          expect(res.statusCode, label).toBe(200);
          continue;
        }
        expect(res.statusCode, label).toBe(400);
        expect(res.json().error.fields, label).toContainEqual({
          path: field,
          message: expect.stringMatching(/^must be a date between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d$/),
        });
      }
    }
  });

  it('counts from the day of the check, not from the day the server started', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2040-06-01T12:00:00Z'));
      expect(birthDate.safeParse('2039-01-01').success).toBe(true);
      vi.setSystemTime(new Date('2030-06-01T12:00:00Z'));
      expect(birthDate.safeParse('2039-01-01').success).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a saved filter whose query is larger than a case-list filter can be', async () => {
    const huge = await aylin.post('/api/saved-filters', {
      name: 'Alles',
      query: { q: 'x'.repeat(1_000_000) },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.fields).toContainEqual({ path: 'query', message: expect.any(String) });
    const big = await aylin.post('/api/saved-filters', { name: 'Alles', query: { q: 'x'.repeat(5000) } });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.fields).toContainEqual({
      path: 'query',
      message: expect.stringContaining('2000'),
    });
    const fine = await aylin.post('/api/saved-filters', {
      name: 'Pflege',
      query: { q: 'pflege', stage: ['intake'] },
    });
    expect(fine.statusCode, fine.body).toBe(200);
  });

  it('answers a query nested too deeply to measure with 400, not a server error', async () => {
    const depth = 150_000;
    const deep = `{"name":"Tief","query":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    const res = await aylin.request('POST', '/api/saved-filters', deep, {
      'content-type': 'application/json',
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

describe('the dashboard’s due steps', () => {
  it('come a page at a time, earliest first, each step once, with how many there are', async () => {
    const c = await openCase(aylin, person({ givenNames: 'Many', familyName: 'Steps' }));
    const today = todayInGermany();
    for (let i = 0; i < 5; i++)
      await aylin.post(`/api/clients/${c.id}/steps`, { text: `Step ${i}`, dueDate: addDays(today, i - 2) });
    const seen: { id: string; dueDate: string }[] = [];
    let total = Number.POSITIVE_INFINITY;
    for (let offset = 0; offset < total; offset += 2) {
      const page = (await lead.get(`/api/dashboard/steps?limit=2&offset=${offset}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      total = page.total;
      seen.push(...page.items);
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);
    expect(seen.map((s) => s.dueDate)).toEqual(seen.map((s) => s.dueDate).sort());
    const mine = (await aylin.get('/api/dashboard/steps?limit=100')).json();
    expect(mine.items.filter((s: { clientId: string }) => s.clientId === c.id)).toHaveLength(5);
    expect((await jonas.get('/api/dashboard/steps')).json().items).not.toContainEqual(
      expect.objectContaining({ clientId: c.id }),
    );
    expect((await lead.get('/api/dashboard/steps?limit=500')).statusCode).toBe(400);
  });
});
