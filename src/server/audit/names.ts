import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { clients, institutions, measures, opportunities, pathways, sectors, users } from '../db/schema';

/**
 * Readable names for the ids that a page of the trail mentions, looked up only inside the viewer's
 * organisation. Each is something the trail already shows elsewhere: user names (the user filter),
 * case numbers (the "concerning" column; never a client's name), and the names and titles of the
 * directory and catalogue, which the entries that created them carry. Ids of anything else (a
 * consent, an import run) are left out rather than shown as a meaningless UUID.
 */
/** The tables whose records the trail may name, each with the column that names a record. */
const named = [
  { table: users, name: users.name },
  { table: clients, name: clients.caseCode },
  { table: institutions, name: institutions.name },
  { table: opportunities, name: opportunities.title },
  { table: measures, name: measures.title },
  { table: sectors, name: sectors.name },
  { table: pathways, name: pathways.title },
] as const;

export async function namesOf(db: Db, organisationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const answers = await Promise.all(
    named.map(({ table, name }) =>
      db
        .select({ id: table.id, name })
        .from(table)
        .where(and(eq(table.organisationId, organisationId), inArray(table.id, ids))),
    ),
  );
  return new Map(answers.flat().map((r) => [r.id, r.name]));
}
