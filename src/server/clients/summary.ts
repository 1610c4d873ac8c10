import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/**
 * Brings the list's summary columns of clients up to date from their entries: the earliest due
 * date of an open step, and the German level (1 = A1 … 6 = C2, 7 = native). Called after every
 * change of steps or language skills, and after bulk writes (demo, benchmark data).
 */
export async function refreshCaseSummaries(db: Db, clientIds: string[] | 'all', organisationId?: string) {
  const scope: SQL =
    clientIds === 'all'
      ? sql`c.organisation_id = ${organisationId}`
      : sql`c.id IN (${sql.join(
          clientIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  if (clientIds !== 'all' && clientIds.length === 0) return;
  await db.execute(sql`
    UPDATE clients c SET
      next_step_due = (SELECT min(s.due_date) FROM next_steps s WHERE s.client_id = c.id AND s.done_at IS NULL),
      german_level = (SELECT max(array_position(ARRAY['A1','A2','B1','B2','C1','C2','native'], l.level))
                      FROM language_skills l WHERE l.client_id = c.id AND l.language = 'deu')
    WHERE ${scope}`);
}
