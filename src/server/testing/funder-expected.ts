/**
 * The funder reports' figures counted in plain TypeScript from the scenario's objects — the
 * meaning of each table written a second time, without SQL — for the cell-by-cell test. Each
 * table gives its facts (who, what, in which column and row); `expectedCells` counts them.
 */
import { countryGroupOf } from '../../contracts/country-groups';
import { euEeaCh } from '../../contracts/reference';
import type { Breakdown, ColumnKind } from '../../contracts/reports';
import type { Person } from './funder-scenario';

export interface Fact {
  client: string;
  ref: string;
  col: string;
  n?: number;
  row?: string;
}
type Period = { from: string; to: string };

const within = (d: string | null, p: Period) => d !== null && d >= p.from && d <= p.to;
const addMonths = (d: string, months: number) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date.toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export function ageGroup(p: Person): string {
  if (!p.birthDate) return 'not_recorded';
  const [by, bm, bd] = p.birthDate.split('-').map(Number) as [number, number, number];
  const [iy, im, id] = p.intakeDate.split('-').map(Number) as [number, number, number];
  const age = iy - by - (im < bm || (im === bm && id < bd) ? 1 : 0);
  return age < 18 ? 'under_18' : age < 30 ? '18_29' : age < 55 ? '30_54' : '55_plus';
}

export function rowOf(p: Person, by: Breakdown): string {
  switch (by) {
    case 'none':
      return 'all';
    case 'gender':
      return p.gender ?? 'not_recorded';
    case 'age_group':
      return ageGroup(p);
    case 'country_group':
      return countryGroupOf(p.citizenships[0]);
    case 'occupation_group': {
      const o = p.qualifications[0]?.occupation;
      if (!o) return 'not_recorded';
      return o.scheme === 'esco' ? `isco_${o.iscoGroup?.[0]}` : `kldb_${o.code[0]}`;
    }
    case 'sector':
      return p.sectorId ?? 'not_recorded';
    case 'team':
      return p.team?.trim() || 'none';
  }
}

const person = (p: Person, col: string): Fact => ({ client: p.id, ref: p.id, col });
const european = new Set(['DE', ...euEeaCh]);

