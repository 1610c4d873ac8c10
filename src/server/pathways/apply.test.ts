import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Acquisition } from '../../contracts/measures';
import type { Pathway, PathwayApplied, PathwayOffer } from '../../contracts/pathways';
import { nextSteps, objectives } from '../db/schema';
import {
  auditTrail,
  caseFile,
  measure,
  occupationId,
  ok,
  openCase,
  outsider,
  sectorId,
  staff,
} from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { nursesPathway } from '../testing/pathways';

let t: TestApp;
let lead: Session;
let aylin: Session;
let jonas: Session;
let admin: Session;
let stranger: Session;
let nurse: string;
let engineer: string;
let adaptation: string;
let examPreparation: string;
let pathway: Pathway;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, jonas, admin } = await staff(t, ['lead', 'aylin', 'jonas', 'admin']));
  stranger = await outsider(t);
  nurse = await occupationId(lead, 'pflegefach');
  engineer = await occupationId(lead, 'bauingenieur');
  const m = (title: string, type: 'adaptation_qualification' | 'exam_preparation') =>
    measure(lead, { title, type, occupationIds: [nurse] });
  adaptation = (await m('Anpassungslehrgang Pflege', 'adaptation_qualification')).id;
  // Not named by the pathway: the case's matching suggests it for the language step (same word).
  examPreparation = (await m('Vorbereitung Fachsprachprüfung Pflege', 'exam_preparation')).id;
  const ids = {
    sectorId: await sectorId(lead, 'Gesundheit und Pflege'),
    occupationId: nurse,
    adaptationId: adaptation,
  };
  pathway = ok<Pathway>(await lead.post('/api/pathways', nursesPathway(ids, { description: null })));
});
afterAll(() => t.close());

/** A case of Aylin's with a qualification of this reference occupation. */
async function caseOf(occupation: string) {
  const c = await openCase(aylin);
  ok(
    await aylin.post(`/api/clients/${c.id}/qualifications`, {
      titleOriginal: 'Degree',
      country: 'PH',
      kind: 'academic',
      referenceOccupationId: occupation,
    }),
  );
  return c.id;
}

const offers = async (s: Session, id: string) =>
  ok<PathwayOffer[]>(await s.get(`/api/clients/${id}/pathways`));
const apply = (s: Session, id: string, body: Record<string, unknown> = {}) =>
  s.post(`/api/clients/${id}/pathways/${pathway.id}/apply`, { version: pathway.version, ...body });

