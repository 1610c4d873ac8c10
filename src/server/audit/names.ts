import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { clients, institutions, measures, opportunities, sectors, users } from '../db/schema';

/**
 * Readable names for the ids that a page of the trail mentions, looked up only inside the viewer's
 * organisation. Each is something the trail already shows elsewhere: user names (the user filter),
 * case numbers (the "concerning" column; never a client's name), and the names and titles of the
 * directory and catalogue, which the entries that created them carry. Ids of anything else (a
 * consent, an import run) are left out rather than shown as a meaningless UUID.
 */
export async function namesOf(db: Db, organisationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const answers = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.organisationId, organisationId), inArray(users.id, ids))),
    db
      .select({ id: clients.id, name: clients.caseCode })
      .from(clients)
      .where(and(eq(clients.organisationId, organisationId), inArray(clients.id, ids))),
    db
      .select({ id: institutions.id, name: institutions.name })
      .from(institutions)
      .where(and(eq(institutions.organisationId, organisationId), inArray(institutions.id, ids))),
    db
      .select({ id: opportunities.id, name: opportunities.title })
      .from(opportunities)
      .where(and(eq(opportunities.organisationId, organisationId), inArray(opportunities.id, ids))),
    db
      .select({ id: measures.id, name: measures.title })
      .from(measures)
      .where(and(eq(measures.organisationId, organisationId), inArray(measures.id, ids))),
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .where(and(eq(sectors.organisationId, organisationId), inArray(sectors.id, ids))),
  ]);
  return new Map(answers.flat().map((r) => [r.id, r.name]));
}
