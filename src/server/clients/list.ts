import { asc, desc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { ClientListFilter } from '../../contracts/clients';
import { cefrLevels } from '../../contracts/reference';
import type { AppContext } from '../context';
import { type Db, queryRows } from '../db/client';
import { allOf, anyOf } from '../db/conditions';
import { clients, users } from '../db/schema';
import { assertCan, visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { likeEscape, searchWords, wordPattern } from '../lib/search-text';
import { presentListItem } from './present';

/**
 * A name search in any script: each typed word must match, as typed or by its name keys
 * (lib/search-text), through one regular expression that the one trigram index answers (pg_trgm
 * indexes alternations). One or two letters match the beginning of the family or given name instead
 * (btree prefix indexes): the trigram index cannot find them, and everyone would match anyway.
 */
export function nameSearch(q: string): SQL[] {
  const conditions: SQL[] = [];
  for (const w of searchWords(q)) {
    if (w.text.length < 3) {
      const prefix = `${likeEscape(w.text)}%`;
      conditions.push(
        anyOf(sql`${clients.familyKey} LIKE ${prefix}`, sql`${clients.givenKey} LIKE ${prefix}`),
      );
    } else {
      conditions.push(sql`${clients.searchText} ~ ${wordPattern(w)}`);
    }
  }
  return conditions;
}

/** The conditions of the case list: visibility and the user's filters, and the name search apart. */
function conditionsOf(actor: Actor, f: Partial<ClientListFilter>) {
  const conditions: (SQL | undefined)[] = [];
  const search = f.q ? nameSearch(f.q) : [];
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
    // German, the usual question, is kept on the client row (clients/summary.ts); other languages are looked up.
    conditions.push(
      language === 'deu'
        ? gte(clients.germanLevel, min)
        : sql`EXISTS (SELECT 1 FROM language_skills l WHERE l.client_id = ${clients.id} AND l.language = ${language}
      AND array_position(ARRAY['A1','A2','B1','B2','C1','C2','native'], l.level) >= ${min})`,
    );
  }
  if (f.overdueSteps) conditions.push(lt(clients.nextStepDue, todayInGermany()));
  // An anonymised case (privacy/deletion.ts) is no one's case any more: only the reports count it.
  conditions.push(isNull(clients.anonymisedAt));
  return { visible: visibleCasesSql(actor), rest: conditions, search };
}

/** The WHERE clause of the case list: visibility first, then the user's filters. */
export function caseFilter(actor: Actor, f: Partial<ClientListFilter>): SQL {
  const c = conditionsOf(actor, f);
  return allOf(c.visible, ...c.rest, ...c.search);
}

/**
 * The rows a page is taken from. With a name search the matches are found first (a materialised
 * CTE: trigram or prefix indexes), then filtered and sorted; otherwise the planner would walk the
 * name index filtering row by row, which it prefers when it underestimates how few names match.
 * The CTE is named "clients" in the outer query, so the same sort expressions serve both ways.
 */
function pageSource(actor: Actor, f: Partial<ClientListFilter>) {
  const c = conditionsOf(actor, f);
  const where = allOf(c.visible, ...c.rest, ...c.search);
  if (c.search.length === 0) return { prefix: sql``, from: sql`${clients} WHERE ${where}` };
  return {
    prefix: sql`WITH hits AS MATERIALIZED (SELECT id, family_name, given_names, updated_at, intake_date, stage, case_code FROM ${clients} WHERE ${where}) `,
    from: sql`hits AS clients`,
  };
}

/** Every sort the list offers (the query schema admits no other), so each has its order here. */
const sorts: Record<ClientListFilter['sort'], SQL[]> = {
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

/** The columns the list and the export show, with the case's first reference occupation and its overdue steps. */
export function selectCases(db: Db) {
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
      restrictedSince: clients.restrictedSince,
    })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.ownerId));
}

export const orderOf = (sort: ClientListFilter['sort']) => sorts[sort];

/** Counting stops here: beyond it the list says "more than …" instead of scanning every row. */
export const COUNT_LIMIT = 10_000;
const SEARCH_COUNT_LIMIT = 1_000;

export async function listClients(ctx: AppContext, actor: Actor, f: ClientListFilter) {
  assertCan(actor, 'cases.work');
  const { prefix, from } = pageSource(actor, f);
  const cap = f.q ? SEARCH_COUNT_LIMIT : COUNT_LIMIT;
  // First the ids of the page, then their rows: the per-row columns are computed for the page only
  // (in one query PostgreSQL would compute them for every row skipped by the offset, too).
  const [pageIds, counted] = await Promise.all([
    queryRows<{ id: string }>(
      ctx.db,
      sql`${prefix}SELECT ${clients.id} AS id FROM ${from} ORDER BY ${sql.join(orderOf(f.sort), sql`, `)} LIMIT ${f.limit} OFFSET ${f.offset}`,
    ),
    queryRows<{ n: number }>(
      ctx.db,
      sql`${prefix}SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} LIMIT ${cap + 1}) AS capped`,
    ),
  ]);
  const ids = pageIds.map((r) => r.id);
  const found = ids.length ? await selectCases(ctx.db).where(inArray(clients.id, ids)) : [];
  // In the page's order; a case deleted between the two queries is simply not on the page.
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const n = counted[0]?.n ?? 0;
  // A name search looks people up: it is recorded with its term (the list of one's own cases is not).
  if (f.q) await audit(ctx.db, actor, { action: 'client.searched', details: { q: f.q, results: n } });
  return {
    items: rows.map(presentListItem),
    total: Math.min(n, cap),
    totalCapped: n > cap,
    limit: f.limit,
    offset: f.offset,
  };
}
