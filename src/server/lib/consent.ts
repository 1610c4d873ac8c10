import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ConsentPurpose, ConsentScope } from '../../contracts/consent';
import type { Db } from '../db/client';
import { consents } from '../db/schema';
import { todayInGermany } from './calendar';
import { normalise } from './search-text';

/**
 * The consent policy: the one definition of "this consent lets data of the client go to
 * institution X, for purpose P, in scope S, on day T". Every share asks it at the moment of
 * access (the case file's summary, introductions to employers, matching, and the conferences and
 * the partner portal to come), in one of two forms built from the same rules below:
 *
 * - `consentAllows(row, question)` — a predicate over a consent row, in the process;
 * - `consentAllowsSql(question)` / `clientHasConsentSql(clientId, question)` — the same as a SQL
 *   condition, for lists and matching over many cases.
 *
 * The rules, each written once for both forms:
 * 1. valid on the day: given on or before it, not expired before it, and not withdrawn — a
 *    withdrawal counts from the moment it is recorded, whatever day is asked about;
 * 2. the purpose is one of the consent's purposes;
 * 3. scope: an identified consent also covers pseudonymised data, never the other way round;
 * 4. the recipient, when the question names one, is named by the consent: by its directory id
 *    (merging institutions moves these ids to the one that stays), or by a name with the same
 *    comparison key (`nameKeys`, stored with the consent in `institution_keys`).
 */
export interface ConsentQuestion {
  purpose: ConsentPurpose;
  /** The institution that is to receive the data. */
  recipient?: { id: string; name: string };
  /** `identified` needs a consent that allows names; `pseudonymised` (or none) accepts either. */
  scope?: ConsentScope;
  /** The day of access (YYYY-MM-DD, Europe/Berlin); today unless asked about another day. */
  on?: string;
}

/** The columns of a consent that the policy reads. */
export type ConsentTerms = Pick<
  typeof consents.$inferSelect,
  'purposes' | 'scope' | 'institutionIds' | 'institutionKeys' | 'givenOn' | 'validUntil' | 'withdrawnAt'
>;

/** Comparison keys of recipients' names: case, accents, script and spacing do not matter. */
export function nameKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(normalise).filter(Boolean))];
}

/** Rule 1 alone: the consent is in force on the day (what "active" means on the case file). */
export function isValidOn(
  c: Pick<ConsentTerms, 'givenOn' | 'validUntil' | 'withdrawnAt'>,
  on = todayInGermany(),
) {
  return c.withdrawnAt === null && c.givenOn <= on && (c.validUntil === null || c.validUntil >= on);
}

/** Rule 1 in SQL, over a row of `consents` under the alias given (the dashboard's expiring consents). */
export function isValidOnSql(on: string, alias = 'k'): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  return sql`(${col('withdrawn_at')} IS NULL AND ${col('given_on')} <= ${on}::date
    AND (${col('valid_until')} IS NULL OR ${col('valid_until')} >= ${on}::date))`;
}

/** The policy in the process. */
export function consentAllows(c: ConsentTerms, q: ConsentQuestion): boolean {
  return isValidOn(c, q.on ?? todayInGermany()) && coversShare(c, q);
}

/** Rules 2–4 alone: what the consent covers, whether or not it is in force on the day. */
function coversShare(c: ConsentTerms, q: ConsentQuestion): boolean {
  if (!c.purposes.includes(q.purpose)) return false;
  if (q.scope === 'identified' && c.scope !== 'identified') return false;
  if (q.recipient) {
    const key = normalise(q.recipient.name);
    if (!c.institutionIds.includes(q.recipient.id) && !(key && c.institutionKeys.includes(key))) return false;
  }
  return true;
}

/** Why nothing may go, when no consent allows a share (the conference's consent check shows it). */
export type ConsentRefusal = 'no_consent' | 'not_named' | 'expired' | 'withdrawn';

/**
 * Why none of a client's consents allows the share, from the same rules: no consent with the
 * purpose at all (`no_consent`); some, but none that covers this recipient (`not_named`); or the
 * newest one that covers it is no longer in force — `withdrawn` (a corrected record too) or
 * `expired`. One recorded with a day still to come counts as no consent yet. Only meaningful
 * when `consentAllows` said no to every row.
 */
export function refusalOf(rows: readonly ConsentTerms[], q: ConsentQuestion): ConsentRefusal {
  if (!rows.some((c) => c.purposes.includes(q.purpose))) return 'no_consent';
  const covering = rows
    .filter((c) => coversShare(c, q))
    .sort((a, b) => (a.givenOn < b.givenOn ? 1 : a.givenOn > b.givenOn ? -1 : 0));
  const newest = covering[0];
  if (!newest) return 'not_named';
  if (newest.withdrawnAt) return 'withdrawn';
  if (newest.validUntil !== null && newest.validUntil < (q.on ?? todayInGermany())) return 'expired';
  return 'no_consent';
}

/**
 * The policy in SQL: a condition over a row of `consents` under the alias `k` (or the table's
 * own name). Rules in the order of `consentAllows`.
 */
export function consentAllowsSql(q: ConsentQuestion, alias = 'k'): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const rules: SQL[] = [
    isValidOnSql(q.on ?? todayInGermany(), alias),
    sql`${q.purpose}::text = ANY(${col('purposes')})`,
  ];
  if (q.scope === 'identified') rules.push(sql`${col('scope')} = 'identified'`);
  if (q.recipient) {
    const key = normalise(q.recipient.name);
    rules.push(
      sql`(${q.recipient.id}::uuid = ANY(${col('institution_ids')}) OR (${key} <> '' AND ${key}::text = ANY(${col('institution_keys')})))`,
    );
  }
  return sql.join(rules, sql` AND `);
}

/** Whether the client behind `clientId` (a column or value of the outer query) has such a consent. */
export function clientHasConsentSql(clientId: SQL, q: ConsentQuestion): SQL {
  return sql`EXISTS (SELECT 1 FROM consents k WHERE k.client_id = ${clientId} AND ${consentAllowsSql(q)})`;
}

/** The newest consent of a client that allows the share, or null: the one a disclosure cites. */
export async function allowingConsent(db: Db, clientId: string, q: ConsentQuestion) {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.clientId, clientId), consentAllowsSql(q, 'consents')))
    .orderBy(desc(consents.givenOn), desc(consents.createdAt))
    .limit(1);
  return row ?? null;
}

/** Every consent of the clients with the purpose, in force or not, newest first: for `consentAllows` and `refusalOf` over many cases at once. */
export async function consentsWithPurpose(db: Db, clientIds: readonly string[], purpose: ConsentPurpose) {
  if (clientIds.length === 0) return [];
  return db
    .select()
    .from(consents)
    .where(and(inArray(consents.clientId, [...clientIds]), sql`${purpose}::text = ANY(${consents.purposes})`))
    .orderBy(desc(consents.givenOn), desc(consents.createdAt));
}

/**
 * Consents recorded before `institution_keys` existed get their keys once, at start; the keys
 * need the same `normalise` as the policy, which SQL alone cannot compute.
 */
export async function backfillNameKeys(db: Db) {
  const rows = await db
    .select({ id: consents.id, institutions: consents.institutions })
    .from(consents)
    .where(sql`cardinality(${consents.institutions}) > 0 AND cardinality(${consents.institutionKeys}) = 0`);
  for (const r of rows) {
    await db
      .update(consents)
      .set({ institutionKeys: nameKeys(r.institutions) })
      .where(eq(consents.id, r.id));
  }
  return rows.length;
}
