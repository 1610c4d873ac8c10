import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefPreview, Conference } from '../../contracts/conferences';
import type { ConsentBody } from '../../contracts/consent';
import { disclosures } from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import {
  caseFile,
  consent,
  institution,
  occupationId,
  ok,
  openCase,
  sectorId,
  staff,
} from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { pdfText } from '../testing/pdf';

let t: TestApp;
let lead: Session;
let aylin: Session;
const today = todayInGermany();
/** jc: identified consent; ihk: pseudonymised; aa: needed, no consent; bfz: invited, not needed. */
const inst = {} as Record<'jc' | 'ihk' | 'aa' | 'bfz' | 'away', { id: string; name: string }>;
let c: Conference;
let olena: { id: string; caseCode: string };
let rahimi: { id: string; caseCode: string };
let olenaConsents: { jc: string; ihk: string };

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin } = await staff(t, ['lead', 'aylin']));
  for (const [key, type] of [
    ['jc', 'job_centre'],
    ['ihk', 'chamber_ihk'],
    ['aa', 'employment_agency'],
    ['bfz', 'training_provider'],
    ['away', 'company'],
  ] as const)
    inst[key] = await institution(lead, { name: `${key.toUpperCase()} Packhausen`, type });
  c = ok<Conference>(
    await lead.post('/api/conferences', {
      title: 'Geberkonferenz Pflege',
      sectorId: await sectorId(lead, 'Gesundheit und Pflege'),
      date: addDays(today, 21),
      startTime: '09:30',
      place: 'Rathaus Saarbrücken',
    }),
  );
  for (const key of ['jc', 'ihk', 'aa', 'bfz'] as const)
    ok(await lead.post(`/api/conferences/${c.id}/invitations`, { institutionId: inst[key].id }));

  olena = await openCase(aylin, {
    givenNames: 'Olena',
    familyName: 'Koval',
    birthDate: '1991-04-12',
    street: 'Bahnhofstraße 7',
    postcode: '66111',
    city: 'Saarbrücken',
  });
  const nurse = await occupationId(aylin, 'pflegefach');
  ok(
    await aylin.post(`/api/clients/${olena.id}/qualifications`, {
      titleOriginal: 'Молодша медична сестра',
      titleTranslation: 'Krankenschwester',
      country: 'UA',
      kind: 'vocational',
      referenceOccupationId: nurse,
    }),
  );
  ok(await aylin.post(`/api/clients/${olena.id}/languages`, { language: 'deu', level: 'B1' }));
  const given: Partial<ConsentBody> = {
    purposes: ['conference_sharing'],
    dataCategories: ['identity', 'contact', 'qualifications', 'recognition', 'language'],
    givenOn: addDays(today, -10),
  };
  const jc = await consent(aylin, olena.id, { ...given, institutionIds: [inst.jc.id], scope: 'identified' });
  const ihk = await consent(aylin, olena.id, { ...given, institutionIds: [inst.ihk.id] });
  olenaConsents = {
    jc: jc.consents.find((k) => k.institutionIds.includes(inst.jc.id))?.id ?? '',
    ihk: ihk.consents.find((k) => k.institutionIds.includes(inst.ihk.id))?.id ?? '',
  };
  ok(
    await aylin.post(`/api/conferences/${c.id}/nominations`, {
      clientId: olena.id,
      question: 'Wie finanzieren wir die Anpassungsqualifizierung?',
      institutionIds: [inst.jc.id, inst.ihk.id, inst.aa.id],
    }),
  );
  rahimi = await openCase(aylin, { givenNames: 'Ali', familyName: 'Rahimi', birthDate: '1988-02-02' });
  ok(
    await aylin.post(`/api/conferences/${c.id}/nominations`, {
      clientId: rahimi.id,
      question: 'Welche Ausbildung passt?',
      institutionIds: [inst.jc.id],
      anonymised: true,
    }),
  );
});
afterAll(() => t.close());

