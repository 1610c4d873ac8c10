/**
 * A known set of cases for the funder reports' cell-by-cell test: generated from a fixed seed,
 * written straight into the tables the reports count (as the case file would have written them),
 * and kept as plain objects so the test can count every cell itself, without the reports' SQL.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  benefitTypes,
  closingOutcomes,
  entryEmploymentStatuses,
  exitLabourStatuses,
  followUpEmployments,
  genders,
  referralSources,
} from '../../contracts/clients';
import { measureTypes } from '../../contracts/measures';
import { channels, sessionTypes } from '../../contracts/plan';
import {
  clientMeasures,
  clients,
  contacts,
  measures,
  qualifications,
  recognitionProcedures,
} from '../db/schema';
import type { TestApp } from './harness';

/** A small fast generator (mulberry32): the same seed gives the same cases on every run. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const maybe = <T>(p: number, value: () => T): T | null => (next() < p ? value() : null);
  const day = (from: string, days: number) => {
    const d = new Date(`${from}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + Math.floor(next() * days));
    return d.toISOString().slice(0, 10);
  };
  return { next, pick, maybe, day };
}

export interface Qualification {
  kind: 'vocational' | 'academic';
  isced: number | null;
  regulated: boolean | null;
  law: 'federal' | 'state' | null;
  occupation: { code: string; scheme: string; iscoGroup: string | null; regulated: boolean | null } | null;
}
export interface Person {
  id: string;
  ownerId: string;
  team: string | null;
  gender: string | null;
  birthDate: string | null;
  intakeDate: string;
  citizenships: string[];
  birthCountry: string | null;
  referral: string | null;
  benefits: string | null;
  employmentStatus: string | null;
  closedDay: string | null;
  closingOutcome: string | null;
  exitRecordedOn: string | null;
  exitLabour: string | null;
  exitInEducation: boolean | null;
  exitQualificationGained: boolean | null;
  followUp: string | null;
  sectorId: string | null;
  qualifications: Qualification[];
  sessions: { id: string; day: string; type: string | null; channel: string | null }[];
  procedures: {
    id: string;
    type: 'recognition' | 'zab';
    submitted: string | null;
    documentsComplete: string | null;
    due: string | null;
    decided: string | null;
    outcome: string;
  }[];
  measures: { id: string; type: string; start: string | null; status: string }[];
}

const citizenshipPool = ['SY', 'UA', 'TR', 'IN', 'PL', 'RO', 'BR', 'NG', 'PH', 'DE', 'FR', 'VN', 'EG', 'RU'];
const birthPool = ['SY', 'UA', 'TR', 'IN', 'PL', 'DE', 'BR', 'NG'];
const outcomes = [
  'full',
  'equivalent',
  'partial',
  'compensation_required',
  'none',
  'rejected',
  'withdrawn',
  'objection_pending',
] as const;

/**
 * `count` cases of the organisation, spread over 2024-07 … 2026-06, owned by the given users
 * (with their teams), in the given sectors. Every optional field is sometimes left empty, so
 * "not recorded" is counted too.
 */
