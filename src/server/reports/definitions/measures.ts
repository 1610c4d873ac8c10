/**
 * Measures by type and outcome: the measures of cases that started in the period (their start
 * date), by where they stand now — completed, dropped (or rejected after starting), or running.
 */
import { sql } from 'drizzle-orm';
import { measureTypes } from '../../../contracts/measures';
import { breakdowns } from '../../../contracts/reports';
import { countColumn, type Period, personsColumn, type ReportDefinition } from '../definition';

const started = (p: Period) => sql`SELECT cm.id, cm.client_id, cm.start_date, m.type,
    CASE WHEN cm.status = 'completed' THEN 'completed'
      WHEN cm.status IN ('dropped', 'rejected') THEN 'dropped' ELSE 'running' END AS outcome
  FROM client_measures cm JOIN measures m ON m.id = cm.measure_id
  WHERE cm.organisation_id = ${p.organisationId}::uuid
    AND cm.start_date BETWEEN ${p.from}::date AND ${p.to}::date`;

export const measuresV1: ReportDefinition = {
  id: 'measures',
  version: 1,
  breakdowns,
  trend: { table: 'persons', column: 'measures_started' },
  base: started,
  tables: [
    {
      id: 'by_type',
      rowsBy: 'measure_type',
      fixedRows: measureTypes,
      partition: true,
      columns: ['completed', 'dropped', 'running'].map(countColumn),
      facts: (
        _p,
      ) => sql`SELECT s.client_id, s.id::text AS ref, s.outcome AS col, 0 AS n, s.start_date AS on_day,
          s.type AS row_key, NULL::text AS row_label
        FROM base s`,
    },
    {
      id: 'persons',
      rowsBy: 'breakdown',
      partition: false,
      columns: [
        countColumn('measures_started'),
        personsColumn('persons_started'),
        personsColumn('persons_completed'),
      ],
      facts:
        () => sql`        SELECT s.client_id, s.id::text AS ref, 'measures_started' AS col, 0 AS n, s.start_date AS on_day FROM base s
        UNION ALL SELECT s.client_id, s.client_id::text, 'persons_started', 0, s.start_date FROM base s
        UNION ALL SELECT s.client_id, s.client_id::text, 'persons_completed', 0, s.start_date FROM base s WHERE s.outcome = 'completed'`,
    },
  ],
};
