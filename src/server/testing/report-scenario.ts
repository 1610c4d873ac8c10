/**
 * A known set for the conference report's tests: two held conferences of a series, commitments in
 * every state, cases that moved on after their conference and cases that did not, a pathway
 * followed by two discussed cases, and another organisation's conference that must never count.
 * `expectedFigures` counts what the report must say from what was made here, without the server.
 */
import type { ConferenceReport } from '../../contracts/conference-report';
import { addDays, todayInGermany } from '../lib/calendar';
import {
  backdateTransition,
  type CommitmentSpec,
  commitment,
  followPathway,
  markDiscussed,
  markHeld,
  moveStage,
  moveStart,
  type PreparedConference,
  pathway,
  preparedConference,
} from './conferences';
import { ok, sectorId, staff } from './factories';
import type { Session, TestApp } from './harness';

type State = keyof Omit<ConferenceReport['totals']['commitments'], 'made'>;

export interface ReportScenario {
  lead: Session;
  aylin: Session;
  other: { lead: Session; aylin: Session };
  seriesId: string;
  /** Held 40 days ago; live mode marked cases 1 and 2 discussed, not case 3. */
  a: PreparedConference;
  /** Held today without live mode: both cases count as discussed. */
  b: PreparedConference;
  /** Another organisation's held conference, with an overdue commitment. */
  foreign: PreparedConference;
  /** Every commitment made, with the state the report must give it. */
  made: (CommitmentSpec & { conferenceId: string; expected: State })[];
  /** The cases discussed (nominations), and whether each moved on since its conference. */
  discussed: { conference: PreparedConference; movedOn: boolean }[];
}

/** Nomination `n` of a prepared conference, as a commitment names it. */
export function nominationOf(c: PreparedConference, n: number) {
  const x = c.cases[n];
  if (!x) throw new Error(`no case ${n}`);
  return { id: x.nominationId, clientId: x.id };
}

export async function reportScenario(t: TestApp): Promise<ReportScenario> {
  const today = todayInGermany();
  const nom = nominationOf;
  const { lead, aylin } = await staff(t, ['lead', 'aylin']);
  const other = await staff(t, ['lead', 'aylin']);
  const sectorOf = await sectorId(lead, 'Gesundheit und Pflege');
  const seriesId = ok(
    await lead.post('/api/conference-series', { title: 'Pflege Saar', sectorId: sectorOf }),
  ).id;
  const a = await preparedConference(t, lead, aylin, { cases: 3, seriesId, title: 'Pflege Frühjahr' });
  await markHeld(lead, a.conference.id);
  await moveStart(t, a.conference.id, new Date(Date.now() - 40 * 86_400_000));
  await markDiscussed(t, nom(a, 0).id);
  await markDiscussed(t, nom(a, 1).id);
  const b = await preparedConference(t, lead, aylin, { cases: 2, seriesId, title: 'Pflege Sommer' });
  await markHeld(lead, b.conference.id);
  // Moved on: A's first case (after A) and B's second. Not: A's second moved before A and stepped
  // back after it; B's first closed as moved away; A's third moved on but was not discussed.
  await moveStage(aylin, nom(a, 0).clientId, 'profiling');
  await moveStage(aylin, nom(a, 1).clientId, 'profiling');
  await backdateTransition(t, nom(a, 1).clientId, 'profiling', new Date(Date.now() - 50 * 86_400_000));
  await moveStage(aylin, nom(a, 1).clientId, 'intake', { reason: 'Unterlagen fehlen' });
  await moveStage(aylin, nom(a, 2).clientId, 'planning');
  await moveStage(aylin, nom(b, 0).clientId, 'closed', { outcome: 'moved_away' });
  await moveStage(aylin, nom(b, 1).clientId, 'planning');
  const discussed = [
    { conference: a, movedOn: true },
    { conference: a, movedOn: false },
    { conference: b, movedOn: false },
    { conference: b, movedOn: true },
  ];
  const made: ReportScenario['made'] = [];
  const give = async (c: PreparedConference, expected: State, spec: CommitmentSpec) => {
    await commitment(t, lead, c.conference.id, spec);
    made.push({ ...spec, conferenceId: c.conference.id, expected });
  };
  const [ai, bi] = [a.institutions, b.institutions];
  const due = addDays(today, -20);
  const done = { dueDate: due, status: 'done' } as const;
  await give(a, 'openNotDue', {
    institutionId: ai.jc.id,
    nomination: nom(a, 0),
    dueDate: addDays(today, 10),
  });
  await give(a, 'overdue', { institutionId: ai.jc.id, nomination: nom(a, 0), dueDate: addDays(today, -3) });
  await give(a, 'doneOnTime', { institutionId: ai.ihk.id, nomination: nom(a, 1), ...done, reportedOn: due });
  await give(a, 'doneLate', { institutionId: ai.ihk.id, ...done, reportedOn: addDays(due, 2) });
  await give(a, 'dropped', { institutionId: ai.aa.id, dueDate: due, status: 'dropped', reportedOn: due });
  await give(b, 'doneOnTime', {
    institutionId: bi.jc.id,
    ...done,
    dueDate: addDays(today, 5),
    reportedOn: today,
  });
  // Due today is not yet overdue: overdue begins the day after.
  await give(b, 'openNotDue', { institutionId: bi.jc.id, nomination: nom(b, 1), dueDate: today });
  await give(b, 'overdue', { institutionId: bi.aa.id, dueDate: addDays(today, -1) });
  // A pathway adopted at A, followed by two discussed cases (1 of 3 and 3 of 3 steps done); another,
  // adopted at no conference, followed only by A's third case, which was not discussed.
  const p = await pathway(t, a.conference.id, 'Pflege mit Defizitbescheid');
  await followPathway(t, nom(a, 0).clientId, p, 1);
  await followPathway(t, nom(b, 1).clientId, p, 3);
  const q = await pathway(t, a.conference.id, 'Elsewhere', 2, false);
  await followPathway(t, nom(a, 2).clientId, q, 2);
  const foreign = await preparedConference(t, other.lead, other.aylin, { cases: 1 });
  await markHeld(other.lead, foreign.conference.id);
  await commitment(t, other.lead, foreign.conference.id, {
    institutionId: foreign.institutions.jc.id,
    dueDate: addDays(today, -5),
  });
  return { lead, aylin, other, seriesId, a, b, foreign, made, discussed };
}