export async function funderScenario(
  t: TestApp,
  organisationId: string,
  owners: { id: string; team: string | null }[],
  sectorIds: string[],
  count: number,
  seed = 14,
): Promise<Person[]> {
  const g = generator(seed);
  const db = t.ctx.db;
  for (const o of owners) await db.execute(sql`UPDATE users SET team = ${o.team} WHERE id = ${o.id}::uuid`);
  const occupations = (
    await db.execute<{
      id: string;
      code: string;
      scheme: string;
      isco_group: string | null;
      regulated: boolean | null;
    }>(
      sql`SELECT id, code, scheme, isco_group, regulated FROM occupations WHERE scheme = 'builtin' ORDER BY code LIMIT 12`,
    )
  ).rows;
  const [esco] = (
    await db.execute<{ id: string }>(sql`INSERT INTO occupations (scheme, code, title, isco_group, regulated)
      VALUES ('esco', ${`test-${randomUUID()}`}, 'Software developer', '2512', false) RETURNING id`)
  ).rows;
  const occupationPool = [
    ...occupations,
    { id: esco?.id as string, code: 'x', scheme: 'esco', isco_group: '2512', regulated: false },
  ];
  const catalogue = new Map<string, string>();
  for (const type of measureTypes) {
    const [m] = await db
      .insert(measures)
      .values({ organisationId, title: `Maßnahme ${type}`, type })
      .returning({ id: measures.id });
    catalogue.set(type, m?.id as string);
  }
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const owner = g.pick(owners);
    const intakeDate = g.day('2024-07-01', 700);
    const closed = g.next() < 0.45;
    const closedDay = closed ? g.day(intakeDate, 300) : null;
    const exitAsked = closed ? g.next() < 0.7 : false;
    const person: Person = {
      id: randomUUID(),
      ownerId: owner.id,
      team: owner.team,
      gender: g.maybe(0.9, () => g.pick(genders)),
      birthDate: g.maybe(0.9, () => g.day('1950-01-01', 365 * 58)),
      intakeDate,
      citizenships:
        g.next() < 0.1
          ? []
          : g.next() < 0.2
            ? [g.pick(citizenshipPool), g.pick(citizenshipPool)]
            : [g.pick(citizenshipPool)],
      birthCountry: g.maybe(0.8, () => g.pick(birthPool)),
      referral: g.maybe(0.85, () => g.pick(referralSources)),
      benefits: g.maybe(0.85, () => g.pick([...benefitTypes, 'no_answer'])),
      employmentStatus: g.maybe(0.8, () => g.pick(entryEmploymentStatuses)),
      closedDay,
      closingOutcome: closed ? g.maybe(0.9, () => g.pick(closingOutcomes)) : null,
      exitRecordedOn: exitAsked && closedDay ? closedDay : null,
      exitLabour: exitAsked ? g.pick(exitLabourStatuses) : null,
      exitInEducation: exitAsked ? g.next() < 0.3 : null,
      exitQualificationGained: exitAsked ? g.next() < 0.25 : null,
      followUp: closed ? g.maybe(0.6, () => g.pick(followUpEmployments)) : null,
      sectorId: g.maybe(0.8, () => g.pick(sectorIds)),
      qualifications: [],
      sessions: [],
      procedures: [],
      measures: [],
    };
    const qualificationCount = Math.floor(g.next() * 3);
    for (let q = 0; q < qualificationCount; q++) {
      const occupation = g.maybe(0.8, () => g.pick(occupationPool));
      person.qualifications.push({
        kind: g.pick(['vocational', 'academic'] as const),
        isced: g.maybe(0.85, () => Math.floor(g.next() * 9)),
        regulated: g.maybe(0.5, () => g.next() < 0.6),
        law: g.maybe(0.6, () => g.pick(['federal', 'state'] as const)),
        occupation: occupation
          ? {
              code: occupation.code,
              scheme: occupation.scheme,
              iscoGroup: occupation.isco_group,
              regulated: occupation.regulated,
            }
          : null,
      });
      (person.qualifications.at(-1) as Qualification & { occupationId?: string }).occupationId =
        occupation?.id;
    }
    const sessionCount = Math.floor(g.next() * 6);
    for (let s = 0; s < sessionCount; s++)
      person.sessions.push({
        id: randomUUID(),
        day: g.day(intakeDate, 400),
        type: g.maybe(0.85, () => g.pick(sessionTypes)),
        channel: g.maybe(0.85, () => g.pick(channels)),
      });
    if (g.next() < 0.5) {
      const submitted = g.maybe(0.9, () => g.day(intakeDate, 100));
      const documentsComplete = submitted && g.next() < 0.8 ? g.day(submitted, 40) : null;
      const due = documentsComplete && g.next() < 0.9 ? g.day(documentsComplete, 120) : null;
      const decided = submitted && g.next() < 0.8 ? g.day(submitted, 220) : null;
      person.procedures.push({
        id: randomUUID(),
        type: g.next() < 0.85 ? 'recognition' : 'zab',
        submitted,
        documentsComplete,
        due,
        decided,
        outcome: decided ? g.pick(outcomes) : 'pending',
      });
    }
    const measureCount = Math.floor(g.next() * 3);
    for (let m = 0; m < measureCount; m++)
      person.measures.push({
        id: randomUUID(),
        type: g.pick(measureTypes),
        start: g.maybe(0.85, () => g.day(intakeDate, 500)),
        status: g.pick(['proposed', 'started', 'completed', 'dropped', 'rejected', 'funded'] as const),
      });
    people.push(person);
  }
  await db.insert(clients).values(
    people.map((p, i) => ({
      id: p.id,
      organisationId,
      caseCode: `T-${String(i + 1).padStart(5, '0')}`,
      stage: p.closedDay ? 'closed' : 'planning',
      closingOutcome: p.closingOutcome,
      ownerId: p.ownerId,
      givenNames: `Person${i + 1}`,
      familyName: `Bericht${i + 1}`,
      birthDate: p.birthDate,
      gender: p.gender,
      citizenships: p.citizenships,
      birthCountry: p.birthCountry,
      referralSource: p.referral,
      benefits: p.benefits,
      employmentStatusAtEntry: p.employmentStatus,
      intakeDate: p.intakeDate,
      closedAt: p.closedDay ? new Date(`${p.closedDay}T11:00:00Z`) : null,
      exitRecordedOn: p.exitRecordedOn,
      exitLabour: p.exitLabour,
      exitInEducation: p.exitInEducation,
      exitQualificationGained: p.exitQualificationGained,
      followUpRecordedOn: p.followUp && p.closedDay ? p.closedDay : null,
      followUpEmployment: p.followUp,
      sectorId: p.sectorId,
    })),
  );
  const quals = people.flatMap((p) =>
    p.qualifications.map((q, k) => ({
      organisationId,
      clientId: p.id,
      titleOriginal: 'Diplom',
      country: 'SY',
      kind: q.kind,
      iscedLevel: q.isced,
      regulated: q.regulated,
      law: q.law,
      referenceOccupationId: (q as Qualification & { occupationId?: string }).occupationId ?? null,
      // The first recorded qualification is the one the reports use: make the order certain.
      createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, k)),
    })),
  );
  if (quals.length) await db.insert(qualifications).values(quals);
  const sessions = people.flatMap((p) =>
    p.sessions.map((s) => ({
      id: s.id,
      organisationId,
      clientId: p.id,
      kind: 'session',
      occurredOn: s.day,
      sessionType: s.type,
      channel: s.channel,
    })),
  );
  // A coordination talk is not a counselling session: the reports must not count it.
  const talks = people.slice(0, 10).map((p) => ({
    organisationId,
    clientId: p.id,
    kind: 'coordination',
    occurredOn: '2025-05-05',
    sessionType: 'first',
  }));
  for (let i = 0; i < sessions.length; i += 500) await db.insert(contacts).values(sessions.slice(i, i + 500));
  await db.insert(contacts).values(talks);
  const procedures = people.flatMap((p) =>
    p.procedures.map((r) => ({
      id: r.id,
      organisationId,
      clientId: p.id,
      type: r.type,
      submittedOn: r.submitted,
      documentsCompleteOn: r.documentsComplete,
      decisionDueOn: r.due,
      decidedOn: r.decided,
      outcome: r.outcome,
    })),
  );
  if (procedures.length) await db.insert(recognitionProcedures).values(procedures);
  const acquired = people.flatMap((p) =>
    p.measures.map((m) => ({
      id: m.id,
      organisationId,
      clientId: p.id,
      measureId: catalogue.get(m.type) as string,
      status: m.status,
      startDate: m.start,
    })),
  );
  if (acquired.length) await db.insert(clientMeasures).values(acquired);
  return people;
}
