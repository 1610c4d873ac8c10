import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganisation,
  createUser,
  login,
  type Session,
  startTestApp,
  type TestApp,
} from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let jonas: Session;
let dpo: Session;
let stranger: Session;

type Json = Record<string, unknown> & { id: string; version: number };
async function ok(res: { statusCode: number; body: string; json: () => unknown }) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
}

let health: string;
let it_: string;
let nurse: string;
let provider: Json;
let jobcentre: Json;
let clinic: Json;
let bakery: Json;

beforeAll(async () => {
  t = await startTestApp();
  const { org } = await createOrganisation(t.ctx);
  const other = await createOrganisation(t.ctx);
  lead = await login(t.app, (await createUser(t.ctx, org.id, ['lead'], 'Miriam Kessler')).email);
  aylin = await login(t.app, (await createUser(t.ctx, org.id, ['counsellor'], 'Aylin Demir')).email);
  jonas = await login(t.app, (await createUser(t.ctx, org.id, ['counsellor'], 'Jonas Becker')).email);
  dpo = await login(t.app, (await createUser(t.ctx, org.id, ['dpo'])).email);
  stranger = await login(t.app, (await createUser(t.ctx, other.org.id, ['lead'])).email);
  const sectors = (await aylin.get('/api/sectors')).json() as { id: string; name: string }[];
  health = sectors.find((s) => s.name === 'Gesundheit und Pflege')!.id;
  it_ = sectors.find((s) => s.name === 'IT')!.id;
  nurse = (await aylin.get('/api/occupations?q=pflegefach')).json()[0].id;
  provider = await ok(
    await aylin.post('/api/institutions', {
      name: 'Pflegeakademie Saar',
      type: 'training_provider',
      district: '10041',
    }),
  );
  jobcentre = await ok(
    await aylin.post('/api/institutions', { name: 'Jobcenter Saarbrücken', type: 'job_centre' }),
  );
  clinic = await ok(await aylin.post('/api/institutions', { name: 'Klinikum Saarbrücken', type: 'company' }));
  bakery = await ok(await aylin.post('/api/institutions', { name: 'Bäckerei Klein', type: 'company' }));
});
afterAll(() => t.close());

/** A nurse from abroad at B1 German, in the health sector, with a deficit notice asking for an adaptation period. */
/** The client agrees to their profile going to this employer (by directory entry). */
async function employerConsent(s: Session, clientId: string, employerId: string) {
  await ok(
    await s.post(`/api/clients/${clientId}/consents`, {
      purposes: ['employer_profile'],
      institutionIds: [employerId],
      dataCategories: ['qualifications'],
      givenOn: '2026-11-01',
    }),
  );
}

async function nurseCase(s: Session, name: string) {
  const c = await ok(
    await s.post('/api/clients', {
      givenNames: name,
      familyName: 'Nurse',
      intakeDate: '2026-09-01',
      sectorId: health,
      district: '10041',
      benefits: 'sgb2',
    }),
  );
  await ok(await s.post(`/api/clients/${c.id}/languages`, { language: 'deu', level: 'B1' }));
  await ok(
    await s.post(`/api/clients/${c.id}/qualifications`, {
      titleOriginal: 'Bachelor of Science in Nursing',
      country: 'PH',
      kind: 'academic',
      referenceOccupationId: nurse,
    }),
  );
  await ok(
    await s.post(`/api/clients/${c.id}/procedures`, {
      type: 'recognition',
      referenceOccupationId: nurse,
      outcome: 'partial',
      decidedOn: '2026-10-15',
      submittedOn: '2026-06-01',
      substantialDifferences: 'Pädiatrie und Psychiatrie fehlen in der Ausbildung',
      compensationMeasure: 'adaptation_period',
    }),
  );
  return c;
}