const byName = (x: { institution: { name: string } }, y: { institution: { name: string } }) =>
  x.institution.name.localeCompare(y.institution.name);

/** What the report must say for these conferences of the scenario, counted from what was made. */
export function expectedFigures(s: ReportScenario, conferences: PreparedConference[]) {
  const ids = conferences.map((c) => c.conference.id);
  const ours = s.made.filter((m) => ids.includes(m.conferenceId));
  const counts = (list: ReportScenario['made']) => ({
    made: list.length,
    doneOnTime: list.filter((m) => m.expected === 'doneOnTime').length,
    doneLate: list.filter((m) => m.expected === 'doneLate').length,
    openNotDue: list.filter((m) => m.expected === 'openNotDue').length,
    overdue: list.filter((m) => m.expected === 'overdue').length,
    dropped: list.filter((m) => m.expected === 'dropped').length,
  });
  const institutionsOf = (c: PreparedConference) =>
    Object.values(c.institutions).map(({ id, name }) => ({ id, name }));
  const cases = s.discussed.filter((d) => conferences.includes(d.conference));
  return {
    totals: {
      conferences: conferences.length,
      conferencesHeld: conferences.length,
      casesDiscussed: cases.length,
      casesMovedOn: cases.filter((d) => d.movedOn).length,
      commitments: counts(ours),
    },
    commitmentsByInstitution: conferences
      .flatMap(institutionsOf)
      .filter((i) => ours.some((m) => m.institutionId === i.id))
      .map((i) => ({ ...counts(ours.filter((m) => m.institutionId === i.id)), institution: i }))
      .sort(byName),
    // Every nomination needs all three invited institutions of its conference.
    casesByInstitution: conferences
      .flatMap((c) => {
        const mine = s.discussed.filter((d) => d.conference === c);
        return institutionsOf(c).map((institution) => ({
          institution,
          casesDiscussed: mine.length,
          casesMovedOn: mine.filter((d) => d.movedOn).length,
        }));
      })
      .sort(byName),
  };
}
