import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacySettings, retentionRules } from '../db/schema';
import { auditTrail, institution, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { pdfText } from '../testing/pdf';

let t: TestApp;
let dpo: Session;
let lead: Session;
let admin: Session;
let aylin: Session;

/** An organisation under the KDG with its own periods and a directory of three institutions. */
beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['dpo', 'lead', 'admin', 'aylin'], 'Caritas Beratung Saar');
  ({ dpo, lead, admin, aylin } = team);
  const { organisation } = team;
  // The settings' routes are the retention part's: the configuration is written as they would.
  const { id: organisationId } = organisation;
  await t.ctx.db.insert(privacySettings).values({
    organisationId,
    framework: 'kdg',
    controller: 'Caritasverband Saar e. V., Musterstraße 1, Saarbrücken',
    dpoContact: 'datenschutz@caritas-saar.example',
  });
  await t.ctx.db
    .insert(retentionRules)
    .values({ organisationId, class: 'counselling', months: 48, startEvent: 'last_contact' });
  await institution(lead, { name: 'Jobcenter Saarbrücken', type: 'job_centre' });
  await institution(lead, { name: 'Handwerkskammer des Saarlandes', type: 'chamber_hwk' });
  await institution(lead, { name: 'Klinikum Saarbrücken', type: 'company' });
}, 60_000);
afterAll(() => t.close());

const get = (s: Session, path: string) => s.get(`/api/privacy/paperwork/${path}`);

describe('the paperwork, generated from the configuration', () => {
  it("holds the record's controller, recipients, retention periods and the framework's legal bases (Markdown)", async () => {
    const res = await get(dpo, 'processing-record?format=md&lang=de');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/markdown');
    const md = res.body;
    expect(md).toContain('# Verzeichnis von Verarbeitungstätigkeiten (§ 31 KDG)');
    expect(md).toContain('Caritasverband Saar e. V., Musterstraße 1');
    expect(md).toContain('datenschutz@caritas-saar.example');
    expect(md).toContain('| Jobcenter | Jobcenter Saarbrücken |');
    expect(md).toContain('| Handwerkskammern | Handwerkskammer des Saarlandes |');
    expect(md).toContain('| Beratungsdokumentation | 4 Jahre |');
    expect(md).toContain('| ESF-geförderte Falldaten | 5 Jahre |');
    expect(md).toContain('§ 6 Abs. 1 lit. b KDG');
    expect(md).toContain('§ 11 Abs. 2 lit. a KDG');
    expect(md).not.toContain('DSGVO');
    // Every part of the case file in words, none by its code name.
    expect(md).toContain('- Verlauf der Fallphasen mit Begründungen');
    expect(md).not.toMatch(/^- [a-z]+[A-Z]\w*$/m);
  });

  it('is the same as a PDF, in English when asked', async () => {
    const res = await get(dpo, 'processing-record?format=pdf&lang=en');
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Record of processing activities');
    expect(text).toContain('Caritas Beratung Saar');
    expect(text).toContain('Klinikum Saarbrücken');
    expect(text).toContain('4 years');
    expect(text).toContain('§ 6(1)(b) KDG');
  });

  it('lists the measures with the roles generated from the permission table, and the consent forms with versions', async () => {
    const toms = (await get(dpo, 'measures?format=md&lang=en')).body;
    expect(toms).toContain('argon2id');
    expect(toms).toContain('| audit.persons | Data protection officer |');
    expect(toms).toContain('not required by the organisation');
    const forms = (await get(dpo, 'consent-forms?format=md&lang=de')).body;
    expect(forms).toMatch(/## Deutsch — Version [0-9a-f]{12}/);
    expect(forms).toMatch(/## Englisch — Version [0-9a-f]{12}/);
    expect(forms).toContain('Dokumentation meiner Beratung (Fallakte)');
    const pdf = await get(dpo, 'measures');
    expect((await pdfText(pdf.rawPayload)).length).toBeGreaterThan(500);
  });

  it("is the dpo's alone, audited; an unknown document or format is a 400", async () => {
    for (const s of [lead, admin, aylin]) expect((await get(s, 'processing-record')).statusCode).toBe(403);
    expect((await get(dpo, 'elsewhere')).statusCode).toBe(400);
    expect((await get(dpo, 'measures?format=docx')).statusCode).toBe(400);
    const trail = await auditTrail(dpo, { action: 'privacy.paperwork_exported' });
    expect(trail.items.length).toBeGreaterThanOrEqual(5);
  });
});
