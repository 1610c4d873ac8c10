import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../lib/csv';
import { required } from '../lib/required';
import { caseFile, institution, offer, ok, openCase, outsider, sectorId, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let admin: Session;
let lead: Session;
let aylin: Session;
let dpo: Session;
let partner: Session;
let stranger: Session;

beforeAll(async () => {
  t = await startTestApp();
  ({ admin, lead, aylin, dpo, partner } = await staff(t, ['admin', 'lead', 'aylin', 'dpo', 'partner']));
  stranger = await outsider(t);
});
afterAll(() => t.close());

describe('sectors', () => {
  it('start with the usual eight and can be extended by leads and admins, not counsellors', async () => {
    const list = (await aylin.get('/api/sectors')).json();
    expect(list.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Gesundheit und Pflege', 'IT', 'Handwerk', 'Gastgewerbe']),
    );
    expect(list).toHaveLength(8);
    expect((await aylin.post('/api/sectors', { name: 'Logistik' })).statusCode).toBe(403);
    const added = ok(await lead.post('/api/sectors', { name: 'Logistik' }));
    expect((await admin.get('/api/sectors')).json().map((s: { name: string }) => s.name)).toContain(
      'Logistik',
    );
    const again = await admin.post('/api/sectors', { name: 'Logistik' });
    expect(again.statusCode).toBe(409);
    const off = ok(await admin.put(`/api/sectors/${added.id}`, { name: 'Logistik', active: false }));
    expect(off.active).toBe(false);
    // Another organisation has its own list.
    expect((await stranger.get('/api/sectors')).json().map((s: { name: string }) => s.name)).not.toContain(
      'Logistik',
    );
    expect(
      (await stranger.put(`/api/sectors/${added.id}`, { name: 'Gekapert', active: true })).statusCode,
    ).toBe(404);
  });
});

describe('the institution directory', () => {
  let health: string;
  beforeAll(async () => {
    health = await sectorId(aylin, 'Gesundheit und Pflege');
  });

  it('keeps institutions with sectors and contact persons, and finds them by name, city, type and sector', async () => {
    const created = await institution(aylin, {
      name: 'Jobcenter Saarbrücken',
      type: 'job_centre',
      sectorIds: [health],
      district: '10041',
      city: 'Saarbrücken',
      website: 'https://jobcenter-sb.example',
      email: 'kontakt@jobcenter-sb.example',
    });
    const withContact = ok(
      await aylin.post(`/api/institutions/${created.id}/contacts`, {
        name: 'Petra Schmitt',
        function: 'Integrationsfachkraft',
        email: 'p.schmitt@jobcenter-sb.example',
        language: 'deu',
        consentToContact: true,
        consentDate: '2026-10-01',
      }),
    );
    expect(withContact.contacts).toEqual([
      expect.objectContaining({ name: 'Petra Schmitt', consentToContact: true }),
    ]);
    expect(withContact.sectors).toEqual([{ id: health, name: 'Gesundheit und Pflege' }]);
    await institution(lead, {
      name: 'Pflegeschule Homburg',
      type: 'training_provider',
      city: 'Homburg',
    });

    const byCity = (await aylin.get('/api/institutions?q=saarbrucken')).json();
    expect(byCity.items.map((i: { name: string }) => i.name)).toEqual(['Jobcenter Saarbrücken']);
    expect(byCity.items[0].contactCount).toBe(1);
    const byType = (await aylin.get('/api/institutions?type=training_provider')).json();
    expect(byType.items.map((i: { name: string }) => i.name)).toContain('Pflegeschule Homburg');
    expect(byType.items.map((i: { name: string }) => i.name)).not.toContain('Jobcenter Saarbrücken');
    const bySector = (await aylin.get(`/api/institutions?sectorId=${health}`)).json();
    expect(bySector.items.map((i: { name: string }) => i.name)).toEqual(['Jobcenter Saarbrücken']);
  });

  it('warns of a duplicate by name or e-mail, and adds it when told to', async () => {
    const dup = await aylin.post('/api/institutions', { name: 'jobcenter saarbrücken', type: 'job_centre' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate');
    expect(dup.json().error.details.candidates[0].name).toBe('Jobcenter Saarbrücken');
    const byMail = await aylin.post('/api/institutions', {
      name: 'JC SB Außenstelle',
      type: 'job_centre',
      email: 'kontakt@jobcenter-sb.example',
    });
    expect(byMail.statusCode).toBe(409);
    // A legal form does not make another institution.
    await institution(aylin, { name: 'Bildungswerk Völklingen', type: 'training_provider' });
    const withForm = await aylin.post('/api/institutions', {
      name: 'Bildungswerk Völklingen gGmbH',
      type: 'training_provider',
    });
    expect(withForm.statusCode).toBe(409);
    expect(withForm.json().error.details.candidates[0].name).toBe('Bildungswerk Völklingen');
    await institution(aylin, {
      name: 'JC SB Außenstelle',
      type: 'job_centre',
      email: 'kontakt@jobcenter-sb.example',
      ignoreDuplicates: true,
    });
  });

  it('names each invalid field and loses nothing on a version conflict', async () => {
    const bad = await aylin.post('/api/institutions', {
      name: '',
      type: 'bank',
      website: 'www.x',
      postcode: '123',
      sectorIds: ['nope'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['name', 'type', 'website', 'postcode', 'sectorIds.0']),
    );
    const unknownSector = await aylin.post('/api/institutions', {
      name: 'Irgendwo',
      type: 'other',
      sectorIds: ['5b1f7c8e-0000-4000-8000-000000000000'],
    });
    expect(unknownSector.statusCode).toBe(400);

    const i = await institution(aylin, {
      name: 'IHK Saarland',
      type: 'chamber_ihk',
      city: 'Saarbrücken',
    });
    const first = ok(
      await lead.patch(`/api/institutions/${i.id}`, {
        version: i.version,
        notes: 'IHK FOSA zuständig für Berufe der IHK',
      }),
    );
    expect(first.notes).toContain('FOSA');
    // Only the changed field moves: the city stays.
    expect(first.city).toBe('Saarbrücken');
    const stale = await aylin.patch(`/api/institutions/${i.id}`, {
      version: i.version,
      notes: 'überschrieben?',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await aylin.get(`/api/institutions/${i.id}`)).json().notes).toContain('FOSA');
  });

  it('changes and removes contact persons', async () => {
    const i = await institution(aylin, {
      name: 'Agentur für Arbeit Neunkirchen',
      type: 'employment_agency',
    });
    const added = ok(await aylin.post(`/api/institutions/${i.id}/contacts`, { name: 'Herr Lang' }));
    const c = required((added.contacts as { id: string; version: number }[])[0], 'the contact');
    const changed = ok(
      await aylin.patch(`/api/institutions/${i.id}/contacts/${c.id}`, {
        version: c.version,
        phone: '06821 123',
      }),
    );
    expect((changed.contacts as { phone: string }[])[0]?.phone).toBe('06821 123');
    expect(
      (await aylin.patch(`/api/institutions/${i.id}/contacts/${c.id}`, { version: c.version, phone: 'x' }))
        .statusCode,
    ).toBe(409);
    const removed = ok(await aylin.delete(`/api/institutions/${i.id}/contacts/${c.id}`));
    expect(removed.contacts).toEqual([]);
    expect((await aylin.delete(`/api/institutions/${i.id}/contacts/${c.id}`)).statusCode).toBe(404);
  });

  it('imports a CSV directory: all rows or none, names already there are skipped', async () => {
    const good = [
      'Name;Typ;Ort;PLZ;E-Mail',
      'Handwerkskammer des Saarlandes;HWK;Saarbrücken;66111;info@hwk.example',
      'Sprachschule Lingua Saar;Sprachschule;Saarlouis;66740;',
      'Jobcenter Saarbrücken;Jobcenter;Saarbrücken;66115;',
    ].join('\n');
    const res = await aylin.upload('/api/institutions/import', 'netz.csv', good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2, skipped: 1 });
    const hwk = (await aylin.get('/api/institutions?q=handwerkskammer')).json().items[0];
    expect(hwk.type).toBe('chamber_hwk');

    const bad = [
      'Name;Typ;PLZ',
      'Bäckerei Klein;Unternehmen;66111',
      'Niemand;Raumstation;66111',
      'Falsch;Unternehmen;6611',
    ].join('\n');
    const refused = await aylin.upload('/api/institutions/import', 'netz.csv', bad);
    expect(refused.statusCode).toBe(400);
    expect(
      refused.json().error.details.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`),
    ).toEqual(['3:type', '4:postcode']);
    expect((await aylin.get('/api/institutions?q=backerei')).json().total).toBe(0);
    expect((await aylin.upload('/api/institutions/import', 'x.csv', 'Ort\nSaarlouis')).statusCode).toBe(400);
  });

  it('exports the filtered directory as CSV that reads back with the import; only consenting contact persons', async () => {
    const school = await institution(aylin, {
      name: 'Exportschule Saar',
      type: 'language_school',
      city: 'Homburg',
    });
    ok(
      await aylin.post(`/api/institutions/${school.id}/contacts`, {
        name: 'Vera Einverstanden',
        email: 'vera@export.example',
        consentToContact: true,
        consentDate: '2026-10-01',
      }),
    );
    ok(await aylin.post(`/api/institutions/${school.id}/contacts`, { name: 'Otto Ohne' }));
    ok(
      await aylin.post(`/api/institutions/${school.id}/contacts`, {
        name: 'Anna Auch',
        consentToContact: true,
      }),
    );
    const res = await aylin.get('/api/institutions/export?q=exportschule');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Name;Typ;Branchen');
    expect(lines).toHaveLength(3);
    expect(res.body).toContain('Vera Einverstanden');
    expect(res.body).toContain('Anna Auch');
    expect(res.body).not.toContain('Otto Ohne');
    const trail = (await dpo.get('/api/audit?action=network.exported')).json();
    expect(trail.items[0].details.contactPersons).toBe(2);
    // Another organisation reads it in: one institution, not one per contact person.
    const back = await stranger.upload('/api/institutions/import', 'netzwerk.csv', res.body);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({ imported: 1, skipped: 1 });
    const theirs = (await stranger.get('/api/institutions?q=exportschule')).json().items;
    expect(theirs).toMatchObject([{ name: 'Exportschule Saar', type: 'language_school', city: 'Homburg' }]);
    expect((await dpo.get('/api/institutions/export')).statusCode).toBe(403);
  });

  it('writes directory text that starts like a formula as text, full-width forms included', async () => {
    await institution(aylin, {
      name: 'Formelschule Saar',
      type: 'language_school',
      phone: '+49 6841 1',
      notes: '\uFF1DHYPERLINK("http://evil.example")',
    });
    const [, row] = parseCsv((await aylin.get('/api/institutions/export?q=formelschule')).body);
    // Phone and notes, by their columns in the export.
    expect([row?.[8], row?.[9]]).toEqual(["'+49 6841 1", '\'\uFF1DHYPERLINK("http://evil.example")']);
  });

  it('keeps a closed institution for the records but leaves it out of the directory and its pickers', async () => {
    const shop = await institution(aylin, { name: 'Schließt Bald GmbH', type: 'company' });
    expect(shop.active).toBe(true);
    const closed = ok(
      await aylin.patch(`/api/institutions/${shop.id}`, { version: shop.version, active: false }),
    );
    expect(closed.active).toBe(false);
    expect((await aylin.get('/api/institutions?q=schliesst')).json().total).toBe(0);
    const all = (await aylin.get('/api/institutions?q=schliesst&includeInactive=true')).json();
    expect(all.items).toMatchObject([{ name: 'Schließt Bald GmbH', active: false }]);
    expect((await aylin.get(`/api/institutions/${shop.id}`)).statusCode).toBe(200);
  });

  it('is the staff’s: DPO and partners are refused, another organisation sees nothing', async () => {
    const i = (await aylin.get('/api/institutions?q=ihk')).json().items[0];
    expect((await dpo.get('/api/institutions')).statusCode).toBe(403);
    // Partners reach only the portal: the staff's routes do not exist for them.
    expect((await partner.get('/api/institutions')).statusCode).toBe(404);
    expect((await partner.post('/api/institutions', { name: 'X', type: 'other' })).statusCode).toBe(404);
    expect((await stranger.get(`/api/institutions/${i.id}`)).statusCode).toBe(404);
    expect((await stranger.get('/api/institutions?q=ihk')).json().total).toBe(0);
    expect((await stranger.patch(`/api/institutions/${i.id}`, { version: 1, name: 'X' })).statusCode).toBe(
      404,
    );
    expect((await admin.get(`/api/institutions/${i.id}`)).statusCode).toBe(200);
  });

  it('is what recognition procedures and coordination talks of a case point to', async () => {
    const authority = await institution(aylin, {
      name: 'Landesamt für Soziales – Anerkennung',
      type: 'recognition_authority',
    });
    const foreign = await institution(stranger, { name: 'Fremdes Amt', type: 'recognition_authority' });
    const c = await openCase(aylin, {
      givenNames: 'Rana',
      familyName: 'Haddad',
      intakeDate: '2026-10-01',
    });
    const proc = ok(
      await aylin.post(`/api/clients/${c.id}/procedures`, {
        type: 'recognition',
        authorityInstitutionId: authority.id,
      }),
    );
    expect(proc.authorityInstitutionId).toBe(authority.id);
    expect(proc.authorityName).toBe('Landesamt für Soziales – Anerkennung');
    const wrong = await aylin.post(`/api/clients/${c.id}/procedures`, {
      type: 'recognition',
      authorityInstitutionId: foreign.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('authorityInstitutionId');
    const talk = ok(
      await aylin.post(`/api/clients/${c.id}/contacts`, {
        kind: 'coordination',
        occurredOn: '2026-11-02',
        institutionId: authority.id,
        topic: 'Fehlende Unterlagen',
      }),
    );
    expect(talk.institutionName).toBe('Landesamt für Soziales – Anerkennung');
    const file = await caseFile(aylin, c.id);
    expect(file.network.involved).toEqual([
      {
        institution: {
          id: authority.id,
          name: 'Landesamt für Soziales – Anerkennung',
          type: 'recognition_authority',
        },
        roles: expect.arrayContaining(['authority', 'coordination']),
        lastContact: { on: '2026-11-02', topic: 'Fehlende Unterlagen', result: null },
      },
    ]);
  });
});

describe('employers’ offers', () => {
  it('belong to a company of the directory and are filtered by kind and status', async () => {
    const company = await institution(aylin, { name: 'Klinikum Saarbrücken gGmbH', type: 'company' });
    const agency = (await aylin.get('/api/institutions?type=job_centre')).json().items[0];
    const it1 = await offer(aylin, company.id, {
      kind: 'internship',
      title: 'Praktikum Pflege (Anpassungszeit)',
      minLanguageLevel: 'B1',
      places: 2,
    });
    expect(it1.employer).toEqual({ id: company.id, name: 'Klinikum Saarbrücken gGmbH', type: 'company' });
    expect(it1.status).toBe('open');
    const byAgency = await aylin.post('/api/opportunities', {
      employerId: agency.id,
      kind: 'job',
      title: 'Stelle',
    });
    expect(byAgency.statusCode).toBe(400);
    expect(byAgency.json().error.fields[0].path).toBe('employerId');
    const closed = ok(
      await lead.patch(`/api/opportunities/${it1.id}`, { version: it1.version, status: 'filled' }),
    );
    expect(closed.status).toBe('filled');
    expect(closed.minLanguageLevel).toBe('B1');
    const open = (await aylin.get('/api/opportunities?status=open')).json();
    expect(open.items.map((o: { id: string }) => o.id)).not.toContain(it1.id);
    const found = (await aylin.get('/api/opportunities?q=klinikum')).json();
    expect(found.items.map((o: { id: string }) => o.id)).toContain(it1.id);
    expect((await stranger.get(`/api/opportunities/${it1.id}`)).statusCode).toBe(404);
    expect((await dpo.get('/api/opportunities')).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  it('a NUL byte in a text is refused with a 400 and nothing is saved', async () => {
    const res = await aylin.post('/api/institutions', { name: 'Firma\u0000Null', type: 'company' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    const found = (await aylin.get('/api/institutions?q=Firma')).json();
    expect(found.items.map((i: { name: string }) => i.name)).not.toContain('Firma\u0000Null');
    const client = await aylin.post('/api/clients', {
      givenNames: 'Null\u0000',
      familyName: 'Byte',
      intakeDate: '2026-11-02',
    });
    expect(client.statusCode, client.body).toBe(400);
  });
});
