import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../contracts/clients';
import type { Acquisition, Measure, Placement } from '../../contracts/measures';
import type { Institution, Opportunity } from '../../contracts/network';
import {
  type AcquisitionChange,
  acquire,
  auditTrail,
  caseFile,
  changeAcquisition,
  changed,
  changePlacement,
  consent,
  employerConsent,
  institution,
  measure,
  occupationId,
  offer,
  ok,
  openCase,
  outsider,
  sectorId,
  staff,
  suggest,
} from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let jonas: Session;
let dpo: Session;
let stranger: Session;

let health: string;
let it_: string;
let nurse: string;
let provider: Institution;
let jobcentre: Institution;
let clinic: Institution;
let bakery: Institution;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, jonas, dpo } = await staff(t, ['lead', 'aylin', 'jonas', 'dpo']));
  stranger = await outsider(t);
  health = await sectorId(aylin, 'Gesundheit und Pflege');
  it_ = await sectorId(aylin, 'IT');
  nurse = await occupationId(aylin, 'pflegefach');
  provider = await institution(aylin, {
    name: 'Pflegeakademie Saar',
    type: 'training_provider',
    district: '10041',
  });
  jobcentre = await institution(aylin, { name: 'Jobcenter Saarbrücken', type: 'job_centre' });
  clinic = await institution(aylin, { name: 'Klinikum Saarbrücken' });
  bakery = await institution(aylin, { name: 'Bäckerei Klein' });
});
afterAll(() => t.close());

