/**
 * Recognition processing times against the three-month rule (§ 6 BQFG and the state laws): the
 * procedures decided in the period, how many within their deadline (`decision_due_on`, which
 * lib/deadlines computes from the documents' completeness, extensions and suspensions), the share
 * within it, and the median days from complete documents (else from submission) to the decision.
 */
import { sql } from 'drizzle-orm';
import { breakdowns } from '../../../contracts/reports';
import { countColumn, type Period, type ReportDefinition } from '../definition';

const decided = (p: Period) => sql`SELECT r.id, r.client_id, r.decided_on, r.decision_due_on, r.outcome,
    r.decided_on - coalesce(r.documents_complete_on, r.submitted_on) AS days
  FROM recognition_procedures r
  WHERE r.organisation_id = ${p.organisationId}::uuid AND r.type = 'recognition'
    AND r.decided_on BETWEEN ${p.from}::date AND ${p.to}::date`;

const fact = (col: string, n = sql`0`, where = sql`true`) =>
  sql`SELECT d.client_id, d.id::text AS ref, ${col} AS col, ${n} AS n, d.decided_on AS on_day FROM base d WHERE ${where}`;

export const recognitionTimesV1: ReportDefinition = {
  id: 'recognition_times',
  version: 1,
  breakdowns,
  trend: { table: 'times', column: 'decided' },
  base: decided,
  tables: [
    {
      id: 'times',
      rowsBy: 'breakdown',
      partition: false,
      columns: [
        countColumn('decided'),
        countColumn('within_deadline'),
        countColumn('after_deadline'),
        countColumn('no_deadline'),
        { key: 'share_within', kind: 'share' },
        { key: 'median_days', kind: 'median' },
      ],
      facts: () => sql`        ${fact('decided')}
        UNION ALL ${fact('within_deadline', sql`0`, sql`d.decided_on <= d.decision_due_on`)}
        UNION ALL ${fact('after_deadline', sql`0`, sql`d.decided_on > d.decision_due_on`)}
        UNION ALL ${fact('no_deadline', sql`0`, sql`d.decision_due_on IS NULL`)}
        UNION ALL ${fact('share_within', sql`CASE WHEN d.decided_on <= d.decision_due_on THEN 1 ELSE 0 END`, sql`d.decision_due_on IS NOT NULL`)}
        UNION ALL ${fact('median_days', sql`d.days`, sql`d.days IS NOT NULL AND d.days >= 0`)}`,
    },
    {
      id: 'outcomes',
      rowsBy: 'breakdown',
      partition: true,
      totalEquals: { table: 'times', column: 'decided' },
      columns: ['full', 'partial', 'compensation_required', 'not_recognised', 'withdrawn', 'other'].map(
        countColumn,
      ),
      facts: () => sql`        SELECT d.client_id, d.id::text AS ref,
          CASE WHEN d.outcome IN ('full', 'equivalent') THEN 'full'
            WHEN d.outcome = 'partial' THEN 'partial'
            WHEN d.outcome = 'compensation_required' THEN 'compensation_required'
            WHEN d.outcome IN ('none', 'rejected', 'rejected_no_cooperation') THEN 'not_recognised'
            WHEN d.outcome = 'withdrawn' THEN 'withdrawn'
            ELSE 'other' END AS col, 0 AS n, d.decided_on AS on_day
        FROM base d`,
    },
  ],
};
