import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, institution, member, openCase, outsider, personas, staff } from '../testing/factories';
import { attemptLogin, createOrganisation, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('lets admin and dpo read their organisation’s trail, filtered by user, action and time', async () => {
    const { admin, dpo, aylin: counsellor } = await staff(t, ['admin', 'dpo', 'aylin']);
    const other = await outsider(t);
    await attemptLogin(t.app, { email: counsellor.user.email, password: 'wrong password' });

    const all = (await dpo.get('/api/audit?limit=100')).json();
    expect(all.items.every((e: { actor: { id: string } | null }) => e.actor?.id !== other.user.id)).toBe(
      true,
    );

    const byUser = (await dpo.get(`/api/audit?actorId=${counsellor.user.id}`)).json();
    expect(byUser.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'auth.login',
      'auth.login_failed',
    ]);
    expect(byUser.items[0].actor.name).toBe(personas.aylin.name);

    const byAction = (await dpo.get('/api/audit?action=auth.login_failed')).json();
    expect(byAction.total).toBe(1);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await dpo.get(`/api/audit?from=${encodeURIComponent(future)}`)).json().total).toBe(0);

    // Reading the trail is itself recorded.
    const reads = (await admin.get(`/api/audit?action=audit.searched&actorId=${dpo.user.id}`)).json();
    expect(reads.total).toBeGreaterThanOrEqual(4);
  });

  it('is closed to counsellors, leads and partners', async () => {
    const { org } = await createOrganisation(t.ctx);
    for (const role of ['counsellor', 'lead', 'partner'] as const) {
      const s = await member(t, org.id, [role]);
      // Partners reach only the portal: the staff's routes do not exist for them.
      expect((await s.get('/api/audit')).statusCode, role).toBe(role === 'partner' ? 404 : 403);
    }
  });

  it('rejects a malformed filter with 400', async () => {
    const { admin: s } = await staff(t, ['admin']);
    const res = await s.get('/api/audit?actorId=not-a-uuid&from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['actorId', 'from']);
  });

  it('cannot be changed or deleted', async () => {
    await expect(t.ctx.db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });
});

describe('audit entries for people to read', () => {
  it('names the users, cases and institutions an entry mentions, and leaves out ids it cannot name', async () => {
    const { lead, aylin, jonas, dpo } = await staff(t, ['lead', 'aylin', 'jonas', 'dpo']);
    const created = await openCase(aylin);
    const handed = await aylin.post(`/api/clients/${created.id}/handover`, {
      toUserId: jonas.user.id,
      version: created.version,
    });
    expect(handed.statusCode).toBe(200);
    const clinic = await institution(lead, { name: 'Klinikum Saarbrücken' });

    const handover = (await auditTrail(dpo, { action: 'client.handed_over' })).items[0];
    expect(Object.fromEntries((handover?.detailLines ?? []).map((l) => [l.key, l.values]))).toEqual({
      from: [personas.aylin.name],
      to: [personas.jonas.name],
    });
    const changed = (await auditTrail(dpo, { action: 'network.changed' })).items;
    expect(changed.find((e) => e.entityId === clinic.id)?.entityLabel).toBe('Klinikum Saarbrücken');
    // A search of the trail by person names the person by case number, never by name.
    await dpo.get(`/api/audit?subjectId=${created.id}`);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await dpo.get(`/api/audit?subjectId=${unknown}&action=client.read`);
    // Newest first: the search for an id of no case of this organisation, then the one for the case.
    const searches = (await auditTrail(dpo, { action: 'audit.searched' })).items.map((e) => e.detailLines);
    expect(searches[1]).toContainEqual({ key: 'subjectId', values: [created.caseCode] });
    expect(JSON.stringify(searches[1])).not.toContain('Haddad');
    expect(searches[0]?.map((l) => l.key).sort()).toEqual(['action', 'offset']);
  });
});

describe('audit log by person', () => {
  it('lets the dpo find a person by name and see who read their case file, by case number', async () => {
    const { aylin: c, dpo: s } = await staff(t, ['aylin', 'dpo']);
    const created = await openCase(c, {
      givenNames: 'Сергій',
      familyName: 'Коваленко',
      intakeDate: '2026-03-01',
    });
    await c.get(`/api/clients/${created.id}`);

    const found = (await s.get('/api/audit/persons?q=Serhii')).json();
    expect(found.map((p: { id: string }) => p.id)).toEqual([created.id]);
    const trail = (await s.get(`/api/audit?subjectId=${created.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'client.created',
      'client.read',
    ]);
    expect(trail.items[0].subject.label).toBe(created.caseCode);
    // The lookup itself is on record; the dpo still cannot open the case file.
    expect((await s.get(`/api/audit?action=audit.person_lookup&actorId=${s.user.id}`)).json().total).toBe(1);
    expect((await s.get(`/api/clients/${created.id}`)).statusCode).toBe(403);
    expect((await c.get('/api/audit/persons?q=Serhii')).statusCode).toBe(403);
  });

  it('is the dpo’s alone: the admin, who has no case content, cannot look persons up', async () => {
    const { aylin: c, admin, dpo } = await staff(t, ['aylin', 'admin', 'dpo']);
    await openCase(c, { givenNames: 'Olena', familyName: 'Bondarenko', intakeDate: '2026-03-01' });

    const refused = await admin.get('/api/audit/persons?q=Bondarenko');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Bondarenko');
    expect((await dpo.get('/api/audit/persons?q=Bondarenko')).statusCode).toBe(200);
    // The admin still reads the trail by user and action, and is told what they may not do.
    expect((await admin.get('/api/audit?action=client.created')).statusCode).toBe(200);
    const me = (await admin.get('/api/auth/me')).json();
    expect(me.permissions).toContain('audit.read');
    expect(me.permissions).not.toContain('audit.persons');
  });

  it('names no client to the admin: search terms typed as names are left out of what the admin reads', async () => {
    const { aylin: c, admin, dpo } = await staff(t, ['aylin', 'admin', 'dpo']);
    const person = await openCase(c, {
      givenNames: 'Mykola',
      familyName: 'Tkachenko',
      birthDate: '1987-04-12',
    });
    await c.get(`/api/clients/${person.id}`);
    await c.get('/api/clients?q=Tkachenko');
    await dpo.get('/api/audit/persons?q=Mykola');

    const seen = await admin.get('/api/audit?limit=100');
    expect(seen.statusCode).toBe(200);
    for (const word of ['Tkachenko', 'Mykola', '1987-04-12']) expect(seen.body).not.toContain(word);
    // The admin still sees that a search was made, how many it found and on which case a read was.
    const searched = seen.json().items.find((e: { action: string }) => e.action === 'client.searched');
    expect(searched.details).toEqual({ results: 1 });
    expect(seen.body).toContain(person.caseCode);
    // The dpo, who may look persons up, reads the terms.
    const dpoSees = await dpo.get('/api/audit?action=client.searched');
    expect(dpoSees.json().items[0].details).toEqual({ q: 'Tkachenko', results: 1 });
  });
});
