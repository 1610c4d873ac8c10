/**
 * The coarse profile an anonymised brief shows instead of the person — age band, country group
 * of the qualification, reference occupation — and how many cases of the organisation share it:
 * fewer than 5 and the profile points to one person ("rare").
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AgeBand, CountryGroup } from '../../contracts/conferences';
import { countriesOfGroup, countryGroupOf } from '../../contracts/country-groups';
import type { Db } from '../db/client';
import { clients, qualifications } from '../db/schema';

/** The smallest number of cases that must share a profile for an anonymised brief not to point to one person. */
export const RARE_BELOW = 5;

/** Where each band starts, oldest first; `unknown` is a missing birth date. */
const bandStarts: readonly (readonly [Exclude<AgeBand, 'unknown'>, number])[] = [
  ['55_plus', 55],
  ['45_54', 45],
  ['35_44', 35],
  ['25_34', 25],
  ['under_25', 0],
];

/**
 * The last birth date of someone who is `years` old on `today`: the same day `years` years back
 * (29 February becomes the 28th, so a person born on the 29th completes the year at the end of the 28th).
 */
function yearsBefore(today: string, years: number): string {
  const y = String(Number(today.slice(0, 4)) - years).padStart(4, '0');
  const day = `${y}${today.slice(4)}`;
  return day.endsWith('-02-29') && !isLeap(Number(y)) ? `${y}-02-28` : day;
}
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Full years of age on a day. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return birthDate <= yearsBefore(today, years) ? years : years - 1;
}

/** The age band of a birth date on a day. */
export function ageBandOf(birthDate: string | null, today: string): AgeBand {
  if (!birthDate) return 'unknown';
  for (const [band, years] of bandStarts) if (birthDate <= yearsBefore(today, years)) return band;
  return 'under_25';
}

/**
 * The birth dates of a band on a day: after `after` (not on it) and up to `upTo` — the same
 * boundaries as `ageBandOf`, for SQL.
 */
export function birthRangeOf(band: Exclude<AgeBand, 'unknown'>, today: string) {
  const i = bandStarts.findIndex(([b]) => b === band);
  const start = bandStarts[i]?.[1] ?? 0;
  const older = bandStarts[i - 1]?.[1];
  return {
    after: older === undefined ? null : yearsBefore(today, older),
    upTo: start === 0 ? null : yearsBefore(today, start),
  };
}

/**
 * The qualification a brief is about: the first in the case file's order that has a reference
 * occupation (the one recognition is sought for), else the first.
 */
export function mainQualification<Q extends { referenceOccupation: { id: string } | null }>(
  qualifications: readonly Q[],
): Q | undefined {
  return qualifications.find((q) => q.referenceOccupation) ?? qualifications[0];
}

export interface Profile {
  occupationId: string | null;
  countryGroup: CountryGroup;
  ageBand: AgeBand;
}

/** The profile of a case from its birth date and qualifications (as the case file presents them). */
export function profileOf(
  birthDate: string | null,
  qualifications: readonly { referenceOccupation: { id: string } | null; country: string }[],
  today: string,
): Profile {
  const main = mainQualification(qualifications);
  return {
    occupationId: main?.referenceOccupation?.id ?? null,
    countryGroup: countryGroupOf(main?.country),
    ageBand: ageBandOf(birthDate, today),
  };
}

/**
 * How many cases of the organisation share the profile, the case itself included. A case shares
 * it when it is in the age band and has any qualification with the reference occupation (or
 * none, when the profile has none) from a country of the group: whoever reads the brief could
 * take any of them for the person, whichever qualification their own brief would be about. A
 * case without qualifications shares the profile "no occupation, unknown group". Only a count
 * leaves the query.
 */
export async function casesSharing(db: Db, organisationId: string, p: Profile, today: string) {
  let born = sql`${clients.birthDate} IS NULL`;
  if (p.ageBand !== 'unknown') {
    const { after, upTo } = birthRangeOf(p.ageBand, today);
    born = sql`${clients.birthDate} IS NOT NULL`;
    if (after) born = sql`${born} AND ${clients.birthDate} > ${after}::date`;
    if (upTo) born = sql`${born} AND ${clients.birthDate} <= ${upTo}::date`;
  }
  // From the qualifications of the occupation (an index), then their cases in the band.
  const [withQualification] = await db
    .select({ n: sql<number>`count(DISTINCT ${qualifications.clientId})::int` })
    .from(qualifications)
    .innerJoin(clients, eq(clients.id, qualifications.clientId))
    .where(
      and(
        eq(qualifications.organisationId, organisationId),
        p.occupationId
          ? eq(qualifications.referenceOccupationId, p.occupationId)
          : isNull(qualifications.referenceOccupationId),
        inArray(qualifications.country, countriesOfGroup(p.countryGroup)),
        born,
      ),
    );
  let withoutQualification = 0;
  if (p.occupationId === null && p.countryGroup === 'unknown') {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(clients)
      .where(
        and(
          eq(clients.organisationId, organisationId),
          born,
          sql`NOT EXISTS (SELECT 1 FROM qualifications q WHERE q.client_id = ${clients.id})`,
        ),
      );
    withoutQualification = Number(row?.n ?? 0);
  }
  return Number(withQualification?.n ?? 0) + withoutQualification;
}
