import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../contracts/clients';
import { notifications, occupations, outbox } from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { required } from '../lib/required';
import { caseFile, consent, type Json, member, openCase, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let organisationId: string;
let aylin: Session;
let jonas: Session;
let jonasId: string;
let nurse: string;

beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['aylin', 'jonas']);
  ({ aylin, jonas } = team);
  organisationId = team.organisation.id;
  jonasId = jonas.user.id;
  // The built-in nurse occupation by its code, not by what a search ranks first.
  const [o] = await t.ctx.db.select().from(occupations).where(eq(occupations.code, '81302'));
  nurse = required(o, 'the built-in nurse occupation').id;
});
afterAll(() => t.close());

describe('qualification profile and recognition', () => {
  let c: ClientDetail;
  let qualificationId: string;

  it('keeps qualifications with a reference occupation', async () => {
    c = await openCase(aylin);
    const q = await aylin.post(`/api/clients/${c.id}/qualifications`, {
      titleOriginal: 'بكالوريوس تمريض',
      titleTranslation: 'Bachelor of Nursing',
      country: 'SY',
      institution: 'Damascus University',
      anabinStatus: 'h_plus',
      year: 2012,
      iscedLevel: 6,
      kind: 'academic',
      referenceOccupationId: nurse,
      regulated: true,
      law: 'federal',
    });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().referenceOccupation.code).toBe('81302');
    qualificationId = q.json().id;
  });

  it('computes the decision deadline of a procedure, moved by an extension and pauses', async () => {
    const p = await aylin.post(`/api/clients/${c.id}/procedures`, {
      type: 'recognition',
      qualificationId,
      referenceOccupationId: nurse,
      authorityName: 'Landesamt für Soziales, Saarbrücken',
      submittedOn: '2026-01-15',
      documentsCompleteOn: '2026-02-03',
      checklist: [{ kind: 'certificate', present: true, certifiedCopy: true, translated: false }],
    });
    expect(p.statusCode, p.body).toBe(200);
    // 3 months after 2026-02-03 is Sunday 2026-05-03: due on Monday.
    expect(p.json()).toMatchObject({
      decisionDueOn: '2026-05-04',
      outcome: 'pending',
      qualificationTitle: 'بكالوريوس تمريض',
    });

    const paused = await aylin.patch(`/api/clients/${c.id}/procedures/${p.json().id}`, {
      version: p.json().version,
      extensionMonths: 1,
      suspensions: [{ from: '2026-02-10', to: '2026-02-19' }],
    });
    expect(paused.json().decisionDueOn).toBe('2026-06-15');

    const decided = await aylin.patch(`/api/clients/${c.id}/procedures/${p.json().id}`, {
      version: paused.json().version,
      decidedOn: '2026-06-01',
      outcome: 'compensation_required',
      substantialDifferences: 'Praxiseinsätze in der Langzeitpflege fehlen',
      compensationMeasure: 'knowledge_test',
    });
    expect(decided.json()).toMatchObject({ outcome: 'compensation_required', overdue: false });
  });

  it('carries what is known forward: regulated from the occupation, the occupation from the qualification', async () => {
    const c = await openCase(aylin);
    const q = await aylin.post(`/api/clients/${c.id}/qualifications`, {
      titleOriginal: 'Диплом медсестри',
      country: 'UA',
      kind: 'vocational',
      referenceOccupationId: nurse,
    });
    expect(q.json()).toMatchObject({ regulated: true });
    const said = await aylin.post(`/api/clients/${c.id}/qualifications`, {
      titleOriginal: 'Nursing assistant',
      country: 'UA',
      kind: 'vocational',
      referenceOccupationId: nurse,
      regulated: false,
    });
    expect(said.json().regulated).toBe(false);

    const p = await aylin.post(`/api/clients/${c.id}/procedures`, {
      type: 'recognition',
      qualificationId: q.json().id,
    });
    expect(p.json().referenceOccupation.code).toBe('81302');
    // A named "none" on a change is the user's choice, not a gap to fill.
    const cleared = await aylin.patch(`/api/clients/${c.id}/procedures/${p.json().id}`, {
      version: p.json().version,
      qualificationId: q.json().id,
      referenceOccupationId: null,
    });
    expect(cleared.json().referenceOccupation).toBeNull();
  });

  it('flags an overdue decision and refuses references to other cases', async () => {
    const c = await openCase(aylin);
    const old = await aylin.post(`/api/clients/${c.id}/procedures`, {
      type: 'zab',
      documentsCompleteOn: '2025-01-06',
    });
    expect(old.json().overdue).toBe(true);
    const other = await openCase(aylin);
    const q = (
      await aylin.post(`/api/clients/${other.id}/qualifications`, {
        titleOriginal: 'Diplom',
        country: 'UA',
        kind: 'academic',
      })
    ).json();
    const wrong = await aylin.post(`/api/clients/${c.id}/procedures`, {
      type: 'recognition',
      qualificationId: q.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('qualificationId');
    const dash = (await aylin.get('/api/dashboard')).json();
    expect(dash.overdueDecisions.map((d: { clientId: string }) => d.clientId)).toContain(c.id);
  });

  it('keeps language skills with CEFR level and filters the list by them', async () => {
    const c = await openCase(aylin, { familyName: 'Levelled' });
    const l = await aylin.post(`/api/clients/${c.id}/languages`, {
      language: 'deu',
      level: 'B2',
      speaking: 'C1',
      evidence: 'telc',
      assessedOn: '2025-11-20',
    });
    expect(l.statusCode, l.body).toBe(200);
    const b2 = (await aylin.get('/api/clients?language=deu&minLevel=B2'))
      .json()
      .items.map((i: { id: string }) => i.id);
    const c1 = (await aylin.get('/api/clients?language=deu&minLevel=C1'))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(b2).toContain(c.id);
    expect(c1).not.toContain(c.id);
    const bad = await aylin.post(`/api/clients/${c.id}/languages`, { language: 'German', level: 'B5' });
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['language', 'level']);
  });
});

