/**
 * How the rows of a person-based table are split: an SQL expression over the case `c` (clients,
 * joined to the facts) that gives every person exactly one row key, so the rows of a column add
 * up to its total (which the small-cell protection relies on). Values a person has several of
 * are reduced to one by a fixed rule: the first citizenship; the reference occupation of the
 * first recorded qualification; the team of the case's owner.
 */
import { type SQL, sql } from 'drizzle-orm';
import { genders } from '../../contracts/clients';
import { countryGroups } from '../../contracts/conferences';
import { countryGroupByCode } from '../../contracts/country-groups';
import { ageGroups, type Breakdown } from '../../contracts/reports';

export interface BreakdownSql {
  /** Joins after `clients c` that the key needs. */
  joins: SQL;
  key: SQL;
  /** The name to show for keys that are not codes (sector, team); else null. */
  label: SQL;
  /** Rows shown even when empty, in this order; others follow sorted by label or key. */
  fixed: readonly string[];
}

/** Codes of our own (never user input) as an SQL list: 'a', 'b'. */
export const quoted = (values: Iterable<string>) => [...values].map((v) => `'${v}'`).join(', ');

/** The country group of the first citizenship, by the same table as the conference briefs. */
const countryGroupCase = (() => {
  const members = new Map<string, string[]>();
  for (const [code, group] of countryGroupByCode) members.set(group, [...(members.get(group) ?? []), code]);
  const whens = [...members]
    .filter(([group]) => group !== 'unknown')
    .map(([group, codes]) => `WHEN c.citizenships[1] IN (${quoted(codes)}) THEN '${group}'`);
  return sql.raw(`CASE ${whens.join(' ')} ELSE 'unknown' END`);
})();

/** ESF Plus age groups, by the age on the day the case began. */
export const ageGroupSql = (alias = 'c') =>
  sql.raw(`CASE WHEN ${alias}.birth_date IS NULL THEN 'not_recorded'
    WHEN date_part('year', age(${alias}.intake_date, ${alias}.birth_date)) < 18 THEN 'under_18'
    WHEN date_part('year', age(${alias}.intake_date, ${alias}.birth_date)) < 30 THEN '18_29'
    WHEN date_part('year', age(${alias}.intake_date, ${alias}.birth_date)) < 55 THEN '30_54'
    ELSE '55_plus' END`);

/** The first recorded qualification of the case `c` (`fq`), looked up by index per case. */
export const firstQualificationJoin = sql`LEFT JOIN LATERAL (
    SELECT q.kind, q.regulated, q.law, q.reference_occupation_id FROM qualifications q
    WHERE q.client_id = c.id ORDER BY q.created_at, q.id LIMIT 1) fq ON true`;

/**
 * The reference occupation of every case's first recorded qualification (`fo`), for the
 * occupation-group rows: read for the organisation in one pass and joined by hash. (A lookup per
 * case let the planner hash the whole occupations list once per case; a KldB import has 30,000.)
 */
const firstOccupationJoin = (organisationId: string) => sql`LEFT JOIN (
    SELECT DISTINCT ON (q.client_id) q.client_id, o.code, o.scheme, o.isco_group
    FROM qualifications q LEFT JOIN occupations o ON o.id = q.reference_occupation_id
    WHERE q.organisation_id = ${organisationId}::uuid
    ORDER BY q.client_id, q.created_at, q.id) fo ON fo.client_id = c.id`;

/** KldB 2010 "Berufsbereich" (first digit), or the ISCO major group for ESCO occupations. */
const occupationGroupSql = sql`CASE WHEN fo.code IS NULL THEN 'not_recorded'
    WHEN fo.scheme = 'esco' THEN coalesce('isco_' || left(fo.isco_group, 1), 'not_recorded')
    ELSE 'kldb_' || left(fo.code, 1) END`;

export function breakdownSql(by: Breakdown, organisationId: string): BreakdownSql {
  switch (by) {
    case 'none':
      return { joins: sql``, key: sql`'all'`, label: sql`NULL::text`, fixed: ['all'] };
    case 'gender':
      return {
        joins: sql``,
        key: sql`coalesce(c.gender, 'not_recorded')`,
        label: sql`NULL::text`,
        fixed: [...genders, 'not_recorded'],
      };
    case 'age_group':
      return { joins: sql``, key: ageGroupSql(), label: sql`NULL::text`, fixed: ageGroups };
    case 'country_group':
      return { joins: sql``, key: countryGroupCase, label: sql`NULL::text`, fixed: countryGroups };
    case 'occupation_group':
      return {
        joins: firstOccupationJoin(organisationId),
        key: occupationGroupSql,
        label: sql`NULL::text`,
        fixed: [],
      };
    case 'sector':
      return {
        joins: sql`LEFT JOIN sectors bs ON bs.id = c.sector_id`,
        key: sql`coalesce(bs.id::text, 'not_recorded')`,
        label: sql`bs.name`,
        fixed: [],
      };
    case 'team':
      return {
        joins: sql`LEFT JOIN users bu ON bu.id = c.owner_id`,
        key: sql`coalesce(nullif(trim(bu.team), ''), 'none')`,
        label: sql`nullif(trim(bu.team), '')`,
        fixed: [],
      };
  }
}
