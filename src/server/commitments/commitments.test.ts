import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commitment, CommitmentPage } from '../../contracts/commitments';
import { conferenceEntries } from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { commitmentOn, type PreparedConference, preparedConference } from '../testing/conferences';
import { auditTrail, caseFile, ok, outsider, sectorId, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let jonas: Session;
let dpo: Session;
let organisationId: string;
/** Two conferences of one series (the first begun, the second in two weeks) and one of none. */
let first: PreparedConference;
let second: PreparedConference;
let single: PreparedConference;
let seriesId: string;
const today = todayInGermany();
/** The commitments made at those conferences, by what the tests call them. */
const made: Record<'overdue' | 'soon' | 'noCase' | 'done' | 'atSecond' | 'atSingle', string> = {} as never;

beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['lead', 'aylin', 'jonas', 'dpo']);
  ({ lead, aylin, jonas, dpo } = team);
  organisationId = team.organisation.id;
  const health = await sectorId(lead, 'Gesundheit und Pflege');
  seriesId = ok(await lead.post('/api/conference-series', { title: 'Pflege', sectorId: health })).id;
  first = await preparedConference(t, lead, aylin, { cases: 2, seriesId });
  second = await preparedConference(t, lead, aylin, { cases: 1, seriesId, begun: false, title: 'Pflege 2' });
  single = await preparedConference(t, lead, aylin, { cases: 1, title: 'Einzeln' });
  const yesterday = new Date(Date.now() - 86_400_000 * 10);
  made.overdue = (
    await commitmentOn(t, first, { case: 0, dueDate: addDays(today, -2), createdAt: yesterday })
  ).id;
  made.soon = (await commitmentOn(t, first, { case: 1, institution: 'ihk', dueDate: addDays(today, 5) })).id;
  made.noCase = (await commitmentOn(t, first, { institution: 'aa', dueDate: addDays(today, 20) })).id;
  made.done = (await commitmentOn(t, first, { case: 0, status: 'done', action: 'Termin vereinbart' })).id;
  made.atSecond = (await commitmentOn(t, second, { case: 0, dueDate: addDays(today, 30) })).id;
  made.atSingle = (await commitmentOn(t, single, { case: 0, dueDate: addDays(today, 5) })).id;
});
afterAll(() => t.close());

async function list(s: Session, query: Record<string, string>) {
  return ok<CommitmentPage>(await s.get(`/api/commitments?${new URLSearchParams(query)}`));
}
const ids = (page: CommitmentPage) => page.items.map((c) => c.id).sort();
const sorted = (...xs: string[]) => [...xs].sort();