describe('plan, contacts and residence on the dashboard', () => {
  let c: ClientDetail;
  let overdue: Json;
  const today = todayInGermany();
  beforeAll(async () => {
    c = await openCase(aylin);
  });

  it('lists due and overdue steps and expiring residence titles', async () => {
    overdue = (
      await aylin.post(`/api/clients/${c.id}/steps`, {
        text: 'Übersetzungen beauftragen',
        dueDate: addDays(today, -3),
      })
    ).json();
    expect(overdue.overdue).toBe(true);
    await aylin.post(`/api/clients/${c.id}/steps`, { text: 'Later', dueDate: addDays(today, 60) });
    await aylin.post(`/api/clients/${c.id}/residence`, {
      legalBasis: '§16d Abs. 1 AufenthG',
      validFrom: '2025-06-01',
      validUntil: addDays(today, 30),
    });
    const dash = (await aylin.get('/api/dashboard')).json();
    const due = (await aylin.get('/api/dashboard/steps?limit=100')).json();
    expect(due.items.map((s: { text: string }) => s.text)).toContain('Übersetzungen beauftragen');
    expect(due.items.map((s: { text: string }) => s.text)).not.toContain('Later');
    expect(dash.residence.map((r: { clientId: string }) => r.clientId)).toContain(c.id);
    expect(
      (await aylin.get('/api/clients?overdueSteps=true')).json().items.map((i: { id: string }) => i.id),
    ).toContain(c.id);
  });

  it('takes a step that is done off the overdue ones', async () => {
    const done = await aylin.patch(`/api/clients/${c.id}/steps/${overdue.id}`, {
      version: overdue.version,
      done: true,
    });
    expect(done.json().doneAt).not.toBeNull();
    expect(done.json().overdue).toBe(false);
  });

  it('records a counselling session with who held it, never one in the future', async () => {
    const future = await aylin.post(`/api/clients/${c.id}/contacts`, {
      kind: 'session',
      occurredOn: addDays(today, 2),
    });
    expect(future.statusCode).toBe(400);
    const session = await aylin.post(`/api/clients/${c.id}/contacts`, {
      kind: 'session',
      occurredOn: today,
      sessionType: 'first',
      channel: 'in_person',
      durationMinutes: 60,
      interpreter: true,
      summary: 'Erstgespräch mit Dolmetscherin',
    });
    expect(session.json()).toMatchObject({ by: 'Aylin Demir', interpreter: true });
  });
});

