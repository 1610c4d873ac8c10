import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceReport } from '../../contracts/conference-report';
import { addDays, todayInGermany } from '../lib/calendar';
import { ok } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { expectedFigures, type ReportScenario, reportScenario } from '../testing/report-scenario';

let t: TestApp;
let s: ReportScenario;
const today = todayInGermany();
const report = async (who: Session, query: string) =>
  ok<ConferenceReport>(await who.get(`/api/conference-report${query}`));

beforeAll(async () => {
  t = await startTestApp();
  s = await reportScenario(t);
}, 120_000);
afterAll(async () => t?.close());

describe('the conference report', () => {
  it('counts the series: cases discussed, moved on, and commitments in every state, per institution', async () => {
    const r = await report(s.lead, `?seriesId=${s.seriesId}`);
    const want = expectedFigures(s, [s.a, s.b]);
    expect(r.scope).toMatchObject({
      kind: 'series',
      series: { id: s.seriesId, title: 'Pflege Saar' },
      to: today,
    });
    expect(r.empty).toBe(false);
    expect(r.totals).toEqual(want.totals);
    expect(r.commitmentsByInstitution).toEqual(want.commitmentsByInstitution);
    expect(r.casesByInstitution).toEqual(want.casesByInstitution);
    expect(r.conferences.map((c) => [c.title, c.casesDiscussed, c.casesMovedOn, c.commitmentsMade])).toEqual([
      ['Pflege Frühjahr', 2, 1, 5],
      ['Pflege Sommer', 2, 1, 3],
    ]);
  });

  it('counts a pathway: the cases following it, their steps done of all, and who completed every step', async () => {
    const r = await report(s.lead, `?seriesId=${s.seriesId}`);
    expect(r.pathways).toEqual([
      {
        id: expect.any(String),
        title: 'Pflege mit Defizitbescheid',
        occupationGroup: expect.any(String),
        adoptedAt: { id: s.a.conference.id, title: 'Pflege Frühjahr', startsAt: expect.any(String) },
        casesFollowing: 2,
        stepsDone: 1 + 3,
        stepsTotal: 3 + 3,
        casesCompleted: 1,
      },
    ]);
  });

  it('reports one conference, and a period, with only their conferences', async () => {
    const one = await report(s.lead, `?conferenceId=${s.b.conference.id}`);
    expect(one.scope).toMatchObject({
      kind: 'conference',
      conference: { id: s.b.conference.id },
      from: today,
      to: today,
    });
    expect(one.totals).toEqual(expectedFigures(s, [s.b]).totals);
    // B's second case follows the pathway adopted at A: it is shown with B's report too.
    expect(one.pathways.map((p) => [p.title, p.casesFollowing])).toEqual([['Pflege mit Defizitbescheid', 2]]);
    const recent = await report(s.lead, `?from=${addDays(today, -10)}&to=${today}`);
    expect(recent.scope.kind).toBe('organisation');
    expect(recent.totals).toEqual(expectedFigures(s, [s.b]).totals);
    const all = await report(s.lead, '');
    expect(all.totals).toEqual(expectedFigures(s, [s.a, s.b]).totals);
  });

  it('says so when the period has no conference', async () => {
    const r = await report(s.lead, '?from=2001-01-01&to=2001-12-31');
    expect(r.empty).toBe(true);
    expect(r.totals).toMatchObject({ conferences: 0, casesDiscussed: 0, casesMovedOn: 0 });
    expect(r.totals.commitments.made).toBe(0);
    expect([r.conferences, r.commitmentsByInstitution, r.casesByInstitution, r.pathways]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it('names no client anywhere: no name, case code or client id', async () => {
    const text = JSON.stringify(await report(s.lead, `?seriesId=${s.seriesId}`));
    for (const c of [...s.a.cases, ...s.b.cases]) {
      for (const word of [c.id, c.caseCode, c.name, c.name.split(' ')[1] ?? ''])
        expect(text).not.toContain(word);
    }
  });
});

describe('who may read it, and what it refuses', () => {
  it('is for leads: a counsellor is refused the report and its documents', async () => {
    for (const path of [
      '/api/conference-report',
      '/api/conference-report.pdf',
      '/api/conference-report.xlsx',
    ])
      expect((await s.aylin.get(`${path}?seriesId=${s.seriesId}`)).statusCode).toBe(403);
  });

  it("answers another organisation's conference or series as missing, and counts none of it", async () => {
    expect(
      (await s.lead.get(`/api/conference-report?conferenceId=${s.foreign.conference.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await s.other.lead.get(`/api/conference-report?conferenceId=${s.a.conference.id}`)).statusCode,
    ).toBe(404);
    expect((await s.other.lead.get(`/api/conference-report.pdf?seriesId=${s.seriesId}`)).statusCode).toBe(
      404,
    );
    const theirs = await report(s.other.lead, '');
    expect(theirs.totals).toMatchObject({ conferences: 1, casesDiscussed: 1 });
    expect(theirs.totals.commitments).toMatchObject({ made: 1, overdue: 1 });
  });

  it('refuses bad input with the field', async () => {
    const field = async (query: string) => {
      const res = await s.lead.get(`/api/conference-report${query}`);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    };
    expect(await field('?conferenceId=nope')).toContain('conferenceId');
    expect(await field('?from=2026-13-01')).toContain('from');
    expect(await field('?from=2026-05-01&to=2026-04-01')).toContain('to');
    expect(await field(`?conferenceId=${s.a.conference.id}&seriesId=${s.seriesId}`)).toContain('seriesId');
    expect(await field(`?from=${addDays(today, 30)}`)).toContain('from');
    const pdf = await s.lead.get('/api/conference-report.pdf?lang=fr');
    expect(pdf.statusCode).toBe(400);
  });
});