describe('the list', () => {
  it('filters by institution, case, conference and series', async () => {
    expect(ids(await list(lead, { institutionId: first.institutions.jc.id }))).toEqual(
      sorted(made.overdue, made.done),
    );
    expect(ids(await list(lead, { clientId: first.cases[1]?.id ?? '' }))).toEqual([made.soon]);
    expect(ids(await list(lead, { conferenceId: second.conference.id }))).toEqual([made.atSecond]);
    const series = await list(lead, { seriesId });
    expect(ids(series)).toEqual(sorted(made.overdue, made.soon, made.noCase, made.done, made.atSecond));
    expect(series.total).toBe(5);
    const searched = await list(lead, { conferenceId: first.conference.id, q: 'termin' });
    expect(ids(searched)).toEqual([made.done]);
  });

  it('filters by status, overdue and due range, and says which are overdue', async () => {
    const overdue = await list(lead, { conferenceId: first.conference.id, status: 'overdue' });
    expect(ids(overdue)).toEqual([made.overdue]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, status: 'open', onTime: null });
    expect(ids(await list(lead, { conferenceId: first.conference.id, status: 'done' }))).toEqual([made.done]);
    const ranged = await list(lead, { seriesId, dueFrom: addDays(today, 1), dueTo: addDays(today, 21) });
    expect(ids(ranged)).toEqual(sorted(made.soon, made.noCase, made.done));
    const open = await list(lead, { seriesId, status: 'open', sort: '-dueDate' });
    expect(open.items.map((c) => c.id)).toEqual([made.atSecond, made.noCase, made.soon, made.overdue]);
    expect(open.items.every((c) => !c.overdue || c.id === made.overdue)).toBe(true);
  });

  it('shows a counsellor the commitments on their cases and on none, and counts no others', async () => {
    const mine = await list(aylin, { seriesId });
    expect(mine.total).toBe(5);
    const soon = mine.items.find((c) => c.id === made.soon);
    expect(soon?.client).toMatchObject({ visible: true, label: expect.stringContaining('Case2 Person2') });
    const theirs = await list(jonas, { seriesId });
    expect(ids(theirs)).toEqual([made.noCase]);
    expect(theirs.total).toBe(1);
    expect((await list(jonas, { clientId: first.cases[0]?.id ?? '' })).total).toBe(0);
    expect((await jonas.get(`/api/commitments/${made.soon}`)).statusCode).toBe(404);
    const reported = await jonas.post(`/api/commitments/${made.soon}/report`, { status: 'done', version: 1 });
    expect(reported.statusCode).toBe(404);
    expect(ok<Commitment>(await jonas.get(`/api/commitments/${made.noCase}`)).client).toBeNull();
    // A read of the list is a read of the persons it names.
    const reads = await auditTrail(dpo, { action: 'client.read', subjectId: first.cases[1]?.id ?? '' });
    expect(reads.items.some((r) => r.actor?.name === 'Aylin Demir')).toBe(true);
  });

  it('answers nothing of another organisation, and 400 for what is not a commitment id', async () => {
    const other = await outsider(t);
    expect((await list(other, { seriesId })).total).toBe(0);
    expect((await other.get(`/api/commitments/${made.soon}`)).statusCode).toBe(404);
    const report = await other.post(`/api/commitments/${made.soon}/report`, { status: 'done', version: 1 });
    expect(report.statusCode).toBe(404);
    expect((await other.get(`/api/conferences/${second.conference.id}/carried-over`)).statusCode).toBe(404);
    expect((await lead.get('/api/commitments/not-an-id')).statusCode).toBe(400);
    expect((await lead.get('/api/commitments?status=late')).statusCode).toBe(400);
    expect((await lead.get('/api/commitments?dueFrom=2026-13-01')).statusCode).toBe(400);
  });

  it('exports the filtered list as CSV with German heads', async () => {
    const res = await lead.get(`/api/commitments/export?conferenceId=${first.conference.id}&status=overdue`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Fällig am;Status;Fall;Institution');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('überfällig');
    expect(lines[1]).toContain(first.institutions.jc.name);
  });
});