describe('case workflow', () => {
  it('moves forward freely, back only with a reason, and closes only with an outcome; the timeline shows it', async () => {
    let c = await openCase(aylin);
    const move = async (body: Record<string, unknown>) =>
      aylin.post(`/api/clients/${c.id}/stage`, { version: c.version, ...body });
    let r = await move({ to: 'planning' });
    expect(r.statusCode).toBe(200);
    c = r.json();
    expect((await move({ to: 'profiling' })).json().error.fields[0].path).toBe('reason');
    r = await move({ to: 'profiling', reason: 'Zeugnisse fehlen noch' });
    c = r.json();
    expect(c.stage).toBe('profiling');
    expect((await move({ to: 'closed' })).json().error.fields[0].path).toBe('outcome');
    r = await move({ to: 'closed', outcome: 'employed_matching' });
    c = r.json();
    expect(c).toMatchObject({ stage: 'closed', closingOutcome: 'employed_matching' });
    const cf = await caseFile(aylin, c.id);
    expect(cf.stageHistory.map((s: { to: string }) => s.to)).toEqual([
      'intake',
      'planning',
      'profiling',
      'closed',
    ]);
    expect(cf.timeline.filter((e: { kind: string }) => e.kind === 'stage')).toHaveLength(4);
    // Closed cases leave the default list.
    expect((await aylin.get('/api/clients')).json().items.map((i: { id: string }) => i.id)).not.toContain(
      c.id,
    );
    expect(
      (await aylin.get('/api/clients?includeClosed=true')).json().items.map((i: { id: string }) => i.id),
    ).toContain(c.id);
  });

  it('hands a case over with a note, notifies the new owner and keeps the previous one on the case', async () => {
    const c = await openCase(aylin);
    const r = await aylin.post(`/api/clients/${c.id}/handover`, {
      toUserId: jonasId,
      note: 'Bitte Termin bei der IHK FOSA',
      version: c.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().owner.name).toBe('Jonas Becker');
    expect(r.json().counsellors.map((u: { name: string }) => u.name)).toEqual(['Aylin Demir']);
    const notes = (await jonas.get('/api/notifications')).json();
    expect(notes[0].message).toContain(c.caseCode);
    expect(notes[0].message).toContain('IHK FOSA');
    const mails = await t.ctx.db.select().from(outbox).where(eq(outbox.organisationId, organisationId));
    const mail = required(
      mails.find((m) => m.subject.includes(c.caseCode)),
      'the handover mail',
    );
    // Client names do not travel by e-mail.
    expect(mail.textBody).not.toContain(c.familyName);
    const again = await jonas.post(`/api/clients/${c.id}/handover`, {
      toUserId: jonasId,
      version: r.json().version,
    });
    expect(again.statusCode).toBe(400);
    const [n] = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, jonasId));
    expect(n?.clientId).toBe(c.id);
  });

  it('lets only a project lead reassign cases in bulk', async () => {
    const a = await openCase(aylin);
    const b = await openCase(aylin);
    const denied = await aylin.post('/api/clients/reassign', { clientIds: [a.id, b.id], toUserId: jonasId });
    expect(denied.statusCode).toBe(403);
    const lead = await member(t, organisationId, ['lead']);
    const moved = await lead.post('/api/clients/reassign', {
      clientIds: [a.id, b.id],
      toUserId: jonasId,
      note: 'Elternzeit',
    });
    expect(moved.json()).toEqual({ moved: 2 });
    expect((await caseFile(jonas, a.id)).client.owner.name).toBe('Jonas Becker');
    expect((await aylin.get(`/api/clients/${a.id}`)).statusCode).toBe(404);
  });
});

describe('consent', () => {
  it('shows what may be shared with whom now; a withdrawal takes effect at once', async () => {
    const c = await openCase(aylin);
    const blanket = await aylin.post(`/api/clients/${c.id}/consents`, {
      purposes: ['institution_sharing'],
      givenOn: '2026-01-10',
    });
    expect(blanket.statusCode).toBe(400);
    expect(blanket.json().error.fields[0].path).toBe('institutions');
    const given = await consent(aylin, c.id, {
      purposes: ['counselling_record', 'conference_sharing', 'institution_sharing'],
      institutions: ['Jobcenter Saarbrücken', 'IHK Saarland'],
      dataCategories: ['qualifications', 'recognition', 'language'],
      scope: 'identified',
      formLanguage: 'eng',
      givenOn: '2026-01-10',
      validUntil: '2027-01-09',
    });
    const sharing = given.sharing;
    expect(sharing.conferences).toEqual({ allowed: true, scope: 'identified' });
    expect(sharing.institutions.map((i: { name: string }) => i.name)).toEqual([
      'Jobcenter Saarbrücken',
      'IHK Saarland',
    ]);
    const id = given.consents[0]?.id;
    const w = await aylin.post(`/api/clients/${c.id}/consents/${id}/withdraw`);
    expect(w.json().sharing).toMatchObject({
      counsellingRecord: false,
      conferences: { allowed: false, scope: null },
      institutions: [],
    });
    expect(w.json().consents[0].active).toBe(false);
    expect((await aylin.post(`/api/clients/${c.id}/consents/${id}/withdraw`)).statusCode).toBe(409);
  });

  it('prints a pre-filled consent form as PDF', async () => {
    const c = await openCase(aylin, { givenNamesOriginal: 'فاطمة' });
    const res = await aylin.get(
      `/api/clients/${c.id}/consent-form?language=en&purposes=conference_sharing&institutions=Jobcenter%20Saarbr%C3%BCcken`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-disposition']).toContain(`Consent-${c.caseCode}.pdf`);
    expect((await jonas.get(`/api/clients/${c.id}/consent-form`)).statusCode).toBe(404);
  });
});