async function pack(institutionId: string) {
  const res = await lead.get(`/api/conferences/${c.id}/packs/${institutionId}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return pdfText(res.rawPayload);
}

describe('a conference pack', () => {
  it('pseudonymised: the case code and the question, never the name; the anonymised case without its code', async () => {
    const text = await pack(inst.ihk.id);
    expect(text).toContain('Konferenzmappe für IHK Packhausen');
    expect(text).toContain(olena.caseCode);
    expect(text).toContain('Wie finanzieren wir die Anpassungsqualifizierung?');
    expect(text).toContain('Krankenschwester');
    expect(text).toContain('Europa (außerhalb EU/EWR)');
    for (const secret of [
      'Olena',
      'Koval',
      'Bahnhofstraße',
      '1991',
      '12.04.',
      'Ukraine',
      'Rahimi',
      rahimi.caseCode,
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('Anonymisierter Fall');
    expect(text).toContain('Welche Ausbildung passt?');
  });

  it('identified: the name, birth date and address, as the consent for that institution says', async () => {
    const text = await pack(inst.jc.id);
    expect(text).toContain('Olena Koval');
    expect(text).toContain('12.04.1991');
    expect(text).toContain('Bahnhofstraße 7, 66111 Saarbrücken');
    expect(text).toContain('Ukraine');
    expect(text).toContain('Deutsch: B1');
    expect(text).not.toContain('Rahimi');
  });

  it('an institution without consent does not get the case, only a slot in the agenda', async () => {
    const text = await pack(inst.aa.id);
    for (const secret of ['Olena', 'Koval', olena.caseCode, 'Anpassungsqualifizierung', 'Krankenschwester'])
      expect(text).not.toContain(secret);
    expect(text).toContain('Weiterer Fall (nicht für Sie freigegeben)');
    // Not needed, but invited: it receives the anonymised case only.
    const bfz = await pack(inst.bfz.id);
    expect(bfz).not.toContain(olena.caseCode);
    expect(bfz).toContain('Anonymisierter Fall');
  });

  it('is written to the disclosure log with the consent that allowed each brief; anonymised ones are not', async () => {
    await pack(inst.ihk.id);
    const rows = await t.ctx.db.select().from(disclosures).where(eq(disclosures.conferenceId, c.id));
    const ihk = rows.filter((r) => r.institutionId === inst.ihk.id);
    expect(ihk.length).toBeGreaterThan(0);
    for (const r of ihk)
      expect(r).toMatchObject({
        clientId: olena.id,
        purpose: 'conference_sharing',
        consentId: olenaConsents.ihk,
        recipientName: inst.ihk.name,
      });
    expect(ihk[0]?.dataCategories).toEqual(['qualifications', 'language']);
    expect(rows.filter((r) => r.institutionId === inst.jc.id).map((r) => r.consentId)).toContain(
      olenaConsents.jc,
    );
    expect(rows.filter((r) => r.clientId === rahimi.id)).toEqual([]);
    const file = await caseFile(aylin, olena.id);
    expect(file.network.disclosures.map((d: { recipient: string }) => d.recipient)).toContain(inst.ihk.name);
  });

  it('after the consent is withdrawn, the next pack no longer has the case', async () => {
    expect(await pack(inst.jc.id)).toContain('Olena Koval');
    ok(await aylin.post(`/api/clients/${olena.id}/consents/${olenaConsents.jc}/withdraw`));
    const text = await pack(inst.jc.id);
    expect(text).not.toContain('Koval');
    expect(text).not.toContain(olena.caseCode);
    expect(text).toContain('Weiterer Fall (nicht für Sie freigegeben)');
    // Withdrawing asks to tell the institution that received data under it.
    const file = await caseFile(aylin, olena.id);
    expect(file.plan.steps.map((s: { text: string }) => s.text).join(' ')).toContain(inst.jc.name);
  });

  it('is given out by leads only, to invited institutions only', async () => {
    expect((await aylin.get(`/api/conferences/${c.id}/packs/${inst.ihk.id}`)).statusCode).toBe(403);
    const res = await lead.get(`/api/conferences/${c.id}/packs/${inst.away.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'institutionId' })]);
  });
});

describe('the brief preview', () => {
  it('shows a lead what an institution would receive now, and counts what it would not', async () => {
    const preview = ok<BriefPreview>(
      await lead.get(`/api/conferences/${c.id}/briefs?institutionId=${inst.ihk.id}`),
    );
    expect(preview).toMatchObject({ institution: { id: inst.ihk.id }, scope: 'pseudonymised', withheld: 0 });
    const [pseudo, anon] = preview.briefs;
    expect(pseudo).toMatchObject({
      level: 'pseudonymised',
      caseCode: olena.caseCode,
      name: null,
      birthDate: null,
    });
    expect(pseudo).toMatchObject({ address: null, age: null, countries: null, ageBand: '35_44' });
    expect(pseudo?.countryGroup).toBe('europe_other');
    expect(anon).toMatchObject({
      level: 'anonymised',
      caseCode: null,
      name: null,
      question: 'Welche Ausbildung passt?',
    });
    const aa = ok<BriefPreview>(
      await lead.get(`/api/conferences/${c.id}/briefs?institutionId=${inst.aa.id}`),
    );
    expect(aa).toMatchObject({ scope: null, withheld: 1 });
    expect((await aylin.get(`/api/conferences/${c.id}/briefs?institutionId=${inst.ihk.id}`)).statusCode).toBe(
      403,
    );
  });
});