/** A nurse from abroad at B1 German, in the health sector, with a deficit notice asking for an adaptation period. */
async function nurseCase(s: Session, name: string, german: string | null = 'B1') {
  const c = await openCase(s, {
    givenNames: name,
    familyName: 'Nurse',
    intakeDate: '2026-09-01',
    sectorId: health,
    district: '10041',
    benefits: 'sgb2',
  });
  if (german) ok(await s.post(`/api/clients/${c.id}/languages`, { language: 'deu', level: german }));
  ok(
    await s.post(`/api/clients/${c.id}/qualifications`, {
      titleOriginal: 'Bachelor of Science in Nursing',
      country: 'PH',
      kind: 'academic',
      referenceOccupationId: nurse,
    }),
  );
  ok(
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

/** The adaptation course the catalogue tests add: the best fit for every nurse case. */
const adaptationCourse = async (): Promise<string> =>
  (await aylin.get('/api/measures?q=anpassungslehrgang')).json().items[0].id;

const measureIds = (list: { measure: { id: string } }[]) => list.map((x) => x.measure.id);

describe('the measures catalogue', () => {
  let m: Measure;

  it('keeps measures with provider, sectors, occupations, funders and language levels', async () => {
    m = await measure(aylin, {
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
    });
    expect(m.provider).toEqual({ id: provider.id, name: 'Pflegeakademie Saar', type: 'training_provider' });
    expect(m.occupations).toEqual([{ id: nurse, title: expect.stringMatching(/Pflegefach/) }]);
    expect(m.sectors).toEqual([{ id: health, name: 'Gesundheit und Pflege' }]);
  });

  it('names each invalid field, and refuses a provider of another organisation', async () => {
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
    const foreignProvider = await institution(stranger, { name: 'Fremd', type: 'training_provider' });
    const refused = await aylin.post('/api/measures', {
      title: 'X',
      type: 'coaching',
      providerId: foreignProvider.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('providerId');
  });

  it('changes only the fields sent, at the version seen', async () => {
    const edited = ok(await lead.patch(`/api/measures/${m.id}`, { version: m.version, capacity: 10 }));
    expect(edited.capacity).toBe(10);
    expect(edited.startDates).toEqual(['2027-01-11', '2027-04-12']);
    expect((await aylin.patch(`/api/measures/${m.id}`, { version: m.version, capacity: 1 })).statusCode).toBe(
      409,
    );
  });

  it('finds a measure without its accents; another organisation and the dpo do not see it', async () => {
    expect((await aylin.get('/api/measures?q=padiatrie')).json().items.map((x: Measure) => x.id)).toEqual([
      m.id,
    ]);
    expect((await stranger.get(`/api/measures/${m.id}`)).statusCode).toBe(404);
    expect((await dpo.get('/api/measures')).statusCode).toBe(403);
  });
});

describe('suggestions for a case', () => {
  let c: ClientDetail;
  let ids: Record<'adaptation' | 'german' | 'c1' | 'a2' | 'it' | 'otherField' | 'exam' | 'inactive', string>;
  beforeAll(async () => {
    c = await nurseCase(aylin, 'Maria');
    const add = async (body: Parameters<typeof measure>[1]) => (await measure(lead, body)).id;
    ids = {
      adaptation: await adaptationCourse(),
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
    await offer(aylin, clinic.id, {
      kind: 'internship',
      title: 'Anpassungszeit Station',
      occupationId: nurse,
      sectorId: health,
      district: '10041',
      minLanguageLevel: 'B1',
    });
    await offer(aylin, bakery.id, { kind: 'job', title: 'Bäcker/in', sectorId: it_ });
  });
  const suggestions = async () => (await aylin.get(`/api/clients/${c.id}/suggestions`)).json();
  const suggestion = (s: { measures: { measure: { id: string } }[] }, id: string) =>
    // biome-ignore lint/suspicious/noExplicitAny: reasons and warnings are read per test
    s.measures.find((x) => x.measure.id === id) as any;

  it('ranks measures by occupation, sector, the decision’s compensation and differences, German and funding, with reasons', async () => {
    const s = await suggestions();
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
    expect(suggestion(s, ids.german).reasons).toEqual(
      expect.arrayContaining([{ code: 'language_step', detail: 'B1 → B2' }]),
    );
    // The exam preparation fits the occupation but asks for B2: suggested with a warning, ranked lower.
    expect(suggestion(s, ids.exam).warnings).toEqual([{ code: 'language_below', detail: 'B2' }]);
    expect(titles.indexOf('Vorbereitung Kenntnisprüfung Pflege')).toBeGreaterThan(0);
  });

  it('leaves out what does not fit; a course above the client’s German comes with a warning', async () => {
    const s = await suggestions();
    // Not suggested: below the client's level, another sector (even when it prepares for the same
    // compensation measure), inactive; a C1 course needs B2 first.
    const all = measureIds(s.measures);
    for (const k of ['a2', 'it', 'otherField', 'inactive'] as const) expect(all).not.toContain(ids[k]);
    expect(suggestion(s, ids.c1).warnings).toEqual([{ code: 'language_below', detail: 'B2' }]);
  });

  it('with no German level recorded: says so, proposes no language course, and calls a prerequisite unknown, once', async () => {
    const unknown = await nurseCase(aylin, 'Unrecorded', null);
    const s = (await aylin.get(`/api/clients/${unknown.id}/suggestions`)).json();
    expect(s.germanLevelKnown).toBe(false);
    expect((await suggestions()).germanLevelKnown).toBe(true);
    // Courses for every level at once would contradict each other: none until the level is known.
    const all = measureIds(s.measures);
    for (const k of ['german', 'c1', 'a2'] as const) expect(all).not.toContain(ids[k]);
    expect(all).toContain(ids.adaptation);
    expect(suggestion(s, ids.exam).warnings).toEqual([{ code: 'language_unknown', detail: 'B2' }]);
    expect(s.opportunities[0].warnings).toEqual([{ code: 'language_unknown', detail: 'B1' }]);
    const codes = [...s.measures, ...s.opportunities].flatMap(
      (x: { reasons: { code: string }[]; warnings: { code: string }[] }) =>
        [...x.reasons, ...x.warnings].map((r) => r.code),
    );
    for (const code of ['language_below', 'language_ok', 'language_step']) expect(codes).not.toContain(code);
  });

  it('ranks employers’ offers by occupation, sector, German and district', async () => {
    const s = await suggestions();
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
    const trail = await auditTrail(dpo, { action: 'client.read', subjectId: c.id });
    expect(trail.items.some((e) => e.details?.part === 'suggestions')).toBe(true);
  });
});

describe('acquiring a measure for a client', () => {
  let c: ClientDetail;
  let measureId: string;
  let a: Acquisition;
  /** Moves Grace's measure on from the version last seen; a 200 answer becomes the version seen. */
  const move = async (change: AcquisitionChange) => {
    const res = await changeAcquisition(aylin, c.id, a, change);
    if (res.statusCode === 200) a = changed(res, a);
    return res;
  };
  beforeAll(async () => {
    c = await nurseCase(aylin, 'Grace');
    measureId = await adaptationCourse();
  });

  it('starts as proposed', async () => {
    const list = (
      await aylin.post(`/api/clients/${c.id}/measures`, { measureId, note: 'Platz ab Januar' })
    ).json();
    expect(list).toHaveLength(1);
    a = list[0];
    expect(a.status).toBe('proposed');
  });

  it('goes applied → funding requested → funded → started → completed, never back, never on from a final status', async () => {
    ok(await move({ status: 'applied' }));
    ok(await move({ status: 'funding_requested', funderId: jobcentre.id }));
    const noType = await move({ status: 'funded' });
    expect(noType.statusCode).toBe(400);
    expect(noType.json().error.fields[0].path).toBe('fundingType');
    ok(await move({ status: 'funded', fundingType: 'training_voucher', amountCents: 480000 }));
    const back = await move({ status: 'applied' });
    expect(back.statusCode).toBe(400);
    const dates = await move({ status: 'started', startDate: '2027-01-11', endDate: '2026-12-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.fields[0].path).toBe('endDate');
    ok(await move({ status: 'started', startDate: '2027-01-11' }));
    const stale = await changeAcquisition(
      aylin,
      c.id,
      { ...a, version: a.version - 1 },
      { status: 'dropped' },
    );
    expect(stale.statusCode).toBe(409);
    ok(
      await move({
        status: 'completed',
        endDate: '2027-07-09',
        outcomeNote: 'Bestanden; Anerkennung beantragt',
      }),
    );
    expect(a.history.map((h) => h.status)).toEqual([
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
  });

  it('shows on the timeline and in the involved institutions, and is no longer suggested', async () => {
    const file = await caseFile(aylin, c.id);
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
    const s = (await aylin.get(`/api/clients/${c.id}/suggestions`)).json();
    expect(measureIds(s.measures)).not.toContain(measureId);
  });

  it('is refused for a case the counsellor does not see and for another organisation’s measure', async () => {
    expect((await jonas.post(`/api/clients/${c.id}/measures`, { measureId })).statusCode).toBe(404);
    const foreign = await measure(stranger, { title: 'Fremd', type: 'coaching' });
    expect((await aylin.post(`/api/clients/${c.id}/measures`, { measureId: foreign.id })).statusCode).toBe(
      400,
    );
  });

  it('the institution lists the cases it is involved in, as far as the caller may see them', async () => {
    const other = await nurseCase(aylin, 'Institutsfall');
    const entry = await acquire(aylin, other.id, await adaptationCourse());
    ok(await changeAcquisition(aylin, other.id, entry, { funderId: jobcentre.id }));
    const cases = async (s: Session) => (await s.get(`/api/institutions/${jobcentre.id}/cases`)).json();
    const row = (await cases(aylin)).find((x: { client: { id: string } }) => x.client.id === other.id);
    expect(row.roles).toEqual(['funder']);
    expect(row.client.name).toBe('Institutsfall Nurse');
    // Another counsellor does not see Aylin's case; a lead does; staff without case work may not ask.
    const clientIds = (list: { client: { id: string } }[]) => list.map((x) => x.client.id);
    expect(clientIds(await cases(jonas))).not.toContain(other.id);
    expect(clientIds(await cases(lead))).toContain(other.id);
    expect((await dpo.get(`/api/institutions/${jobcentre.id}/cases`)).statusCode).toBe(403);
    expect((await stranger.get(`/api/institutions/${jobcentre.id}/cases`)).statusCode).toBe(404);
    const trail = await auditTrail(dpo, { action: 'client.searched' });
    expect(trail.items.some((e) => e.entityId === jobcentre.id)).toBe(true);
  });

  it('counts the places taken; a fully booked measure is still suggested, with a warning', async () => {
    const small = await measure(lead, {
      title: 'Praxisanleitung Pflege Kleingruppe',
      type: 'adaptation_qualification',
      occupationIds: [nurse],
      capacity: 1,
    });
    expect(small.participants).toBe(0);
    const first = await nurseCase(aylin, 'Erste');
    const entry = await acquire(aylin, first.id, small.id);
    // Proposed is not yet a place.
    expect((await aylin.get(`/api/measures/${small.id}`)).json().participants).toBe(0);
    ok(await changeAcquisition(aylin, first.id, entry, { status: 'funded', fundingType: 'self_paid' }));
    expect((await aylin.get(`/api/measures/${small.id}`)).json().participants).toBe(1);
    const second = await nurseCase(aylin, 'Zweite');
    const suggested = (await aylin.get(`/api/clients/${second.id}/suggestions`)).json();
    const full = suggested.measures.find((x: { measure: { id: string } }) => x.measure.id === small.id);
    expect(full.warnings).toContainEqual({ code: 'full', detail: '1/1' });
  });
});

describe('an employer’s offer for a client', () => {
  let c: ClientDetail;
  let internship: Opportunity;
  let p: Placement;
  const introduce = () => changePlacement(aylin, c.id, p, { status: 'introduced' });
  beforeAll(async () => {
    c = await nurseCase(aylin, 'Joy');
    internship = await offer(aylin, clinic.id, {
      kind: 'internship',
      title: 'Praktikum Intensivstation',
      occupationId: nurse,
      sectorId: health,
    });
  });

  it('is suggested for a case once', async () => {
    p = await suggest(aylin, c.id, internship.id);
    expect(p.status).toBe('suggested');
    expect(
      (await aylin.post(`/api/clients/${c.id}/opportunities`, { opportunityId: internship.id })).statusCode,
    ).toBe(409);
  });

  it('is not introduced without the client’s consent for this employer; one for another employer does not count', async () => {
    const blocked = await introduce();
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('consent_required');
    // A consent for another employer, or a withdrawn one, does not count.
    await consent(aylin, c.id, {
      purposes: ['employer_profile'],
      institutions: ['Bäckerei Klein'],
      dataCategories: ['qualifications'],
      givenOn: '2026-11-01',
    });
    expect((await introduce()).statusCode).toBe(403);
  });

  it('is introduced with that consent, and moves on to started with the employer’s feedback', async () => {
    await employerConsent(aylin, c.id, clinic.id, {
      dataCategories: ['qualifications', 'language'],
      givenOn: '2026-11-02',
    });
    const introduced = await introduce();
    expect(introduced.statusCode, introduced.body).toBe(200);
    p = changed(introduced, p);
    for (const status of ['interview', 'offer'] as const) {
      p = changed(await changePlacement(aylin, c.id, p, { status }), p);
    }
    const feedback = { status: 'started', employerFeedback: 'Sehr gute Fachkenntnisse' } as const;
    p = changed(await changePlacement(aylin, c.id, p, feedback), p);
    expect(p.status).toBe('started');
    expect(p.employerFeedback).toBe('Sehr gute Fachkenntnisse');
  });

  it('logs the disclosure in the case file, on its timeline and in the audit log', async () => {
    const file = await caseFile(aylin, c.id);
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
    const trail = await auditTrail(dpo, { action: 'client.disclosed', subjectId: c.id });
    expect(trail.items).toHaveLength(1);
  });

  it('counts a withdrawn consent as none', async () => {
    const ana = await nurseCase(aylin, 'Ana');
    const trial = await offer(aylin, clinic.id, {
      kind: 'trial_work',
      title: 'Probearbeit',
      sectorId: health,
    });
    await employerConsent(aylin, ana.id, clinic.id);
    const consentId = (await caseFile(aylin, ana.id)).consent.consents[0].id;
    ok(await aylin.post(`/api/clients/${ana.id}/consents/${consentId}/withdraw`, {}));
    const entry = await suggest(aylin, ana.id, trial.id);
    const res = await changePlacement(aylin, ana.id, entry, { status: 'introduced' });
    expect(res.json().error?.code).toBe('consent_required');
    // Declining needs no consent: nothing goes out.
    expect((await changePlacement(aylin, ana.id, entry, { status: 'declined' })).statusCode).toBe(200);
  });
});

describe('withdrawing a consent after a disclosure', () => {
  it('puts a step in the plan to tell each recipient, due in a week', async () => {
    const c = await nurseCase(aylin, 'Widerruf');
    const job = await offer(aylin, clinic.id, { kind: 'job', title: 'Stelle Widerruf' });
    await employerConsent(aylin, c.id, clinic.id);
    const entry = await suggest(aylin, c.id, job.id);
    ok(await changePlacement(aylin, c.id, entry, { status: 'introduced' }));
    const before = await caseFile(aylin, c.id);
    const steps = before.plan.steps.length;
    ok(await aylin.post(`/api/clients/${c.id}/consents/${before.consent.consents[0].id}/withdraw`, {}));
    const after = await caseFile(aylin, c.id);
    expect(after.plan.steps).toHaveLength(steps + 1);
    const step = after.plan.steps.find((x: { text: string }) => x.text.includes('Klinikum Saarbrücken'));
    expect(step.text).toContain('Widerruf');
    expect(step.dueDate).toBeTruthy();
    // A consent that never sent anything out leaves the plan alone.
    const again = await consent(aylin, c.id, { purposes: ['counselling_record'], givenOn: '2026-11-01' });
    const unused = again.consents.find((x) => !x.withdrawnAt);
    ok(await aylin.post(`/api/clients/${c.id}/consents/${unused?.id}/withdraw`, {}));
    expect((await caseFile(aylin, c.id)).plan.steps).toHaveLength(steps + 1);
  });
});

describe('cases for an offer', () => {
  let night: Opportunity;
  let consenting: ClientDetail;
  let silent: ClientDetail;
  let jonasCase: ClientDetail;
  const candidates = (s: Session) => s.get(`/api/opportunities/${night.id}/candidates`);
  beforeAll(async () => {
    night = await offer(aylin, clinic.id, {
      kind: 'job',
      title: 'Pflegefachkraft Nachtdienst',
      occupationId: nurse,
      sectorId: health,
      district: '10041',
      minLanguageLevel: 'B2',
    });
    consenting = await nurseCase(aylin, 'Consenting');
    silent = await nurseCase(aylin, 'Silent');
    jonasCase = await nurseCase(jonas, 'Jonasclient');
    // Consents that name the employer as written, not by its directory entry.
    for (const [s, c] of [
      [aylin, consenting],
      [jonas, jonasCase],
    ] as const) {
      await consent(s, c.id, {
        purposes: ['employer_profile'],
        institutions: ['Klinikum Saarbrücken'],
        dataCategories: ['qualifications'],
        givenOn: '2026-11-01',
      });
    }
  });

  it('ranks the caller’s cases whose consent lets the profile go to this employer, with reasons', async () => {
    const mine = (await candidates(aylin)).json();
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
  });

  it('keeps a case already suggested in the list, with where it stands', async () => {
    await suggest(aylin, consenting.id, night.id);
    const again = (await candidates(aylin)).json();
    expect(again.find((x: { client: { id: string } }) => x.client.id === consenting.id).placement).toBe(
      'suggested',
    );
  });

  it('shows a lead every case; refuses the dpo and another organisation; logs the read', async () => {
    const all = (await candidates(lead)).json().map((x: { client: { name: string } }) => x.client.name);
    expect(all).toEqual(expect.arrayContaining(['Consenting Nurse', 'Jonasclient Nurse']));
    expect((await candidates(dpo)).statusCode).toBe(403);
    expect((await candidates(stranger)).statusCode).toBe(404);
    const trail = await auditTrail(dpo, { action: 'client.matched' });
    expect(trail.items.length).toBeGreaterThanOrEqual(2);
  });
});

describe('merging a duplicate institution', () => {
  let dup: Institution;
  let internship: Opportunity;
  let c: ClientDetail;
  let p: Placement;
  let body: { intoId: string; version: number };
  beforeAll(async () => {
    dup = await institution(aylin, {
      name: 'Klinik Saarbrücken (Dublette)',
      type: 'company',
      city: 'Saarbrücken',
      phone: '0681 555',
    });
    ok(await aylin.post(`/api/institutions/${dup.id}/contacts`, { name: 'Petra Doppelt' }));
    internship = await offer(aylin, dup.id, { kind: 'internship', title: 'Praktikum Dublette' });
    c = await nurseCase(aylin, 'Dublettenfall');
    await employerConsent(aylin, c.id, dup.id);
    p = await suggest(aylin, c.id, internship.id);
    const current = (await aylin.get(`/api/institutions/${dup.id}`)).json();
    body = { intoId: clinic.id, version: current.version };
  });

  it('is for admins and leads, never into itself, at the version seen', async () => {
    expect((await aylin.post(`/api/institutions/${dup.id}/merge`, body)).statusCode).toBe(403);
    expect(
      (await lead.post(`/api/institutions/${dup.id}/merge`, { ...body, intoId: dup.id })).statusCode,
    ).toBe(400);
    expect((await lead.post(`/api/institutions/${dup.id}/merge`, { ...body, version: 0 })).statusCode).toBe(
      409,
    );
    expect((await stranger.post(`/api/institutions/${dup.id}/merge`, body)).statusCode).toBe(404);
  });

  it('moves contact persons, offers, consents and case references to the one that stays, then removes the duplicate', async () => {
    const merged = ok(await lead.post(`/api/institutions/${dup.id}/merge`, body));
    expect(merged.id).toBe(clinic.id);
    expect((merged.contacts as { name: string }[]).map((x) => x.name)).toContain('Petra Doppelt');
    expect(merged.phone).toBe('0681 555');
    expect((await aylin.get(`/api/institutions/${dup.id}`)).statusCode).toBe(404);
    expect((await aylin.get(`/api/opportunities/${internship.id}`)).json().employer.id).toBe(clinic.id);
    // The consent named the duplicate: it now names the institution that stays, so the profile may go.
    const introduced = await changePlacement(aylin, c.id, p, { status: 'introduced' });
    expect(introduced.statusCode, introduced.body).toBe(200);
    const file = await caseFile(aylin, c.id);
    expect(file.network.disclosures[0].recipient).toBe('Klinikum Saarbrücken');
    const trail = await auditTrail(dpo, { action: 'network.changed' });
    expect(trail.items.some((e) => e.details?.merged === 'Klinik Saarbrücken (Dublette)')).toBe(true);
  });
});

describe('follow-ups', () => {
  it('lists measures waiting for funding and introductions waiting for the employer two weeks on, for the case’s counsellors', async () => {
    const c = await nurseCase(aylin, 'Wartefall');
    const entry = await acquire(aylin, c.id, await adaptationCourse());
    const a = changed(
      await changeAcquisition(aylin, c.id, entry, { status: 'funding_requested', funderId: jobcentre.id }),
      entry,
    );
    const waiting = async (s: Session) => ok<{ id: string }[]>(await s.get('/api/follow-ups'));
    // Asked today: nothing to follow up yet.
    expect((await waiting(aylin)).map((f) => f.id)).not.toContain(a.id);
    await t.ctx.db.execute(
      sql`UPDATE client_measures SET history = jsonb_set(history, '{-1,at}', to_jsonb((now() - interval '20 days')::text)) WHERE id = ${a.id}`,
    );
    const due = (await waiting(aylin)).find((f) => f.id === a.id);
    expect(due).toMatchObject({
      kind: 'measure',
      status: 'funding_requested',
      counterpart: 'Jobcenter Saarbrücken',
      client: { id: c.id },
    });
    expect((await waiting(jonas)).map((f) => f.id)).not.toContain(a.id);
    expect((await waiting(lead)).map((f) => f.id)).toContain(a.id);
    expect((await dpo.get('/api/follow-ups')).statusCode).toBe(403);
  });
});