/** The facts of every table, keyed `${report}.${table}`. */
export function expectedFacts(people: Person[], period: Period): Record<string, Fact[]> {
  const sessions = people.flatMap((p) =>
    p.sessions.filter((s) => within(s.day, period)).map((s) => ({ p, s })),
  );
  const counselled = people.filter((p) => p.sessions.some((s) => within(s.day, period)));
  const entrants = people.filter((p) => within(p.intakeDate, period));
  const leavers = people.filter((p) => within(p.closedDay, period));
  const sixMonths = people.filter((p) => p.closedDay && within(addMonths(p.closedDay, 6), period));
  const decided = people.flatMap((p) =>
    p.procedures.filter((r) => r.type === 'recognition' && within(r.decided, period)).map((r) => ({ p, r })),
  );
  const started = people.flatMap((p) =>
    p.measures.filter((m) => within(m.start, period)).map((m) => ({ p, m })),
  );
  const measureOutcome = (status: string) =>
    status === 'completed'
      ? 'completed'
      : status === 'dropped' || status === 'rejected'
        ? 'dropped'
        : 'running';
  const first = (p: Person) => p.qualifications[0];
  const regulation = (p: Person) => {
    const q = first(p);
    const regulated = q ? (q.regulated ?? q.occupation?.regulated ?? null) : null;
    if (!q || regulated === null) return 'not_recorded';
    if (!regulated) return 'not_regulated';
    return q.law === 'federal'
      ? 'regulated_federal'
      : q.law === 'state'
        ? 'regulated_state'
        : 'regulated_law_unknown';
  };
  const isced = (p: Person) => {
    const levels = p.qualifications.flatMap((q) => (q.isced === null ? [] : [q.isced]));
    if (levels.length === 0) return 'not_recorded';
    const max = Math.max(...levels);
    return max <= 2 ? 'isced_0_2' : max <= 4 ? 'isced_3_4' : 'isced_5_8';
  };
  const outcomeGroup = (o: string) =>
    ['full', 'equivalent'].includes(o)
      ? 'full'
      : o === 'partial' || o === 'compensation_required'
        ? o
        : ['none', 'rejected', 'rejected_no_cooperation'].includes(o)
          ? 'not_recognised'
          : o === 'withdrawn'
            ? 'withdrawn'
            : 'other';
  const sixMonthFacts = sixMonths.map((p) => person(p, p.followUp ?? 'not_recorded'));
  return {
    'iq_counselling.persons': [
      ...sessions.map(({ p, s }) => ({ client: p.id, ref: s.id, col: 'sessions' })),
      ...counselled.map((p) => person(p, 'persons_counselled')),
      ...counselled
        .filter((p) => !p.sessions.some((s) => s.day < period.from))
        .map((p) => person(p, 'new_persons')),
    ],
    'iq_counselling.session_type': sessions.map(({ p, s }) => ({
      client: p.id,
      ref: s.id,
      col: s.type ?? 'not_recorded',
    })),
    'iq_counselling.channel': sessions.map(({ p, s }) => ({
      client: p.id,
      ref: s.id,
      col: s.channel ?? 'not_recorded',
    })),
    'iq_counselling.referral': counselled.map((p) => person(p, p.referral ?? 'not_recorded')),
    'iq_counselling.benefits': counselled.map((p) => person(p, p.benefits ?? 'not_recorded')),
    'iq_counselling.qualification': counselled.map((p) => person(p, first(p)?.kind ?? 'not_recorded')),
    'iq_counselling.regulation': counselled.map((p) => person(p, regulation(p))),
    'esf_entry.participants': [
      ...entrants.map((p) => person(p, 'participants')),
      ...entrants
        .filter((p) => p.citizenships.length > 0 && !p.citizenships.some((c) => european.has(c)))
        .map((p) => person(p, 'third_country_nationals')),
      ...entrants
        .filter(
          (p) =>
            (p.birthCountry !== null && p.birthCountry !== 'DE') || p.citizenships.some((c) => c !== 'DE'),
        )
        .map((p) => person(p, 'foreign_background')),
    ],
    'esf_entry.gender': entrants.map((p) => person(p, p.gender ?? 'not_recorded')),
    'esf_entry.employment_status': entrants.map((p) => person(p, p.employmentStatus ?? 'not_recorded')),
    'esf_entry.age_group': entrants.map((p) => person(p, ageGroup(p))),
    'esf_entry.isced': entrants.map((p) => person(p, isced(p))),
    'esf_results.results': [
      ...leavers.map((p) => person(p, 'leavers')),
      ...leavers.filter((p) => p.exitLabour === 'employed').map((p) => person(p, 'employed')),
      ...leavers.filter((p) => p.exitLabour === 'job_seeking').map((p) => person(p, 'job_seeking')),
      ...leavers.filter((p) => p.exitInEducation).map((p) => person(p, 'in_education')),
      ...leavers.filter((p) => p.exitQualificationGained).map((p) => person(p, 'qualification_gained')),
      ...leavers.filter((p) => p.exitLabour === 'no_answer').map((p) => person(p, 'no_answer')),
      ...leavers.filter((p) => p.exitRecordedOn === null).map((p) => person(p, 'not_recorded')),
    ],
    'esf_results.six_months': sixMonthFacts,
    'recognition_times.times': decided.flatMap(({ p, r }) => {
      const f = (col: string, n?: number): Fact => ({
        client: p.id,
        ref: r.id,
        col,
        ...(n === undefined ? {} : { n }),
      });
      const decidedOn = r.decided as string;
      const start = r.documentsComplete ?? r.submitted;
      const days = start ? daysBetween(start, decidedOn) : null;
      return [
        f('decided'),
        ...(r.due && decidedOn <= r.due ? [f('within_deadline')] : []),
        ...(r.due && decidedOn > r.due ? [f('after_deadline')] : []),
        ...(r.due ? [] : [f('no_deadline')]),
        ...(r.due ? [f('share_within', decidedOn <= r.due ? 1 : 0)] : []),
        ...(days !== null && days >= 0 ? [f('median_days', days)] : []),
      ];
    }),
    'recognition_times.outcomes': decided.map(({ p, r }) => ({
      client: p.id,
      ref: r.id,
      col: outcomeGroup(r.outcome),
    })),
    'measures.by_type': started.map(({ p, m }) => ({
      client: p.id,
      ref: m.id,
      col: measureOutcome(m.status),
      row: m.type,
    })),
    'measures.persons': [
      ...started.map(({ p, m }) => ({ client: p.id, ref: m.id, col: 'measures_started' })),
      ...started.map(({ p }) => person(p, 'persons_started')),
      ...started.filter(({ m }) => m.status === 'completed').map(({ p }) => person(p, 'persons_completed')),
    ],
    'employment.at_exit': leavers.map((p) => person(p, p.closingOutcome ?? 'not_recorded')),
    'employment.six_months': sixMonthFacts,
  };
}

export interface Expected {
  value: number | null;
  persons: number;
}

/** A figure of facts, as its column counts: distinct persons, distinct things, the median or the share. */
export function figure(facts: Fact[], kind: ColumnKind | 'rowTotal', allPersons = false): Expected {
  const persons = new Set(facts.map((f) => f.client)).size;
  const things = new Set(facts.map((f) => f.ref)).size;
  const ns = facts.map((f) => f.n ?? 0).sort((a, b) => a - b);
  const round1 = (v: number) => Math.round(v * 10) / 10;
  switch (kind) {
    case 'persons':
      return { value: persons, persons };
    case 'count':
    case 'plain':
      return { value: things, persons };
    case 'rowTotal':
      return { value: allPersons ? persons : things, persons };
    case 'median': {
      if (ns.length === 0) return { value: null, persons };
      const mid = (ns.length - 1) / 2;
      const lo = ns[Math.floor(mid)] as number;
      const hi = ns[Math.ceil(mid)] as number;
      return { value: round1(lo + (hi - lo) * (mid - Math.floor(mid))), persons };
    }
    case 'share':
      return ns.length === 0
        ? { value: null, persons }
        : { value: round1((ns.reduce((a, b) => a + b, 0) / ns.length) * 100), persons };
  }
}
