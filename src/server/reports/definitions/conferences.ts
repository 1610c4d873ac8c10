/**
 * Conferences held, institutions involved, and the commitments agreed against done on time, for
 * the conferences whose local date lies in the period. The rows are institutions, not persons, so
 * no breakdown applies; cells are still hidden when fewer than five persons stand behind them (the
 * cases a commitment is about). Leads only: conferences are the organisation's, not a caseload's.
 */
import { sql } from 'drizzle-orm';
import { commitmentStateSql, heldStatuses } from '../../conferences/service';
import { quoted } from '../breakdowns';
import { countColumn, type Period, personsColumn, type ReportDefinition } from '../definition';

/** The period's conferences `k` that were held (their minutes may since be out, or the file closed). */
const held = (p: Period) => sql`SELECT k.id, (k.starts_at AT TIME ZONE k.time_zone)::date AS day
  FROM conferences k
  WHERE k.organisation_id = ${p.organisationId}::uuid AND k.status IN (${sql.raw(quoted(heldStatuses))})
    AND (k.starts_at AT TIME ZONE k.time_zone)::date BETWEEN ${p.from}::date AND ${p.to}::date`;

export const conferencesV1: ReportDefinition = {
  id: 'conferences',
  version: 1,
  breakdowns: ['none'],
  leadsOnly: true,
  trend: { table: 'conferences', column: 'held' },
  tables: [
    {
      id: 'conferences',
      rowsBy: 'none',
      fixedRows: ['all'],
      partition: false,
      columns: [
        { key: 'held', kind: 'plain' },
        { key: 'institutions_involved', kind: 'plain' },
        personsColumn('cases_discussed'),
      ],
      // Involved: attended (or sent a deputy) or took on a commitment there.
      facts: (p) => sql`WITH h AS (${held(p)})
        SELECT NULL::uuid AS client_id, h.id::text AS ref, 'held' AS col, 0 AS n, h.day AS on_day,
          'all' AS row_key, NULL::text AS row_label FROM h
        UNION ALL
        SELECT NULL::uuid, x.institution_id::text, 'institutions_involved', 0, min(x.day), 'all', NULL FROM (
          SELECT i.institution_id, h.day FROM conference_invitations i JOIN h ON h.id = i.conference_id
          WHERE i.answer IN ('attending', 'deputy')
          UNION ALL
          SELECT cm.institution_id, h.day FROM commitments cm JOIN h ON h.id = cm.conference_id) x
        GROUP BY x.institution_id
        UNION ALL
        SELECT n.client_id, n.client_id::text, 'cases_discussed', 0, min(h.day), 'all', NULL
        FROM conference_nominations n JOIN h ON h.id = n.conference_id
        WHERE n.discussed_at IS NOT NULL OR NOT EXISTS (
          SELECT 1 FROM conference_nominations l WHERE l.conference_id = n.conference_id AND l.discussed_at IS NOT NULL)
        GROUP BY n.client_id`,
    },
    {
      id: 'commitments',
      rowsBy: 'institution',
      partition: true,
      columns: ['done_on_time', 'done_late', 'open_not_due', 'overdue', 'dropped'].map(countColumn),
      facts: (p) => sql`WITH h AS (${held(p)})
        SELECT cm.client_id, cm.id::text AS ref, ${commitmentStateSql(p.today)} AS col, 0 AS n, h.day AS on_day,
          coalesce(cm.institution_id::text, 'none') AS row_key, inst.name AS row_label
        FROM commitments cm JOIN h ON h.id = cm.conference_id
        LEFT JOIN institutions inst ON inst.id = cm.institution_id`,
    },
  ],
};
