import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { required } from '../lib/required';
import { login, sessionCookieOf, startTestApp, type TestApp } from '../testing/harness';
import { bootstrapFromEnvironment } from './service';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const body = {
  organisationName: 'IFK Saar',
  adminName: 'Petra Admin',
  email: 'petra@ifk-saar.example',
  password: 'eine lange passphrase',
  language: 'de',
};

describe('first-run set-up', () => {
  it('creates the organisation and its admin once, and logs the admin in', async () => {
    t = await startTestApp();
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      email: body.email,
      roles: ['admin'],
      organisation: { name: 'IFK Saar' },
    });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: sessionCookieOf(res) },
    });
    expect(me.statusCode).toBe(200);

    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, email: 'mallory@example.org' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('already_set_up');
  });

  it('loads demo data on request, with logins for every role', async () => {
    t = await startTestApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, demo: true } });
    expect(res.statusCode).toBe(200);
    const logins: { email: string; roles: string[] }[] = res.json().demoLogins;
    const roles = new Set(logins.flatMap((l) => l.roles));
    expect([...roles]).toEqual(expect.arrayContaining(['lead', 'counsellor', 'dpo']));
    // Demo accounts share the admin's password.
    const lead = required(
      logins.find((l) => l.roles.includes('lead')),
      'a demo lead',
    );
    const s = await login(t.app, lead.email, body.password);
    // About forty fictional cases in every stage, with something due on the dashboard.
    const all = (await s.get('/api/clients?includeClosed=true&limit=100')).json();
    expect(all.total).toBe(40);
    expect(new Set(all.items.map((c: { stage: string }) => c.stage)).size).toBe(7);
    const dash = (await s.get('/api/dashboard')).json();
    expect((await s.get('/api/dashboard/steps')).json().total).toBeGreaterThan(0);
    expect(dash.residence.length).toBeGreaterThan(0);
    const one = (await s.get(`/api/clients/${all.items[0].id}`)).json();
    expect(one.timeline.length).toBeGreaterThan(0);
    // A Saarland network: every kind of body, twenty companies with offers, a catalogue of measures.
    const directory = (await s.get('/api/institutions?limit=100')).json();
    const types = new Set(directory.items.map((i: { type: string }) => i.type));
    for (const type of [
      'recognition_authority',
      'job_centre',
      'employment_agency',
      'chamber_ihk',
      'chamber_hwk',
    ])
      expect(types).toContain(type);
    for (const type of ['training_provider', 'language_school', 'immigration_authority'])
      expect(types).toContain(type);
    expect(directory.items.filter((i: { type: string }) => i.type === 'company')).toHaveLength(20);
    expect((await s.get('/api/opportunities?status=open&limit=100')).json().total).toBeGreaterThanOrEqual(20);
    expect((await s.get('/api/measures?limit=100')).json().total).toBeGreaterThanOrEqual(15);
    // The cases use it: measures under way, offers pursued, authorities from the directory.
    const files = await Promise.all(
      all.items.map(async (c: { id: string }) => (await s.get(`/api/clients/${c.id}`)).json()),
    );
    expect(
      files.some((f) => f.network.acquisitions.some((a: { status: string }) => a.status === 'started')),
    ).toBe(true);
    expect(files.some((f) => f.network.placements.length > 0 && f.network.disclosures.length > 0)).toBe(true);
    expect(
      files.some((f) => f.network.involved.some((i: { roles: string[] }) => i.roles.includes('authority'))),
    ).toBe(true);
    // Who did what is said by name: the seed once wrote user ids into the histories.
    const ids = files.flatMap((f) => f.timeline).filter((e) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(e.by ?? ''));
    expect(ids).toEqual([]);
    const withSector = required(
      files.find((f) => f.client.sectorId),
      'a demo case with a sector',
    );
    const suggested = (await s.get(`/api/clients/${withSector.client.id}/suggestions`)).json();
    expect(suggested.measures.length + suggested.opportunities.length).toBeGreaterThan(0);
  });

  it('has a conference to prepare: every kind of answer, and cases shared, held back and anonymised', async () => {
    t = await startTestApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, demo: true } });
    const logins: { email: string; roles: string[] }[] = res.json().demoLogins;
    const lead = required(
      logins.find((l) => l.roles.includes('lead')),
      'a demo lead',
    );
    const s = await login(t.app, lead.email, body.password);
    const upcoming = (await s.get('/api/conferences')).json();
    expect(upcoming.total).toBe(1);
    const c = (await s.get(`/api/conferences/${upcoming.items[0].id}`)).json();
    expect(c.status).toBe('invited');
    expect(new Set(c.invitations.map((i: { answer: string }) => i.answer))).toEqual(
      new Set(['attending', 'declined', 'deputy', 'pending']),
    );
    type Shown = { anonymised: boolean; recipients: { level: string }[]; agreedBeforehand: unknown[] };
    const shown: Shown[] = c.nominations;
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.filter((n) => n.anonymised)).toHaveLength(1);
    const levels = (n: Shown) => new Set(n.recipients.map((r) => r.level));
    // Shared with every institution, held back from one, held back from all.
    expect(shown.some((n) => !n.anonymised && !levels(n).has('none'))).toBe(true);
    expect(shown.some((n) => !n.anonymised && levels(n).has('none') && levels(n).size > 1)).toBe(true);
    expect(shown.some((n) => !n.anonymised && [...levels(n)].join() === 'none')).toBe(true);
    expect(shown.some((n) => n.agreedBeforehand.length > 0)).toBe(true);
  });

  it('has a conference held before it: minutes published, commitments in every state, a pathway followed', async () => {
    t = await startTestApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, demo: true } });
    const logins: { email: string; roles: string[] }[] = res.json().demoLogins;
    const lead = required(
      logins.find((l) => l.roles.includes('lead')),
      'a demo lead',
    );
    const s = await login(t.app, lead.email, body.password);
    const past = (await s.get('/api/conferences?when=past')).json();
    // Two weeks ago, minutes still to write; ten weeks ago, minutes published.
    expect(past.items.map((c: { status: string }) => c.status)).toEqual(['held', 'minutes_published']);
    type Shown = { status: string; overdue: boolean; onTime: boolean | null };
    const made: Shown[] = (await s.get('/api/commitments?limit=100')).json().items;
    const states = new Set(
      made.map((c) =>
        c.overdue ? 'overdue' : c.status === 'done' ? `done, on time: ${c.onTime}` : c.status,
      ),
    );
    expect(states).toEqual(
      new Set(['open', 'overdue', 'done, on time: true', 'done, on time: false', 'dropped']),
    );
    const followers = await t.ctx.db.execute<{ title: string; cases: number; done: number; steps: number }>(
      sql`SELECT p.title, count(DISTINCT o.client_id)::int AS cases,
            (SELECT count(*) FROM next_steps s WHERE s.pathway_id = p.id AND s.done_at IS NOT NULL)::int AS done,
            (SELECT count(*) FROM next_steps s WHERE s.pathway_id = p.id)::int AS steps
          FROM pathways p JOIN objectives o ON o.pathway_id = p.id
          WHERE p.conference_id = ${past.items[1].id}::uuid GROUP BY p.id`,
    );
    expect(followers.rows).toEqual([
      { title: 'Pflegefachkräfte aus Drittstaaten mit Defizitbescheid', cases: 2, done: 4, steps: 10 },
    ]);
  });

  it('rejects a weak password and names the field', async () => {
    t = await startTestApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...body, password: 'petra@ifk-saar.example' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('password');
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json().needed).toBe(true);
  });

  it('creates the first organisation from LOTSE_ADMIN_* without the browser, once', async () => {
    t = await startTestApp({
      bootstrapAdmin: {
        email: 'ops@example.org',
        password: 'operator passphrase',
        organisationName: 'Netzwerk Saar',
      },
    });
    const first = await bootstrapFromEnvironment(t.ctx, { demo: null });
    expect(first).not.toBeNull();
    const again = await bootstrapFromEnvironment(t.ctx, { demo: null });
    expect(again).toBeNull();
    const s = await login(t.app, 'ops@example.org', 'operator passphrase');
    expect((await s.get('/api/auth/me')).json().organisation.name).toBe('Netzwerk Saar');
  });
});

describe('configuration', () => {
  it('stops with one line naming a wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid environment variable PORT: /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ LOTSE_ADMIN_EMAIL: 'a@example.org' })).toThrow(/LOTSE_ADMIN_PASSWORD/);
  });

  it('uses secure cookies when BASE_URL is https', () => {
    expect(loadConfig({ BASE_URL: 'https://lotse.example.org/' })).toMatchObject({
      secureCookies: true,
      baseUrl: 'https://lotse.example.org',
    });
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      secureCookies: false,
      baseUrl: 'http://localhost:3000',
    });
  });
});
