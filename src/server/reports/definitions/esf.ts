/**
 * ESF Plus common indicators: who entered in the period (the case's intake date) with the entry
 * indicators, and the results of those who left (the case's closing day, in Germany): within four
 * weeks of leaving, and six months after. The exit and follow-up answers are recorded on the case
 * (casefile's exit card); "not recorded" counts the cases where nobody asked yet.
 */
import { sql } from 'drizzle-orm';
import { entryEmploymentStatuses, genders } from '../../../contracts/clients';
import { euEeaCh } from '../../../contracts/reference';
import { breakdowns } from '../../../contracts/reports';
import { ageGroupSql, quoted } from '../breakdowns';
import { type Period, personsColumn, type ReportDefinition, type TableDefinition } from '../definition';

/** The local day a case was closed. */
const closedDay = sql.raw(`(c.closed_at AT TIME ZONE 'Europe/Berlin')::date`);

/**
 * The closed cases the result tables count from (the `base`): those that left in the period, and
 * those whose six months after leaving end in it. The range on `closed_at` (a little wider than
 * needed, for month ends) lets the index find them; the tables then take their exact days.
 */
export const closedCases = (p: Period) => sql`SELECT c.id, ${closedDay} AS closed_day,
    (${closedDay} + interval '6 months')::date AS six_months_day, c.closing_outcome, c.exit_recorded_on,
    c.exit_labour, c.exit_in_education, c.exit_qualification_gained, c.follow_up_employment
  FROM clients c
  WHERE c.organisation_id = ${p.organisationId}::uuid AND c.stage = 'closed'
    AND c.closed_at >= ((${p.from}::date - interval '6 months' - interval '4 days')::timestamp AT TIME ZONE 'Europe/Berlin')
    AND c.closed_at < ((${p.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin')`;

/** The participants who entered in the period: the `base` of the entry indicators. */
const entered = (p: Period) => sql`SELECT c.id, c.intake_date, c.birth_date, c.gender, c.citizenships,
    c.birth_country, c.employment_status_at_entry
  FROM clients c
  WHERE c.organisation_id = ${p.organisationId}::uuid AND c.intake_date BETWEEN ${p.from}::date AND ${p.to}::date`;

/** One fact per participant who entered in the period, in the column `col`. */
const entrants = (col: ReturnType<typeof sql>, where = sql`true`) => sql`
  SELECT c.id AS client_id, c.id::text AS ref, ${col} AS col, 0 AS n, c.intake_date AS on_day
  FROM base c WHERE (${where})`;

/** One fact per person whose case closed in the period (and is closed still). */
export const leavers = (p: Period, col: ReturnType<typeof sql>, where = sql`true`) => sql`
  SELECT c.id AS client_id, c.id::text AS ref, ${col} AS col, 0 AS n, c.closed_day AS on_day
  FROM base c WHERE c.closed_day BETWEEN ${p.from}::date AND ${p.to}::date AND (${where})`;

/** Everyone whose six months after leaving end in the period, by what they said then. */
export const sixMonthsTable: TableDefinition = {
  id: 'six_months',
  rowsBy: 'breakdown',
  partition: true,
  columns: ['employed_matching', 'employed_below', 'not_employed', 'no_answer', 'not_recorded'].map(
    personsColumn,
  ),
  facts: (p) => sql`
    SELECT c.id AS client_id, c.id::text AS ref, coalesce(c.follow_up_employment, 'not_recorded') AS col, 0 AS n,
      c.six_months_day AS on_day
    FROM base c WHERE c.six_months_day BETWEEN ${p.from}::date AND ${p.to}::date`,
};

/** EU, EEA and Switzerland with Germany: a third-country national holds none of these citizenships. */
const europeanCitizenships = sql.raw(`ARRAY[${quoted(['DE', ...euEeaCh])}]::text[]`);

export const esfEntryV1: ReportDefinition = {
  id: 'esf_entry',
  version: 1,
  breakdowns,
  trend: { table: 'participants', column: 'participants' },
  base: entered,
  tables: [
    {
      id: 'participants',
      rowsBy: 'breakdown',
      partition: false,
      columns: ['participants', 'third_country_nationals', 'foreign_background'].map(personsColumn),
      facts: () => sql`
        ${entrants(sql`'participants'`)}
        UNION ALL
        ${entrants(sql`'third_country_nationals'`, sql`cardinality(c.citizenships) > 0 AND NOT (c.citizenships && ${europeanCitizenships})`)}
        UNION ALL
        ${entrants(sql`'foreign_background'`, sql`(c.birth_country IS NOT NULL AND c.birth_country <> 'DE') OR EXISTS (SELECT 1 FROM unnest(c.citizenships) x WHERE x <> 'DE')`)}`,
    },
    {
      id: 'gender',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'participants', column: 'participants' },
      columns: [...genders, 'not_recorded'].map(personsColumn),
      facts: () => entrants(sql`coalesce(c.gender, 'not_recorded')`),
    },
    {
      id: 'employment_status',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'participants', column: 'participants' },
      columns: [...entryEmploymentStatuses, 'not_recorded'].map(personsColumn),
      facts: () => entrants(sql`coalesce(c.employment_status_at_entry, 'not_recorded')`),
    },
    {
      id: 'age_group',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'participants', column: 'participants' },
      columns: ['under_18', '18_29', '30_54', '55_plus', 'not_recorded'].map(personsColumn),
      facts: () => entrants(ageGroupSql()),
    },
    {
      id: 'isced',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'participants', column: 'participants' },
      columns: ['isced_0_2', 'isced_3_4', 'isced_5_8', 'not_recorded'].map(personsColumn),
      // The highest ISCED level of the recorded qualifications.
      facts: () =>
        entrants(
          sql`(SELECT CASE WHEN max(q.isced_level) IS NULL THEN 'not_recorded'
            WHEN max(q.isced_level) <= 2 THEN 'isced_0_2' WHEN max(q.isced_level) <= 4 THEN 'isced_3_4'
            ELSE 'isced_5_8' END FROM qualifications q WHERE q.client_id = c.id)`,
        ),
    },
  ],
};

export const esfResultsV1: ReportDefinition = {
  id: 'esf_results',
  version: 1,
  breakdowns,
  trend: { table: 'results', column: 'leavers' },
  base: closedCases,
  tables: [
    {
      id: 'results',
      rowsBy: 'breakdown',
      partition: false,
      columns: [
        'leavers',
        'employed',
        'job_seeking',
        'in_education',
        'qualification_gained',
        'no_answer',
        'not_recorded',
      ].map(personsColumn),
      facts: (p) => sql`
        ${leavers(p, sql`'leavers'`)}
        UNION ALL ${leavers(p, sql`'employed'`, sql`c.exit_labour = 'employed'`)}
        UNION ALL ${leavers(p, sql`'job_seeking'`, sql`c.exit_labour = 'job_seeking'`)}
        UNION ALL ${leavers(p, sql`'in_education'`, sql`c.exit_in_education`)}
        UNION ALL ${leavers(p, sql`'qualification_gained'`, sql`c.exit_qualification_gained`)}
        UNION ALL ${leavers(p, sql`'no_answer'`, sql`c.exit_labour = 'no_answer'`)}
        UNION ALL ${leavers(p, sql`'not_recorded'`, sql`c.exit_recorded_on IS NULL`)}`,
    },
    sixMonthsTable,
  ],
};
