import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDetail, ExitResultsBody } from '../../contracts/clients';
import { clients } from '../db/schema';
import { addDays, addMonths, todayInGermany } from '../lib/calendar';
import { auditTrail, caseFile, type Json, ok, openCase, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let aylin: Session;
let jonas: Session;
let lead: Session;
let dpo: Session;

const today = todayInGermany();
const noResults = {
  exitRecordedOn: null,
  exitLabour: null,
  exitInEducation: null,
  exitQualificationGained: null,
  followUpRecordedOn: null,
  followUpEmployment: null,
};
const atExit = {
  exitRecordedOn: today,
  exitLabour: 'employed',
  exitInEducation: false,
  exitQualificationGained: true,
} as const;

beforeAll(async () => {
  t = await startTestApp();
  ({ aylin, jonas, lead, dpo } = await staff(t, ['aylin', 'jonas', 'lead', 'dpo']));
});
afterAll(() => t.close());

const move = async (s: Session, c: ClientDetail, body: Record<string, unknown>) =>
  ok<ClientDetail>(await s.post(`/api/clients/${c.id}/stage`, { version: c.version, ...body }));
const close = (s: Session, c: ClientDetail) => move(s, c, { to: 'closed', outcome: 'employed_matching' });
const reopen = (s: Session, c: ClientDetail) => move(s, c, { to: 'job_search', reason: 'Stelle verloren' });
const record = (s: Session, c: ClientDetail, body: Partial<ExitResultsBody>) =>
  s.put(`/api/clients/${c.id}/exit-results`, { ...noResults, version: c.version, ...body });

type Step = { text: string; dueDate: string; doneAt: string | null; owner: { id: string } | null } & Json;
const openSteps = async (c: ClientDetail): Promise<Step[]> =>
  ((await caseFile(lead, c.id)).plan.steps as Step[]).filter((s) => !s.doneAt);

/** The 400 names the field, and the case is as it was. */
async function refused(s: Session, c: ClientDetail, body: Partial<ExitResultsBody>, field: string) {
  const res = await record(s, c, body);
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
  const now = (await caseFile(s, c.id)).client;
  expect(now.version).toBe(c.version);
  expect(now.exitLabour).toBe(c.exitLabour);
  expect(now.followUpEmployment).toBe(c.followUpEmployment);
}

describe('employment status at entry', () => {
  it('is saved with the person data, offers no answer, and reads back', async () => {
    const c = await openCase(aylin, {
      employmentStatusAtEntry: 'long_term_unemployed',
      benefits: 'no_answer',
    });
    expect(c.employmentStatusAtEntry).toBe('long_term_unemployed');
    expect(c.benefits).toBe('no_answer');
    const changed = ok<ClientDetail>(
      await aylin.patch(`/api/clients/${c.id}`, { version: c.version, employmentStatusAtEntry: 'no_answer' }),
    );
    expect((await caseFile(aylin, c.id)).client.employmentStatusAtEntry).toBe('no_answer');
    // Other person data changes leave it alone.
    await aylin.patch(`/api/clients/${c.id}`, { version: changed.version, phone: '0681 1' });
    expect((await caseFile(aylin, c.id)).client.employmentStatusAtEntry).toBe('no_answer');
    const bad = await aylin.patch(`/api/clients/${c.id}`, {
      version: c.version + 2,
      employmentStatusAtEntry: 'retired',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('employmentStatusAtEntry');
  });
});

describe('closing a case', () => {
  it('plans, for the owner, the results at exit in four weeks and the employment in six months', async () => {
    let c = await openCase(aylin);
    c = await close(lead, c);
    expect(c.closedOn).toBe(today);
    const steps = await openSteps(c);
    expect(steps.map((s) => [s.text, s.dueDate, s.owner?.id])).toEqual([
      ['Ergebnisse bis 4 Wochen nach Austritt erfragen (ESF)', addDays(today, 28), aylin.user.id],
      ['Verbleib 6 Monate nach Austritt erfragen (ESF)', addMonths(today, 6), aylin.user.id],
    ]);
  });

  it('plans them once: closed, reopened and closed again still has one open step of each', async () => {
    let c = await openCase(aylin);
    c = await close(aylin, c);
    c = await reopen(aylin, c);
    expect(c.closedOn).toBeNull();
    c = await close(aylin, c);
    const texts = (await openSteps(c)).map((s) => s.text).sort();
    expect(texts).toEqual([
      'Ergebnisse bis 4 Wochen nach Austritt erfragen (ESF)',
      'Verbleib 6 Monate nach Austritt erfragen (ESF)',
    ]);
  });

  it('does not ask again for results recorded since this closing, and recording them completes the step', async () => {
    let c = await openCase(aylin);
    c = await close(aylin, c);
    c = ok<ClientDetail>(await record(aylin, c, atExit));
    expect((await openSteps(c)).map((s) => s.text)).toEqual([
      'Verbleib 6 Monate nach Austritt erfragen (ESF)',
    ]);
    c = await reopen(aylin, c);
    c = await close(aylin, c);
    expect((await openSteps(c)).map((s) => s.text)).toEqual([
      'Verbleib 6 Monate nach Austritt erfragen (ESF)',
    ]);
  });

  it('writes the steps in the language of the owner', async () => {
    ok(await jonas.patch('/api/auth/me', { language: 'en' }));
    let c = await openCase(jonas);
    c = await close(lead, c);
    expect((await openSteps(c)).map((s) => s.text)).toEqual([
      'Ask the results within 4 weeks of leaving (ESF)',
      'Ask about employment 6 months after leaving (ESF)',
    ]);
  });

  it('keeps the planned steps on the dashboard, but not the steps left open before closing', async () => {
    let c = await openCase(aylin);
    const before = ok<Step>(
      await aylin.post(`/api/clients/${c.id}/steps`, { text: 'Vor dem Abschluss', dueDate: today }),
    );
    c = await close(aylin, c);
    const results = (await openSteps(c)).find((s) => s.text.startsWith('Ergebnisse'));
    ok(
      await aylin.patch(`/api/clients/${c.id}/steps/${results?.id}`, {
        version: results?.version,
        dueDate: addDays(today, 3),
      }),
    );
    const due = ok<{ items: { id: string }[] }>(await aylin.get('/api/dashboard/steps?limit=100'));
    const ids = due.items.map((s) => s.id);
    expect(ids).toContain(results?.id);
    expect(ids).not.toContain(before.id);
  });
});

describe('results at exit and six months later', () => {
  it('are saved and read back for a closed case, and audited by field', async () => {
    let c = await openCase(aylin);
    c = await close(aylin, c);
    const saved = ok<ClientDetail>(
      await record(aylin, c, { ...atExit, followUpRecordedOn: today, followUpEmployment: 'employed_below' }),
    );
    expect(saved.version).toBe(c.version + 1);
    const read = (await caseFile(aylin, c.id)).client;
    expect(read).toMatchObject({
      ...atExit,
      followUpRecordedOn: today,
      followUpEmployment: 'employed_below',
    });
    const trail = await auditTrail(dpo, { action: 'client.updated', subjectId: c.id });
    const entry = trail.items[0];
    expect(entry?.details).toEqual({
      fields: [
        'exitRecordedOn',
        'exitLabour',
        'exitInEducation',
        'exitQualificationGained',
        'followUpRecordedOn',
        'followUpEmployment',
      ],
    });
    // A stale version is a conflict, not an overwrite.
    expect((await record(aylin, c, { ...atExit, exitLabour: 'neither' })).statusCode).toBe(409);
    // Cleared again: every answer may be taken back.
    const cleared = ok<ClientDetail>(await record(aylin, saved, {}));
    expect(cleared).toMatchObject(noResults);
  });

  it('are refused, naming the field, where they do not fit the case', async () => {
    let open = await openCase(aylin);
    await refused(aylin, open, atExit, 'exitRecordedOn');
    await refused(aylin, open, { followUpEmployment: 'not_employed' }, 'followUpEmployment');
    open = await close(aylin, open);
    const c = open;
    await refused(aylin, c, { ...atExit, exitRecordedOn: null }, 'exitRecordedOn');
    await refused(aylin, c, { ...atExit, exitRecordedOn: addDays(today, 1) }, 'exitRecordedOn');
    await refused(aylin, c, { ...atExit, exitLabour: null }, 'exitLabour');
    await refused(aylin, c, { ...atExit, exitLabour: 'employed_and_job_seeking' as never }, 'exitLabour');
    await refused(aylin, c, { ...atExit, exitInEducation: null }, 'exitInEducation');
    await refused(aylin, c, { followUpEmployment: 'employed_matching' }, 'followUpRecordedOn');
    await refused(aylin, c, { followUpRecordedOn: today }, 'followUpEmployment');
    // Asked before the case was closed: the closing was ten days ago.
    await t.ctx.db
      .update(clients)
      .set({ closedAt: new Date(Date.now() - 10 * 86_400_000) })
      .where(eq(clients.id, c.id));
    const tenDaysAgo = (await caseFile(aylin, c.id)).client.closedOn;
    await refused(aylin, c, { ...atExit, exitRecordedOn: addDays(tenDaysAgo, -1) }, 'exitRecordedOn');
    await refused(
      aylin,
      c,
      { followUpRecordedOn: addDays(tenDaysAgo, -1), followUpEmployment: 'not_employed' },
      'followUpRecordedOn',
    );
    ok(await record(aylin, c, { ...atExit, exitRecordedOn: tenDaysAgo }));
  });

  it('are the case’s: a colleague who does not see it gets 404', async () => {
    let c = await openCase(aylin);
    c = await close(aylin, c);
    expect((await record(jonas, c, atExit)).statusCode).toBe(404);
  });
});