describe('reporting a commitment', () => {
  const report = (s: Session, id: string, body: Record<string, unknown>) =>
    s.post(`/api/commitments/${id}/report`, body);

  it('records done on the day it was reported, audited with the person it concerns', async () => {
    const { id, version } = await commitmentOn(t, single, { case: 0, dueDate: addDays(today, 3) });
    const done = ok<Commitment>(await report(aylin, id, { status: 'done', version }));
    expect(done).toMatchObject({ status: 'done', reportedOn: today, onTime: true, overdue: false });
    expect(done.reportedBy).toBe('Aylin Demir');
    expect(done.version).toBe(version + 1);
    const trail = await auditTrail(dpo, {
      action: 'commitment.reported',
      subjectId: single.cases[0]?.id ?? '',
    });
    expect(trail.items[0]?.details).toMatchObject({ from: 'open', to: 'done', reportedOn: today });
    const earlier = await commitmentOn(t, single, { createdAt: new Date(Date.now() - 5 * 86_400_000) });
    const dropped = ok<Commitment>(
      await report(lead, earlier.id, {
        status: 'dropped',
        note: 'Stelle besetzt',
        reportedOn: addDays(today, -2),
        version: 1,
      }),
    );
    expect(dropped).toMatchObject({
      status: 'dropped',
      statusNote: 'Stelle besetzt',
      reportedOn: addDays(today, -2),
    });
  });

  it('refuses what cannot be reported with 400 and the field', async () => {
    const { id } = await commitmentOn(t, single, { createdAt: new Date(Date.now() - 86_400_000 * 3) });
    const field = async (body: Record<string, unknown>) => {
      const res = await report(lead, id, { version: 1, ...body });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.fields?.[0]?.path;
    };
    expect(await field({ status: 'dropped' })).toBe('note');
    expect(await field({ status: 'dropped', note: '   ' })).toBe('note');
    expect(await field({ status: 'done', reportedOn: addDays(today, 1) })).toBe('reportedOn');
    expect(await field({ status: 'done', reportedOn: addDays(today, -10) })).toBe('reportedOn');
    expect(await field({ status: 'finished' })).toBe('status');
    expect(await field({ status: 'done', reportedOn: '31.12.2026' })).toBe('reportedOn');
    expect((await report(lead, id, { status: 'done' })).statusCode).toBe(400);
    expect(ok<Commitment>(await lead.get(`/api/commitments/${id}`)).status).toBe('open');
  });

  it('keeps done and dropped final, answers 409 to a stale version, and lets a lead take a report back', async () => {
    const { id, version } = await commitmentOn(t, single, {});
    ok(await report(aylin, id, { status: 'done', version }));
    const stale = await report(lead, id, { status: 'dropped', note: 'doch nicht', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const again = await report(lead, id, { status: 'dropped', note: 'doch nicht', version: version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    const byCounsellor = await report(aylin, id, { status: 'open', note: 'Versehen', version: version + 1 });
    expect(byCounsellor.statusCode).toBe(403);
    expect((await report(lead, id, { status: 'open', version: version + 1 })).statusCode).toBe(400);
    const reopened = ok<Commitment>(
      await report(lead, id, { status: 'open', note: 'Falsch eingetragen', version: version + 1 }),
    );
    expect(reopened).toMatchObject({
      status: 'open',
      reportedOn: null,
      reportedBy: null,
      statusNote: 'Falsch eingetragen',
    });
    const open = await report(lead, id, { status: 'open', note: 'nochmal', version: reopened.version });
    expect(open.statusCode).toBe(409);
  });
});

describe('the first agenda item of the next conference', () => {
  it('carries the commitments left open at the series’ earlier conferences, not the done ones', async () => {
    const items = ok<Commitment[]>(await lead.get(`/api/conferences/${second.conference.id}/carried-over`));
    expect(items.map((c) => c.id).sort()).toEqual(sorted(made.overdue, made.soon, made.noCase));
    expect(items.every((c) => c.conference.id === first.conference.id)).toBe(true);
    // The earlier conference has nothing carried over; a conference of no series neither.
    expect(ok<Commitment[]>(await lead.get(`/api/conferences/${first.conference.id}/carried-over`))).toEqual(
      [],
    );
    expect(ok<Commitment[]>(await lead.get(`/api/conferences/${single.conference.id}/carried-over`))).toEqual(
      [],
    );
    // Another counsellor follows the agenda, not the case: its place on its conference's agenda only.
    const seen = ok<Commitment[]>(await jonas.get(`/api/conferences/${second.conference.id}/carried-over`));
    const soon = seen.find((c) => c.id === made.soon);
    expect(soon?.client).toMatchObject({ visible: false, label: 'Case 2' });
    expect(JSON.stringify(seen)).not.toContain('Person2');
  });
});

describe('the case file', () => {
  it('shows the case’s conferences, the decisions on it and its commitments, also in the timeline', async () => {
    const kase = first.cases[0];
    if (!kase) throw new Error('no case');
    await t.ctx.db.insert(conferenceEntries).values({
      organisationId,
      conferenceId: first.conference.id,
      nominationId: kase.nominationId,
      kind: 'decision',
      text: 'Anpassungsqualifizierung beim BFZ',
    });
    const file = await caseFile(aylin, kase.id);
    expect(file.conferences.nominations).toEqual([
      expect.objectContaining({ question: 'What next for case 1?', discussedAt: null }),
    ]);
    expect(file.conferences.nominations[0].conference).toMatchObject({ id: first.conference.id });
    expect(file.conferences.decisions).toEqual([
      expect.objectContaining({ text: 'Anpassungsqualifizierung beim BFZ', nominationId: kase.nominationId }),
    ]);
    expect(file.conferences.commitments.map((c: Commitment) => c.id).sort()).toEqual(
      sorted(made.overdue, made.done),
    );
    const kinds = file.timeline.map(
      (e: { kind: string; codes: string[] }) => `${e.kind}:${e.codes[0] ?? ''}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['conference:nominated', 'decision:', 'commitment:made', 'commitment:done']),
    );
    expect((await jonas.get(`/api/clients/${kase.id}`)).statusCode).toBe(404);
  });
});
