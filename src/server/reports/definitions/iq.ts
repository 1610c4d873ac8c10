/**
 * IQ counselling report (IQ programme): who was counselled in the period, in how many sessions,
 * how the sessions took place, and what the persons counselled bring with them. The unit is the
 * counselling session of the contacts log (kind `session`): the counsellor records it anyway, so
 * nothing is entered twice. Person figures count each person once however many sessions they had.
 */
import { sql } from 'drizzle-orm';
import { benefitTypes, referralSources } from '../../../contracts/clients';
import { channels, sessionTypes } from '../../../contracts/plan';
import { breakdowns } from '../../../contracts/reports';
import { firstQualificationJoin } from '../breakdowns';
import { countColumn, type Period, personsColumn, type ReportDefinition } from '../definition';

/** The period's counselling sessions of the organisation: the `base` every table counts from. */
const sessions = (p: Period) => sql`SELECT s.id, s.client_id, s.occurred_on, s.session_type, s.channel
  FROM contacts s
  WHERE s.organisation_id = ${p.organisationId}::uuid AND s.kind = 'session'
    AND s.occurred_on BETWEEN ${p.from}::date AND ${p.to}::date`;

/**
 * The persons counselled in the period, once each, with what the person tables count: the day of
 * their first session in the period, and from the case and its first recorded qualification
 * (regulated as recorded on it, else as its reference occupation is).
 */
const people = () => sql`SELECT y.client_id, y.first_day, y.referral_source, y.benefits, y.kind,
    coalesce(y.regulated, o.regulated) AS regulated, y.law
  FROM (SELECT x.client_id, x.first_day, c.referral_source, c.benefits, fq.kind, fq.regulated, fq.law,
      fq.reference_occupation_id
    FROM (SELECT client_id, min(occurred_on) AS first_day FROM base GROUP BY client_id) x
    JOIN clients c ON c.id = x.client_id ${firstQualificationJoin}
    -- A fence: the occupations are joined once below, not looked up inside the per-case lookup.
    OFFSET 0) y
  LEFT JOIN occupations o ON o.id = y.reference_occupation_id`;

/** One fact per person counselled (their first session in the period puts them into a month). */
const personsCounselled = (col: ReturnType<typeof sql>) => sql`
  SELECT p.client_id, p.client_id::text AS ref, ${col} AS col, 0 AS n, p.first_day AS on_day FROM people p`;

/** A person's sessions of each kind in the period, one fact for all of them (`w` of them). */
const sessionsBy = (kind: ReturnType<typeof sql>) => sql`SELECT s.client_id, s.client_id::text AS ref,
    coalesce(${kind}, 'not_recorded') AS col, 0 AS n, min(s.occurred_on) AS on_day, count(*) AS w
  FROM base s GROUP BY s.client_id, 3`;

const sessionColumn = countColumn;
const personColumn = personsColumn;

export const iqCounsellingV1: ReportDefinition = {
  id: 'iq_counselling',
  version: 1,
  breakdowns,
  trend: { table: 'persons', column: 'sessions' },
  base: sessions,
  people,
  tables: [
    {
      id: 'persons',
      rowsBy: 'breakdown',
      partition: false,
      columns: [personColumn('persons_counselled'), personColumn('new_persons'), sessionColumn('sessions')],
      facts: (period) => sql`
        SELECT s.client_id, s.id::text AS ref, 'sessions' AS col, 0 AS n, s.occurred_on AS on_day FROM base s
        UNION ALL
        SELECT p.client_id, p.client_id::text, 'persons_counselled', 0, p.first_day FROM people p
        UNION ALL
        SELECT p.client_id, p.client_id::text, 'new_persons', 0, p.first_day FROM people p
        WHERE NOT EXISTS (SELECT 1 FROM contacts e WHERE e.client_id = p.client_id AND e.kind = 'session'
          AND e.occurred_on < ${period.from}::date)`,
    },
    {
      id: 'session_type',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'sessions' },
      columns: [...sessionTypes, 'not_recorded'].map(sessionColumn),
      weighted: true,
      facts: () => sessionsBy(sql`s.session_type`),
    },
    {
      id: 'channel',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'sessions' },
      columns: [...channels, 'not_recorded'].map(sessionColumn),
      weighted: true,
      facts: () => sessionsBy(sql`s.channel`),
    },
    {
      id: 'referral',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'persons_counselled' },
      columns: [...referralSources, 'not_recorded'].map(personColumn),
      facts: () => personsCounselled(sql`coalesce(p.referral_source, 'not_recorded')`),
    },
    {
      id: 'benefits',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'persons_counselled' },
      columns: [...benefitTypes, 'not_recorded'].map(personColumn),
      facts: () => personsCounselled(sql`coalesce(p.benefits, 'not_recorded')`),
    },
    {
      id: 'qualification',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'persons', column: 'persons_counselled' },
      columns: ['vocational', 'academic', 'not_recorded'].map(personColumn),
      facts: () => personsCounselled(sql`coalesce(p.kind, 'not_recorded')`),
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
      facts: () =>
        personsCounselled(sql`CASE WHEN p.kind IS NULL OR p.regulated IS NULL THEN 'not_recorded'
          WHEN NOT p.regulated THEN 'not_regulated'
          WHEN p.law = 'federal' THEN 'regulated_federal'
          WHEN p.law = 'state' THEN 'regulated_state'
          ELSE 'regulated_law_unknown' END`),
    },
  ],
};