describe('a pathway in a case’s plan', () => {
  it('is offered to a nurse case with the measures that fit its steps, not to an engineer case', async () => {
    const [offer] = await offers(aylin, await caseOf(nurse));
    expect(offer).toMatchObject({ id: pathway.id, following: null, matchedOccupations: [{ id: nurse }] });
    const measureIds = offer?.steps.map((s) => s.measures.map((m) => `${m.id}:${m.source}`));
    expect(measureIds).toEqual([[], [`${adaptation}:pathway`], [`${examPreparation}:suggested`]]);
    expect(await offers(aylin, await caseOf(engineer))).toEqual([]);
    // A procedure's reference occupation counts as well as a qualification's.
    const c = await openCase(aylin);
    ok(
      await aylin.post(`/api/clients/${c.id}/procedures`, {
        type: 'recognition',
        referenceOccupationId: nurse,
        authorityName: 'Landesamt für Soziales',
      }),
    );
    expect((await offers(aylin, c.id)).map((o) => o.id)).toEqual([pathway.id]);
  });

  it('is applied in one click: an objective and its steps with the pathway and due dates', async () => {
    const id = await caseOf(nurse);
    const applied = ok<PathwayApplied>(
      await apply(aylin, id, { startDate: '2026-03-02', measureIds: [adaptation, examPreparation] }),
    );
    expect(applied).toMatchObject({
      targetDate: '2026-12-07',
      proposedMeasureIds: [adaptation, examPreparation],
    });
    const [objective] = await t.ctx.db
      .select()
      .from(objectives)
      .where(eq(objectives.id, applied.objectiveId));
    expect(objective).toMatchObject({
      text: pathway.title,
      pathwayId: pathway.id,
      status: 'open',
      clientId: id,
    });
    const steps = await t.ctx.db
      .select()
      .from(nextSteps)
      .where(and(eq(nextSteps.clientId, id), eq(nextSteps.pathwayId, pathway.id)));
    expect(
      steps
        .map((s) => [s.text, s.dueDate, s.ownerNote, s.objectiveId])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual([
      ['Anerkennungsverfahren beim Landesamt einleiten', '2026-03-30', 'Beratungsstelle', objective?.id],
      ['Fachsprachprüfung ablegen', '2026-08-31', '€ Agentur für Arbeit', objective?.id],
      [
        'Anpassungslehrgang absolvieren',
        '2026-12-07',
        'Pflegeschule Saarbrücken · € Jobcenter',
        objective?.id,
      ],
    ]);
    // The case file shows them in the plan.
    const file = await caseFile(aylin, id);
    expect(file.plan.objectives.map((o: { text: string }) => o.text)).toEqual([pathway.title]);
    expect(file.plan.steps).toHaveLength(3);
  });

  it('proposes the ticked measures, says from then on that the case follows it, and is audited', async () => {
    const id = await caseOf(nurse);
    const applied = ok<PathwayApplied>(await apply(aylin, id, { measureIds: [adaptation, examPreparation] }));
    const file = await caseFile(aylin, id);
    const acquisitions = file.network.acquisitions as Acquisition[];
    expect(acquisitions.map((a) => [a.measure.id, a.status]).sort()).toEqual(
      [
        [adaptation, 'proposed'],
        [examPreparation, 'proposed'],
      ].sort(),
    );
    const [offer] = await offers(aylin, id);
    expect(offer?.following).toMatchObject({
      objectiveId: applied.objectiveId,
      status: 'open',
      stepsDone: 0,
      steps: 3,
    });
    expect(offer?.steps[1]?.measures[0]).toMatchObject({ id: adaptation, onCase: true });
    const trail = await auditTrail(admin, { action: 'pathway.applied', subjectId: id });
    // Audited once, naming the pathway, the objective and the number of steps.
    const audited = trail.items.map((e) => [e.entityLabel, e.details?.objectiveId, e.details?.steps]);
    expect(audited).toEqual([[pathway.title, applied.objectiveId, 3]]);
  });

  it('starts today when no date is given, and proposes only what was ticked', async () => {
    const id = await caseOf(nurse);
    const applied = ok<PathwayApplied>(await apply(aylin, id));
    expect(applied.proposedMeasureIds).toEqual([]);
    expect(applied.stepIds).toHaveLength(3);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 280);
    expect(applied.targetDate).toBe(due.toISOString().slice(0, 10));
    expect((await caseFile(aylin, id)).network.acquisitions).toEqual([]);
  });

  it('is applied once while its objective is open; again after it was dropped', async () => {
    const id = await caseOf(nurse);
    // Two clicks at once: one applies, the other finds it applied.
    const both = await Promise.all([apply(aylin, id), apply(aylin, id)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [first] = both.filter((r) => r.statusCode === 200).map((r) => ok<PathwayApplied>(r));
    const twice = await apply(aylin, id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('duplicate');
    const [objective] = (await caseFile(aylin, id)).plan.objectives;
    ok(
      await aylin.patch(`/api/clients/${id}/objectives/${first?.objectiveId}`, {
        version: objective.version,
        status: 'dropped',
      }),
    );
    expect((await apply(aylin, id)).statusCode).toBe(200);
    // The list counts the cases that follow it, never naming them.
    expect(ok<Pathway>(await lead.get(`/api/pathways/${pathway.id}`)).followers).toBeGreaterThanOrEqual(1);
  });

  it('is refused on a case the caller may not open, with a stale version, or an unknown measure', async () => {
    const id = await caseOf(nurse);
    for (const s of [jonas, stranger]) {
      expect((await s.get(`/api/clients/${id}/pathways`)).statusCode).toBe(404);
      expect((await apply(s, id)).statusCode).toBe(404);
    }
    expect((await apply(aylin, id, { version: pathway.version + 1 })).json().error.code).toBe(
      'version_conflict',
    );
    const foreign = await apply(aylin, id, { measureIds: ['6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b'] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual([expect.objectContaining({ path: 'measureIds.0' })]);
    // Nothing of a refused apply stays behind.
    expect((await caseFile(aylin, id)).plan.objectives).toEqual([]);
    expect((await lead.get(`/api/clients/${id}/pathways`)).statusCode).toBe(200);
  });
});
