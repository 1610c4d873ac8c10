/**
 * IQ counselling report (IQ programme): who was counselled in the period, in how many sessions,
 * how the sessions took place, and what the persons counselled bring with them. The unit is the
 * counselling session of the contacts log (kind `session`): the counsellor records it anyway, so
 * nothing is entered twice. Person figures count each person once however many sessions they had.
 */
import { sql } from 'drizzle-orm';
import { breakdowns } from '../../../contracts/reports';
import { firstQualificationJoin } from '../breakdowns';
import { countColumn, type Period, personsColumn, type ReportDefinition } from '../definition';

/** The period's counselling sessions `s` of the organisation, with their case `c`. */
const sessions = (p: Period) => sql`SELECT s.id, s.client_id, s.occurred_on, s.session_type, s.channel
  FROM contacts s
  WHERE s.organisation_id = ${p.organisationId}::uuid AND s.kind = 'session'
    AND s.occurred_on BETWEEN ${p.from}::date AND ${p.to}::date`;

/** One fact per person counselled (their first session in the period puts them into a month). */
const personsCounselled = (p: Period, col: ReturnType<typeof sql>, joins = sql``) => sql`
  SELECT c.id AS client_id, c.id::text AS ref, ${col} AS col, 0 AS n, s.first_day AS on_day
  FROM (SELECT client_id, min(occurred_on) AS first_day FROM (${sessions(p)}) x GROUP BY client_id) s
  JOIN clients c ON c.id = s.client_id ${joins}`;

const sessionColumn = countColumn;
const personColumn = personsColumn;

export const iqCounsellingV1: ReportDefinition = {
  id: 'iq_counselling',
  version: 1,
  breakdowns,
  trend: { table: 'persons', column: 'sessions' },
  tables: [
    {
      id: 'persons',
      rowsBy: 'breakdown',
      partition: false,
      columns: [personColumn('persons_counselled'), personColumn('new_persons'), sessionColumn('sessions')],
      facts: (p) => sql`
        SELECT s.client_id, s.id::text AS ref, 'sessions' AS col, 0 AS n, s.occurred_on AS on_day FROM (${sessions(p)}) s
        UNION ALL
        SELECT s.client_id, s.client_id::text, 'persons_counselled', 0, min(s.occurred_on) FROM (${sessions(p)}) s GROUP BY s.client_id
        UNION ALL
        SELECT s.client_id, s.client_id::text, 'new_persons', 0, min(s.occurred_on) FROM (${sessions(p)}) s
        WHERE NOT EXISTS (SELECT 1 FROM contacts e WHERE e.client_id = s.client_id AND e.kind = 'session'
          AND e.occurred_on < ${p.from}::date)
        GROUP BY s.client_id`,
    },
    {
      id: 'session_type',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'sessions' },
      columns: ['first', 'follow_up', 'not_recorded'].map(sessionColumn),
      facts: (
        p,
      ) => sql`SELECT s.client_id, s.id::text AS ref, coalesce(s.session_type, 'not_recorded') AS col,
        0 AS n, s.occurred_on AS on_day FROM (${sessions(p)}) s`,
    },
    {
      id: 'channel',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'sessions' },
      columns: ['in_person', 'phone', 'video', 'email', 'chat', 'not_recorded'].map(sessionColumn),
      facts: (p) => sql`SELECT s.client_id, s.id::text AS ref, coalesce(s.channel, 'not_recorded') AS col,
        0 AS n, s.occurred_on AS on_day FROM (${sessions(p)}) s`,
    },
    {
      id: 'referral',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'persons_counselled' },
      columns: [
        'self',
        'social_environment',
        'job_centre',
        'employment_agency',
        'internet',
        'other_services',
        'other',
        'not_recorded',
      ].map(personColumn),
      facts: (p) => personsCounselled(p, sql`coalesce(c.referral_source, 'not_recorded')`),
    },
    {
      id: 'benefits',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'persons_counselled' },
      columns: ['sgb2', 'sgb3', 'asylblg', 'none', 'no_answer', 'not_recorded'].map(personColumn),
      facts: (p) => personsCounselled(p, sql`coalesce(c.benefits, 'not_recorded')`),
    },
    {
      id: 'qualification',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'persons_counselled' },
      columns: ['vocational', 'academic', 'not_recorded'].map(personColumn),
      facts: (p) => personsCounselled(p, sql`coalesce(fq.kind, 'not_recorded')`, firstQualificationJoin),
    },
    {
      id: 'regulation',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'persons_counselled' },
      columns: [
        'regulated_federal',
        'regulated_state',
        'regulated_law_unknown',
        'not_regulated',
        'not_recorded',
      ].map(personColumn),
      // Regulated as recorded on the qualification, else as the reference occupation is.
      facts: (p) =>
        personsCounselled(
          p,
          sql`CASE WHEN fq.kind IS NULL OR coalesce(fq.regulated, fq.occupation_regulated) IS NULL THEN 'not_recorded'
            WHEN NOT coalesce(fq.regulated, fq.occupation_regulated) THEN 'not_regulated'
            WHEN fq.law = 'federal' THEN 'regulated_federal'
            WHEN fq.law = 'state' THEN 'regulated_state'
            ELSE 'regulated_law_unknown' END`,
          firstQualificationJoin,
        ),
    },
  ],
};
