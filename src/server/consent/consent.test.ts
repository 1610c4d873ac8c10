import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Institution } from '../../contracts/network';
import { consents, disclosures } from '../db/schema';
import { nameKeys } from '../lib/consent';
import { caseFile, consent, institution, ok, openCase, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let organisationId: string;
let aylin: Session;
let jobcentre: Institution;

beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['aylin']);
  ({ aylin } = team);
  organisationId = team.organisation.id;
  jobcentre = await institution(aylin, { name: 'Jobcenter Regionalverband', type: 'job_centre' });
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): unknown }) =>
  (res.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);

describe('a consent names recipients exactly when a purpose passes data to them', () => {
  it('refuses recipients without the purpose, by name or from the directory: 400 naming the fields', async () => {
    const c = await openCase(aylin);
    const terms = { givenOn: '2026-03-01', dataCategories: ['qualifications'] };
    const byName = await aylin.post(`/api/clients/${c.id}/consents`, {
      ...terms,
      purposes: ['counselling_record'],
      institutions: ['Jobcenter Regionalverband'],
    });
    expect(byName.statusCode).toBe(400);
    expect(fieldsOf(byName)).toEqual(['purposes', 'institutions']);
    const picked = await aylin.post(`/api/clients/${c.id}/consents`, {
      ...terms,
      purposes: ['counselling_record'],
      institutionIds: [jobcentre.id],
    });
    expect(picked.statusCode).toBe(400);
    expect(fieldsOf(picked)).toEqual(['purposes', 'institutionIds']);
    expect((await caseFile(aylin, c.id)).consent.consents).toEqual([]);
  });

  it('refuses the purpose without a recipient, for institutions and employers alike', async () => {
    const c = await openCase(aylin);
    for (const purpose of ['institution_sharing', 'employer_profile']) {
      const res = await aylin.post(`/api/clients/${c.id}/consents`, {
        purposes: ['counselling_record', purpose],
        dataCategories: ['qualifications'],
        givenOn: '2026-03-01',
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['institutions']);
    }
  });

  it('with both, the record and what may be shared agree', async () => {
    const c = await openCase(aylin);
    const given = await consent(aylin, c.id, {
      purposes: ['counselling_record', 'institution_sharing'],
      institutionIds: [jobcentre.id],
      institutions: ['IHK Saarland'],
      dataCategories: ['qualifications'],
      givenOn: '2026-03-01',
    });
    expect(given.consents[0]?.recipients).toEqual([
      { institutionId: jobcentre.id, name: 'Jobcenter Regionalverband' },
      { institutionId: null, name: 'IHK Saarland' },
    ]);
    expect(given.consents[0]?.contradiction).toBeNull();
    expect(given.sharing.institutions.map((i) => i.name).sort()).toEqual([
      'IHK Saarland',
      'Jobcenter Regionalverband',
    ]);
  });
});

describe('the form language', () => {
  it('is one the printable form exists in, for the record and for printing', async () => {
    const c = await openCase(aylin);
    const arabic = await aylin.post(`/api/clients/${c.id}/consents`, {
      purposes: ['counselling_record'],
      formLanguage: 'ara',
      givenOn: '2026-03-01',
    });
    expect(arabic.statusCode).toBe(400);
    expect(fieldsOf(arabic)).toEqual(['formLanguage']);
    const english = await consent(aylin, c.id, { formLanguage: 'eng' });
    expect(english.consents[0]?.formLanguage).toBe('eng');
    expect((await aylin.get(`/api/clients/${c.id}/consent-form?language=ar`)).statusCode).toBe(400);
    expect((await aylin.get(`/api/clients/${c.id}/consent-form?language=en`)).statusCode).toBe(200);
  });
});

/** A record from before the rule: the job centre named, but not the purpose to pass data to it. */
async function legacyContradiction(clientId: string) {
  const [row] = await t.ctx.db
    .insert(consents)
    .values({
      organisationId,
      clientId,
      purposes: ['counselling_record'],
      institutions: ['Jobcenter Regionalverband'],
      institutionIds: [jobcentre.id],
      institutionKeys: nameKeys(['Jobcenter Regionalverband']),
      dataCategories: ['qualifications'],
      scope: 'identified',
      formLanguage: 'deu',
      givenOn: '2026-02-01',
    })
    .returning();
  if (!row) throw new Error('no legacy consent');
  return row;
}

describe('a stored record that contradicts itself', () => {
  it('is shown as such and corrected by a record that replaces it, without telling anyone of a withdrawal', async () => {
    const c = await openCase(aylin);
    const legacy = await legacyContradiction(c.id);
    const before = (await caseFile(aylin, c.id)).consent;
    expect(before.consents[0]).toMatchObject({ contradiction: 'recipients_without_purpose', active: true });
    expect(before.sharing.institutions).toEqual([]);
    const corrected = ok<{ consents: Record<string, unknown>[]; sharing: { institutions: unknown[] } }>(
      await aylin.post(`/api/clients/${c.id}/consents/${legacy.id}/correct`, {
        purposes: ['counselling_record', 'conference_sharing', 'institution_sharing'],
        institutionIds: [jobcentre.id],
        dataCategories: ['qualifications'],
        scope: 'identified',
        givenOn: '2026-02-01',
      }),
    );
    const fresh = corrected.consents.find((x) => x.id !== legacy.id);
    const old = corrected.consents.find((x) => x.id === legacy.id);
    expect(fresh).toMatchObject({ active: true, contradiction: null, replacedBy: null });
    expect(old).toMatchObject({ active: false, replacedBy: fresh?.id });
    expect(corrected.sharing.institutions).toMatchObject([{ name: 'Jobcenter Regionalverband' }]);
    const file = await caseFile(aylin, c.id);
    expect(file.plan.steps ?? []).toEqual([]);
    expect(file.timeline.some((e: { kind: string }) => e.kind === 'consent_withdrawn')).toBe(false);
    // Once corrected it has ended; a consistent record is withdrawn, never corrected.
    const again = await aylin.post(`/api/clients/${c.id}/consents/${legacy.id}/correct`, {
      purposes: ['counselling_record'],
      givenOn: '2026-02-01',
    });
    expect(again.statusCode).toBe(409);
    const fine = await aylin.post(`/api/clients/${c.id}/consents/${fresh?.id}/correct`, {
      purposes: ['counselling_record'],
      givenOn: '2026-02-01',
    });
    expect(fine.statusCode).toBe(409);
  });

  it('a correction that no longer covers what a recipient received puts telling them in the plan', async () => {
    const c = await openCase(aylin);
    const legacy = await legacyContradiction(c.id);
    await t.ctx.db.insert(disclosures).values({
      organisationId,
      clientId: c.id,
      recipientName: 'Fachkonferenz Pflege',
      purpose: 'conference_sharing',
      dataCategories: ['qualifications'],
      consentId: legacy.id,
    });
    // The signed form had neither the conference nor the job centre: both go.
    ok(
      await aylin.post(`/api/clients/${c.id}/consents/${legacy.id}/correct`, {
        purposes: ['counselling_record'],
        givenOn: '2026-02-01',
      }),
    );
    const steps = (await caseFile(aylin, c.id)).plan.steps.map((s: { text: string }) => s.text);
    expect(steps).toEqual([expect.stringContaining('Fachkonferenz Pflege')]);
    const [row] = await t.ctx.db.select().from(consents).where(eq(consents.id, legacy.id));
    expect(row?.withdrawnAt).not.toBeNull();
  });
});
