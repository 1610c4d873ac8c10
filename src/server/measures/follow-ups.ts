import { sql } from 'drizzle-orm';
import type { FollowUp } from '../../contracts/measures';
import type { AppContext } from '../context';
import { queryRows } from '../db/client';
import { assertCan, visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';

/** How long a request may wait for an answer before the dashboard asks for a follow-up. */
export const FOLLOW_UP_DAYS = 14;

/**
 * Measures and offers of the caller's open cases that wait for someone else's answer — funding
 * applied for, a client introduced to an employer — with no step for two weeks.
 */
export async function followUps(ctx: AppContext, actor: Actor): Promise<FollowUp[]> {
  assertCan(actor, 'cases.work');
  const since = sql`now() - make_interval(days => ${FOLLOW_UP_DAYS})`;
  const rows = await queryRows<{
    id: string;
    kind: 'measure' | 'offer';
    client_id: string;
    case_code: string;
    name: string;
    title: string;
    counterpart: string | null;
    status: string;
    since: string | Date;
  }>(
    ctx.db,
    sql`SELECT x.id, x.kind, x.client_id, x.case_code, x.name, x.title, x.counterpart, x.status, x.since::timestamptz AS since FROM (
          SELECT cm.id, 'measure' AS kind, clients.id AS client_id, clients.case_code,
                 clients.given_names || ' ' || clients.family_name AS name, m.title,
                 coalesce(f.name, p.name) AS counterpart, cm.status, (cm.history->-1->>'at') AS since
          FROM client_measures cm
          JOIN clients ON clients.id = cm.client_id
          JOIN measures m ON m.id = cm.measure_id
          LEFT JOIN institutions f ON f.id = cm.funder_id
          LEFT JOIN institutions p ON p.id = m.provider_id
          WHERE cm.status IN ('applied', 'funding_requested') AND clients.stage <> 'closed' AND ${visibleCasesSql(actor)}
          UNION ALL
          SELECT co.id, 'offer', clients.id, clients.case_code,
                 clients.given_names || ' ' || clients.family_name, o.title, e.name, co.status, (co.history->-1->>'at')
          FROM client_opportunities co
          JOIN clients ON clients.id = co.client_id
          JOIN opportunities o ON o.id = co.opportunity_id
          JOIN institutions e ON e.id = o.employer_id
          WHERE co.status IN ('introduced', 'interview', 'offer') AND clients.stage <> 'closed' AND ${visibleCasesSql(actor)}
        ) x
        WHERE x.since::timestamptz < ${since}
        ORDER BY x.since
        LIMIT 50`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    client: { id: r.client_id, caseCode: r.case_code, name: r.name },
    title: r.title,
    counterpart: r.counterpart,
    status: r.status,
    since: new Date(r.since).toISOString(),
  }));
}