describe('the measures catalogue', () => {
  it('keeps measures with provider, sectors, occupations, funders and language levels; checks references', async () => {
    const m = await ok(
      await aylin.post('/api/measures', {
        title: 'Anpassungslehrgang Pflege mit Pädiatrie-Einsatz',
        type: 'adaptation_qualification',
        providerId: provider.id,
        sectorIds: [health],
        occupationIds: [nurse],
        district: '10041',
        startDates: ['2027-01-11', '2027-04-12'],
        durationWeeks: 26,
        teachingUnits: 720,
        capacity: 12,
        costCents: 480000,
        funders: ['training_voucher', 'recognition_grant_qualification'],
        minLanguageLevel: 'B1',
        compensates: ['adaptation_period'],
      }),
    );
    expect(m.provider).toEqual({ id: provider.id, name: 'Pflegeakademie Saar', type: 'training_provider' });
    expect(m.occupations).toEqual([{ id: nurse, title: expect.stringMatching(/Pflegefach/) }]);
    expect(m.sectors).toEqual([{ id: health, name: 'Gesundheit und Pflege' }]);
    const bad = await aylin.post('/api/measures', {
      title: 'X',
      type: 'course',
      minLanguageLevel: 'B3',
      funders: ['lottery'],
      startDates: ['11.01.2027'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['type', 'minLanguageLevel', 'funders.0', 'startDates.0']),
    );
    const foreignProvider = await ok(
      await stranger.post('/api/institutions', { name: 'Fremd', type: 'training_provider' }),
    );
    const refused = await aylin.post('/api/measures', {
      title: 'X',
      type: 'coaching',
      providerId: foreignProvider.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('providerId');

    const changed = await ok(await lead.patch(`/api/measures/${m.id}`, { version: m.version, capacity: 10 }));
    expect(changed.capacity).toBe(10);
    expect(changed.startDates).toEqual(['2027-01-11', '2027-04-12']);
    expect((await aylin.patch(`/api/measures/${m.id}`, { version: m.version, capacity: 1 })).statusCode).toBe(
      409,
    );
    expect((await aylin.get('/api/measures?q=padiatrie')).json().items.map((x: Json) => x.id)).toEqual([
      m.id,
    ]);
    expect((await stranger.get(`/api/measures/${m.id}`)).statusCode).toBe(404);
    expect((await dpo.get('/api/measures')).statusCode).toBe(403);
  });
});

describe('suggestions for a case', () => {
  let c: Json;
  let ids: Record<string, string>;
  beforeAll(async () => {
    c = await nurseCase(aylin, 'Maria');
    const add = async (body: Record<string, unknown>) =>
      (await ok(await lead.post('/api/measures', body))).id;
    ids = {
      adaptation: (await aylin.get('/api/measures?q=anpassungslehrgang')).json().items[0].id,
      german: await add({
        title: 'Deutsch B2 für Pflegeberufe',
        type: 'language_course',
        entryLevel: 'B1',
        targetLevel: 'B2',
        sectorIds: [health],
        funders: ['training_voucher'],
        online: true,
      }),
      c1: await add({
        title: 'Fachsprache C1 Medizin',
        type: 'language_course',
        entryLevel: 'B2',
        targetLevel: 'C1',
        sectorIds: [health],
      }),
      a2: await add({ title: 'Deutsch A2', type: 'language_course', entryLevel: 'A1', targetLevel: 'A2' }),
      it: await add({ title: 'Java-Weiterbildung', type: 'advanced_training', sectorIds: [it_] }),
      // The same compensation measure, but in another field: not for a nurse.
      otherField: await add({
        title: 'Qualifizierung Fachinformatik',
        type: 'adaptation_qualification',
        sectorIds: [it_],
        compensates: ['adaptation_period'],
      }),
      exam: await add({
        title: 'Vorbereitung Kenntnisprüfung Pflege',
        type: 'exam_preparation',
        occupationIds: [nurse],
        minLanguageLevel: 'B2',
        compensates: ['knowledge_test'],
      }),
      inactive: await add({
        title: 'Alter Kurs Pflege',
        type: 'bridging_course',
        occupationIds: [nurse],
        active: false,
      }),
    };
    await ok(
      await aylin.post('/api/opportunities', {
        employerId: clinic.id,
        kind: 'internship',
        title: 'Anpassungszeit Station',
        occupationId: nurse,
        sectorId: health,
        district: '10041',
        minLanguageLevel: 'B1',
      }),
    );
    await ok(
      await aylin.post('/api/opportunities', {
        employerId: bakery.id,
        kind: 'job',
        title: 'Bäcker/in',
        sectorId: it_,
      }),
    );
  });

  it('ranks measures by occupation, sector, the decision’s compensation and differences, German and funding, with reasons', async () => {
    const s = (await aylin.get(`/api/clients/${c.id}/suggestions`)).json();
    const titles = s.measures.map((x: { measure: { title: string } }) => x.measure.title);
    expect(titles[0]).toBe('Anpassungslehrgang Pflege mit Pädiatrie-Einsatz');
    const first = s.measures[0];
    expect(first.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining([
        'occupation',
        'sector',
        'compensation',
        'differences',
        'language_ok',
        'district',
        'funding',
      ]),
    );
    expect(first.reasons.find((r: { code: string }) => r.code === 'differences').detail).toContain(
      'padiatrie',
    );
    const german = s.measures.find((x: { measure: { id: string } }) => x.measure.id === ids.german);
    expect(german.reasons).toEqual(expect.arrayContaining([{ code: 'language_step', detail: 'B1 → B2' }]));
    // The exam preparation fits the occupation but asks for B2: suggested with a warning, ranked lower.
    const exam = s.measures.find((x: { measure: { id: string } }) => x.measure.id === ids.exam);
    expect(exam.warnings).toEqual([{ code: 'language_below', detail: 'B2' }]);
    expect(titles.indexOf('Vorbereitung Kenntnisprüfung Pflege')).toBeGreaterThan(0);
    // Not suggested: below the client's level, another sector (even when it prepares for the same
    // compensation measure), inactive; a C1 course needs B2 first.
    const all = s.measures.map((x: { measure: { id: string } }) => x.measure.id);
    for (const k of ['a2', 'it', 'otherField', 'inactive']) expect(all).not.toContain(ids[k]);
    const c1 = s.measures.find((x: { measure: { id: string } }) => x.measure.id === ids.c1);
    expect(c1.warnings).toEqual([{ code: 'language_below', detail: 'B2' }]);

    expect(s.opportunities.map((o: { opportunity: { title: string } }) => o.opportunity.title)).toEqual([
      'Anpassungszeit Station',
    ]);
    expect(s.opportunities[0].reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['occupation', 'sector', 'language_ok', 'district']),
    );
  });

  it('are the case’s counsellors’: another counsellor and another organisation are refused, the read is audited', async () => {
    expect((await jonas.get(`/api/clients/${c.id}/suggestions`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/clients/${c.id}/suggestions`)).statusCode).toBe(404);
    expect((await dpo.get(`/api/clients/${c.id}/suggestions`)).statusCode).toBe(403);
    expect((await lead.get(`/api/clients/${c.id}/suggestions`)).statusCode).toBe(200);
    const trail = (await dpo.get(`/api/audit?action=client.read&subjectId=${c.id}`)).json();
    expect(trail.items.some((e: { details: { part?: string } }) => e.details?.part === 'suggestions')).toBe(
      true,
    );
  });
});

describe('acquiring a measure for a client', () => {
  it('goes proposed → applied → funding requested → funded → started → completed, on the timeline and in the involved institutions', async () => {
    const c = await nurseCase(aylin, 'Grace');
    const measureId = (await aylin.get('/api/measures?q=anpassungslehrgang')).json().items[0].id;
    const list = (
      await aylin.post(`/api/clients/${c.id}/measures`, { measureId, note: 'Platz ab Januar' })
    ).json();
    expect(list).toHaveLength(1);
    let a = list[0];
    expect(a.status).toBe('proposed');
    const move = async (body: Record<string, unknown>) => {
      const res = await aylin.patch(`/api/clients/${c.id}/measures/${a.id}`, { version: a.version, ...body });
      if (res.statusCode === 200) a = res.json()[0];
      return res;
    };
    await ok(await move({ status: 'applied' }));
    await ok(await move({ status: 'funding_requested', funderId: jobcentre.id }));
    const noType = await move({ status: 'funded' });
    expect(noType.statusCode).toBe(400);
    expect(noType.json().error.fields[0].path).toBe('fundingType');
    await ok(await move({ status: 'funded', fundingType: 'training_voucher', amountCents: 480000 }));
    const back = await move({ status: 'applied' });
    expect(back.statusCode).toBe(400);
    const dates = await move({ status: 'started', startDate: '2027-01-11', endDate: '2026-12-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.fields[0].path).toBe('endDate');
    await ok(await move({ status: 'started', startDate: '2027-01-11' }));
    const stale = await aylin.patch(`/api/clients/${c.id}/measures/${a.id}`, {
      version: a.version - 1,
      status: 'dropped',
    });
    expect(stale.statusCode).toBe(409);
    await ok(
      await move({
        status: 'completed',
        endDate: '2027-07-09',
        outcomeNote: 'Bestanden; Anerkennung beantragt',
      }),
    );
    expect(a.history.map((h: { status: string }) => h.status)).toEqual([
      'proposed',
      'applied',
      'funding_requested',
      'funded',
      'started',
      'completed',
    ]);
    expect(a.funder).toEqual({ id: jobcentre.id, name: 'Jobcenter Saarbrücken', type: 'job_centre' });
    expect(a.amountCents).toBe(480000);
    const final = await move({ status: 'dropped' });
    expect(final.statusCode).toBe(409);

    const file = (await aylin.get(`/api/clients/${c.id}`)).json();
    expect(file.network.acquisitions[0].status).toBe('completed');
    const measureEvents = file.timeline.filter((e: { kind: string }) => e.kind === 'measure');
    expect(measureEvents.map((e: { codes: string[] }) => e.codes[0])).toEqual(
      expect.arrayContaining(['proposed', 'funded', 'completed']),
    );
    expect(
      file.network.involved.map(
        (i: { institution: { name: string }; roles: string[] }) =>
          `${i.institution.name}:${i.roles.join('+')}`,
      ),
    ).toEqual(expect.arrayContaining(['Pflegeakademie Saar:provider', 'Jobcenter Saarbrücken:funder']));
    // The measure is acquired: it is no longer suggested.
    const s = (await aylin.get(`/api/clients/${c.id}/suggestions`)).json();
    expect(s.measures.map((x: { measure: { id: string } }) => x.measure.id)).not.toContain(measureId);

    expect((await jonas.post(`/api/clients/${c.id}/measures`, { measureId })).statusCode).toBe(404);
    const foreign = await ok(await stranger.post('/api/measures', { title: 'Fremd', type: 'coaching' }));
    expect((await aylin.post(`/api/clients/${c.id}/measures`, { measureId: foreign.id })).statusCode).toBe(
      400,
    );
  });
  it('the institution lists the cases it is involved in, as far as the caller may see them', async () => {
    const c = await nurseCase(aylin, 'Institutsfall');
    const measureId = (await aylin.get('/api/measures?q=anpassungslehrgang')).json().items[0].id;
    const [a] = (await aylin.post(`/api/clients/${c.id}/measures`, { measureId })).json();
    await ok(
      await aylin.patch(`/api/clients/${c.id}/measures/${a.id}`, {
        version: a.version,
        funderId: jobcentre.id,
      }),
    );
    const mine = (await aylin.get(`/api/institutions/${jobcentre.id}/cases`)).json();
    const row = mine.find((x: { client: { id: string } }) => x.client.id === c.id);
    expect(row.roles).toEqual(['funder']);
    expect(row.client.name).toBe('Institutsfall Nurse');
    // Another counsellor does not see Aylin's case; a lead does; staff without case work may not ask.
    const jonasSees = (await jonas.get(`/api/institutions/${jobcentre.id}/cases`)).json();
    expect(jonasSees.map((x: { client: { id: string } }) => x.client.id)).not.toContain(c.id);
    const leadSees = (await lead.get(`/api/institutions/${jobcentre.id}/cases`)).json();
    expect(leadSees.map((x: { client: { id: string } }) => x.client.id)).toContain(c.id);
    expect((await dpo.get(`/api/institutions/${jobcentre.id}/cases`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/institutions/${jobcentre.id}/cases`)).statusCode).toBe(404);
    const trail = (await dpo.get('/api/audit?action=client.searched')).json();
    expect(trail.items.some((e: { entityId: string }) => e.entityId === jobcentre.id)).toBe(true);
  });

  it('counts the places taken; a fully booked measure is still suggested, with a warning', async () => {
    const small = await ok(
      await lead.post('/api/measures', {
        title: 'Praxisanleitung Pflege Kleingruppe',
        type: 'adaptation_qualification',
        occupationIds: [nurse],
        capacity: 1,
      }),
    );
    expect(small.participants).toBe(0);
    const first = await nurseCase(aylin, 'Erste');
    const [a] = (await aylin.post(`/api/clients/${first.id}/measures`, { measureId: small.id })).json();
    // Proposed is not yet a place.
    expect((await aylin.get(`/api/measures/${small.id}`)).json().participants).toBe(0);
    await ok(
      await aylin.patch(`/api/clients/${first.id}/measures/${a.id}`, {
        version: a.version,
        status: 'funded',
        fundingType: 'self_paid',
      }),
    );
    expect((await aylin.get(`/api/measures/${small.id}`)).json().participants).toBe(1);
    const second = await nurseCase(aylin, 'Zweite');
    const suggested = (await aylin.get(`/api/clients/${second.id}/suggestions`)).json();
    const entry = suggested.measures.find((x: { measure: { id: string } }) => x.measure.id === small.id);
    expect(entry.warnings).toContainEqual({ code: 'full', detail: '1/1' });
  });
});

describe('an employer’s offer for a client', () => {
  it('needs the client’s consent for this employer before the profile goes out, and logs the disclosure', async () => {
    const c = await nurseCase(aylin, 'Joy');
    const offer = await ok(
      await aylin.post('/api/opportunities', {
        employerId: clinic.id,
        kind: 'internship',
        title: 'Praktikum Intensivstation',
        occupationId: nurse,
        sectorId: health,
      }),
    );
    let p = (
      (await ok(
        await aylin.post(`/api/clients/${c.id}/opportunities`, { opportunityId: offer.id }),
      )) as unknown as Json[]
    )[0]!;
    expect(p.status).toBe('suggested');
    expect(
      (await aylin.post(`/api/clients/${c.id}/opportunities`, { opportunityId: offer.id })).statusCode,
    ).toBe(409);

    const blocked = await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, {
      version: p.version,
      status: 'introduced',
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('consent_required');
    // A consent for another employer, or a withdrawn one, does not count.
    await ok(
      await aylin.post(`/api/clients/${c.id}/consents`, {
        purposes: ['employer_profile'],
        institutions: ['Bäckerei Klein'],
        dataCategories: ['qualifications'],
        givenOn: '2026-11-01',
      }),
    );
    expect(
      (
        await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, {
          version: p.version,
          status: 'introduced',
        })
      ).statusCode,
    ).toBe(403);
    await ok(
      await aylin.post(`/api/clients/${c.id}/consents`, {
        purposes: ['employer_profile'],
        institutionIds: [clinic.id],
        dataCategories: ['qualifications', 'language'],
        givenOn: '2026-11-02',
      }),
    );
    const introduced = await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, {
      version: p.version,
      status: 'introduced',
    });
    expect(introduced.statusCode, introduced.body).toBe(200);
    p = introduced.json()[0];
    for (const status of ['interview', 'offer']) {
      p = (
        await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, { version: p.version, status })
      ).json()[0];
    }
    p = (
      await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, {
        version: p.version,
        status: 'started',
        employerFeedback: 'Sehr gute Fachkenntnisse',
      })
    ).json()[0];
    expect(p.status).toBe('started');
    expect(p.employerFeedback).toBe('Sehr gute Fachkenntnisse');

    const file = (await aylin.get(`/api/clients/${c.id}`)).json();
    expect(file.network.disclosures).toEqual([
      expect.objectContaining({
        recipient: 'Klinikum Saarbrücken',
        purpose: 'employer_profile',
        dataCategories: ['qualifications', 'language'],
        by: 'Aylin Demir',
      }),
    ]);
    expect(
      file.timeline.some(
        (e: { kind: string; title: string }) => e.kind === 'disclosure' && e.title === 'Klinikum Saarbrücken',
      ),
    ).toBe(true);
    expect(file.network.involved.map((i: { institution: { name: string } }) => i.institution.name)).toContain(
      'Klinikum Saarbrücken',
    );
    const trail = (await dpo.get(`/api/audit?action=client.disclosed&subjectId=${c.id}`)).json();
    expect(trail.items).toHaveLength(1);
  });

  it('counts a withdrawn consent as none', async () => {
    const c = await nurseCase(aylin, 'Ana');
    const offer = await ok(
      await aylin.post('/api/opportunities', {
        employerId: clinic.id,
        kind: 'trial_work',
        title: 'Probearbeit',
        sectorId: health,
      }),
    );
    await employerConsent(aylin, c.id, clinic.id);
    const file = (await aylin.get(`/api/clients/${c.id}`)).json();
    const consentId = file.consent.consents[0].id;
    await ok(await aylin.post(`/api/clients/${c.id}/consents/${consentId}/withdraw`, {}));
    const p = (await aylin.post(`/api/clients/${c.id}/opportunities`, { opportunityId: offer.id })).json()[0];
    const res = await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, {
      version: p.version,
      status: 'introduced',
    });
    expect(res.json().error?.code).toBe('consent_required');
    // Declining needs no consent: nothing goes out.
    expect(
      (
        await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, {
          version: p.version,
          status: 'declined',
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('withdrawing a consent after a disclosure', () => {
  it('puts a step in the plan to tell each recipient, due in a week', async () => {
    const c = await nurseCase(aylin, 'Widerruf');
    const offer = await ok(
      await aylin.post('/api/opportunities', {
        employerId: clinic.id,
        kind: 'job',
        title: 'Stelle Widerruf',
      }),
    );
    await employerConsent(aylin, c.id, clinic.id);
    const [p] = (await aylin.post(`/api/clients/${c.id}/opportunities`, { opportunityId: offer.id })).json();
    await ok(
      await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, {
        version: p.version,
        status: 'introduced',
      }),
    );
    const before = (await aylin.get(`/api/clients/${c.id}`)).json();
    const steps = before.plan.steps.length;
    await ok(await aylin.post(`/api/clients/${c.id}/consents/${before.consent.consents[0].id}/withdraw`, {}));
    const after = (await aylin.get(`/api/clients/${c.id}`)).json();
    expect(after.plan.steps).toHaveLength(steps + 1);
    const step = after.plan.steps.find((x: { text: string }) => x.text.includes('Klinikum Saarbrücken'));
    expect(step.text).toContain('Widerruf');
    expect(step.dueDate).toBeTruthy();
    // A consent that never sent anything out leaves the plan alone.
    await ok(
      await aylin.post(`/api/clients/${c.id}/consents`, {
        purposes: ['conference_sharing'],
        givenOn: '2026-11-01',
      }),
    );
    const again = (await aylin.get(`/api/clients/${c.id}`)).json();
    const unused = again.consent.consents.find((x: { withdrawnAt: string | null }) => !x.withdrawnAt);
    await ok(await aylin.post(`/api/clients/${c.id}/consents/${unused.id}/withdraw`, {}));
    expect((await aylin.get(`/api/clients/${c.id}`)).json().plan.steps).toHaveLength(steps + 1);
  });
});

describe('cases for an offer', () => {
  it('ranks the caller’s cases (leads: all) whose consent lets the profile go to this employer, and logs the read', async () => {
    const offer = await ok(
      await aylin.post('/api/opportunities', {
        employerId: clinic.id,
        kind: 'job',
        title: 'Pflegefachkraft Nachtdienst',
        occupationId: nurse,
        sectorId: health,
        district: '10041',
        minLanguageLevel: 'B2',
      }),
    );
    const consenting = await nurseCase(aylin, 'Consenting');
    const silent = await nurseCase(aylin, 'Silent');
    const jonasCase = await nurseCase(jonas, 'Jonasclient');
    for (const [s, c] of [
      [aylin, consenting],
      [jonas, jonasCase],
    ] as const) {
      await ok(
        await s.post(`/api/clients/${c.id}/consents`, {
          purposes: ['employer_profile'],
          institutions: ['Klinikum Saarbrücken'],
          dataCategories: ['qualifications'],
          givenOn: '2026-11-01',
        }),
      );
    }
    const mine = (await aylin.get(`/api/opportunities/${offer.id}/candidates`)).json();
    const names = mine.map((x: { client: { name: string } }) => x.client.name);
    expect(names).toContain('Consenting Nurse');
    expect(names).not.toContain('Silent Nurse');
    expect(names).not.toContain('Jonasclient Nurse');
    const top = mine.find((x: { client: { id: string } }) => x.client.id === consenting.id);
    expect(top.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['occupation', 'sector', 'district', 'consent']),
    );
    expect(top.warnings).toEqual([{ code: 'language_below', detail: 'B2' }]);
    expect(top.placement).toBeNull();
    expect(silent.id).toBeTruthy();
    // A case already suggested stays in the list, with where it stands.
    await ok(await aylin.post(`/api/clients/${consenting.id}/opportunities`, { opportunityId: offer.id }));
    const again = (await aylin.get(`/api/opportunities/${offer.id}/candidates`)).json();
    expect(again.find((x: { client: { id: string } }) => x.client.id === consenting.id).placement).toBe(
      'suggested',
    );

    const all = (await lead.get(`/api/opportunities/${offer.id}/candidates`))
      .json()
      .map((x: { client: { name: string } }) => x.client.name);
    expect(all).toEqual(expect.arrayContaining(['Consenting Nurse', 'Jonasclient Nurse']));
    expect((await dpo.get(`/api/opportunities/${offer.id}/candidates`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/opportunities/${offer.id}/candidates`)).statusCode).toBe(404);
    const trail = (await dpo.get('/api/audit?action=client.matched')).json();
    expect(trail.items.length).toBeGreaterThanOrEqual(2);
  });
});

describe('merging a duplicate institution', () => {
  it('moves contact persons, offers, consents and case references to the one that stays, then removes the duplicate', async () => {
    const dup = await ok(
      await aylin.post('/api/institutions', {
        name: 'Klinik Saarbrücken (Dublette)',
        type: 'company',
        city: 'Saarbrücken',
        phone: '0681 555',
      }),
    );
    await ok(await aylin.post(`/api/institutions/${dup.id}/contacts`, { name: 'Petra Doppelt' }));
    const offer = await ok(
      await aylin.post('/api/opportunities', {
        employerId: dup.id,
        kind: 'internship',
        title: 'Praktikum Dublette',
      }),
    );
    const c = await nurseCase(aylin, 'Dublettenfall');
    await employerConsent(aylin, c.id, dup.id);
    const [p] = (await aylin.post(`/api/clients/${c.id}/opportunities`, { opportunityId: offer.id })).json();
    const current = (await aylin.get(`/api/institutions/${dup.id}`)).json();

    // Only admins and leads merge; never into itself; at the version seen.
    const body = { intoId: clinic.id, version: current.version };
    expect((await aylin.post(`/api/institutions/${dup.id}/merge`, body)).statusCode).toBe(403);
    expect(
      (await lead.post(`/api/institutions/${dup.id}/merge`, { intoId: dup.id, version: current.version }))
        .statusCode,
    ).toBe(400);
    expect((await lead.post(`/api/institutions/${dup.id}/merge`, { ...body, version: 0 })).statusCode).toBe(
      409,
    );
    expect((await stranger.post(`/api/institutions/${dup.id}/merge`, body)).statusCode).toBe(404);

    const merged = await ok(await lead.post(`/api/institutions/${dup.id}/merge`, body));
    expect(merged.id).toBe(clinic.id);
    expect((merged.contacts as { name: string }[]).map((x) => x.name)).toContain('Petra Doppelt');
    expect(merged.phone).toBe('0681 555');
    expect((await aylin.get(`/api/institutions/${dup.id}`)).statusCode).toBe(404);
    expect((await aylin.get(`/api/opportunities/${offer.id}`)).json().employer.id).toBe(clinic.id);
    // The consent named the duplicate: it now names the institution that stays, so the profile may go.
    const introduced = await aylin.patch(`/api/clients/${c.id}/opportunities/${p.id}`, {
      version: p.version,
      status: 'introduced',
    });
    expect(introduced.statusCode, introduced.body).toBe(200);
    const file = (await aylin.get(`/api/clients/${c.id}`)).json();
    expect(file.network.disclosures[0].recipient).toBe('Klinikum Saarbrücken');
    const trail = (await dpo.get('/api/audit?action=network.changed')).json();
    expect(
      trail.items.some(
        (e: { details: { merged?: string } }) => e.details.merged === 'Klinik Saarbrücken (Dublette)',
      ),
    ).toBe(true);
  });
});

describe('follow-ups', () => {
  it('lists measures waiting for funding and introductions waiting for the employer two weeks on, for the case’s counsellors', async () => {
    const c = await nurseCase(aylin, 'Wartefall');
    const measureId = (await aylin.get('/api/measures?q=anpassungslehrgang')).json().items[0].id;
    const [a] = (await aylin.post(`/api/clients/${c.id}/measures`, { measureId })).json();
    await ok(
      await aylin.patch(`/api/clients/${c.id}/measures/${a.id}`, {
        version: a.version,
        status: 'funding_requested',
        funderId: jobcentre.id,
      }),
    );
    const waiting = () => aylin.get('/api/follow-ups').then((r) => r.json() as { id: string }[]);
    // Asked today: nothing to follow up yet.
    expect((await waiting()).map((f) => f.id)).not.toContain(a.id);
    await t.ctx.db.execute(
      sql`UPDATE client_measures SET history = jsonb_set(history, '{-1,at}', to_jsonb((now() - interval '20 days')::text)) WHERE id = ${a.id}`,
    );
    const due = (await waiting()).find((f) => f.id === a.id) as unknown as Record<string, unknown>;
    expect(due).toMatchObject({
      kind: 'measure',
      status: 'funding_requested',
      counterpart: 'Jobcenter Saarbrücken',
      client: { id: c.id },
    });
    expect(((await jonas.get('/api/follow-ups')).json() as { id: string }[]).map((f) => f.id)).not.toContain(
      a.id,
    );
    expect((await lead.get('/api/follow-ups')).json().map((f: { id: string }) => f.id)).toContain(a.id);
    expect((await dpo.get('/api/follow-ups')).statusCode).toBe(403);
  });
});
