import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { ClientListFilter } from '../../contracts/clients';
import { cefrLevels } from '../../contracts/reference';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { clients, users } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { likeEscape, MIN_SKELETON_LENGTH, searchWords } from '../lib/search-text';
import { todayInGermany } from './deadlines';
import { presentListItem } from './present';
import { visibleCases } from './record';

/** The WHERE clause of the case list: visibility first, then the user's filters. */
export function caseFilter(actor: Actor, f: Partial<ClientListFilter>): SQL {
  const conditions: (SQL | undefined)[] = [visibleCases(actor)];
  if (f.q) {
    for (const w of searchWords(f.q)) {
      const byText = sql`${clients.searchText} LIKE ${`%${likeEscape(w.text)}%`}`;
      conditions.push(
        w.skeleton.length >= MIN_SKELETON_LENGTH
          ? or(byText, sql`${clients.searchSkeleton} LIKE ${`%${likeEscape(w.skeleton)}%`}`)
          : byText,
      );
    }
  }
  if (f.stage?.length) conditions.push(inArray(clients.stage, f.stage));
  else if (!f.includeClosed) conditions.push(ne(clients.stage, 'closed'));
  if (f.counsellorId) {
    conditions.push(
      or(
        eq(clients.ownerId, f.counsellorId),
        sql`EXISTS (SELECT 1 FROM client_counsellors cc WHERE cc.client_id = ${clients.id} AND cc.user_id = ${f.counsellorId})`,
      ),
    );
  }
  if (f.occupationId) {
    conditions.push(sql`(EXISTS (SELECT 1 FROM qualifications q WHERE q.client_id = ${clients.id} AND q.reference_occupation_id = ${f.occupationId})
      OR EXISTS (SELECT 1 FROM recognition_procedures p WHERE p.client_id = ${clients.id} AND p.reference_occupation_id = ${f.occupationId}))`);
  }
  if (f.country)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM qualifications q WHERE q.client_id = ${clients.id} AND q.country = ${f.country})`,
    );
  if (f.outcome) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM recognition_procedures p WHERE p.client_id = ${clients.id} AND p.outcome = ${f.outcome})`,
    );
  }
  if (f.language || f.minLevel) {
    const language = f.language ?? 'deu';
    const min = f.minLevel ? cefrLevels.indexOf(f.minLevel) + 1 : 1;
    conditions.push(sql`EXISTS (SELECT 1 FROM language_skills l WHERE l.client_id = ${clients.id} AND l.language = ${language}
      AND array_position(ARRAY['A1','A2','B1','B2','C1','C2','native'], l.level) >= ${min})`);
  }
  if (f.overdueSteps) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM next_steps s WHERE s.client_id = ${clients.id} AND s.done_at IS NULL AND s.due_date < ${todayInGermany()})`,
    );
  }
  return and(...conditions)!;
}

const sorts: Record<string, SQL[]> = {
  name: [asc(clients.familyName), asc(clients.givenNames), asc(clients.id)],
  '-name': [desc(clients.familyName), desc(clients.givenNames), desc(clients.id)],
  intake: [asc(clients.intakeDate), asc(clients.id)],
  '-intake': [desc(clients.intakeDate), desc(clients.id)],
  updated: [asc(clients.updatedAt), asc(clients.id)],
  '-updated': [desc(clients.updatedAt), desc(clients.id)],
  stage: [
    sql`array_position(ARRAY['intake','profiling','planning','in_measures','job_search','placed','closed'], ${clients.stage})`,
    asc(clients.familyName),
  ],
  '-stage': [
    sql`array_position(ARRAY['intake','profiling','planning','in_measures','job_search','placed','closed'], ${clients.stage}) DESC`,
    asc(clients.familyName),
  ],
  code: [asc(clients.caseCode)],
  '-code': [desc(clients.caseCode)],
};

/** The rows of one page, with what the list shows besides the case itself. */
export async function queryCases(db: Db, where: SQL, sort: string, limit: number, offset: number) {
  const today = todayInGermany();
  return db
    .select({
      id: clients.id,
      caseCode: clients.caseCode,
      givenNames: clients.givenNames,
      familyName: clients.familyName,
      givenNamesOriginal: clients.givenNamesOriginal,
      familyNameOriginal: clients.familyNameOriginal,
      birthDate: clients.birthDate,
      stage: clients.stage,
      ownerId: clients.ownerId,
      ownerName: users.name,
      intakeDate: clients.intakeDate,
      updatedAt: clients.updatedAt,
      email: clients.email,
      phone: clients.phone,
      district: clients.district,
      occupation: sql<
        string | null
      >`(SELECT o.title FROM qualifications q JOIN occupations o ON o.id = q.reference_occupation_id
        WHERE q.client_id = ${clients.id} ORDER BY q.created_at LIMIT 1)`,
      overdueSteps: sql<number>`(SELECT count(*)::int FROM next_steps s WHERE s.client_id = ${clients.id} AND s.done_at IS NULL AND s.due_date < ${today})`,
    })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.ownerId))
    .where(where)
    .orderBy(...(sorts[sort] ?? sorts.name!))
    .limit(limit)
    .offset(offset);
}

export async function listClients(ctx: AppContext, actor: Actor, f: ClientListFilter) {
  assertCan(actor, 'cases.work');
  const where = caseFilter(actor, f);
  const [rows, [count]] = await Promise.all([
    queryCases(ctx.db, where, f.sort, f.limit, f.offset),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(clients).where(where),
  ]);
  // A name search looks people up: it is recorded with its term (the list of one's own cases is not).
  if (f.q)
    await audit(ctx.db, actor, { action: 'client.searched', details: { q: f.q, results: count?.n ?? 0 } });
  return { items: rows.map(presentListItem), total: count?.n ?? 0, limit: f.limit, offset: f.offset };
}
