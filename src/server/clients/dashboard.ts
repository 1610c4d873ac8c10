import { and, asc, count, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { queryRows } from '../db/client';
import { allOf } from '../db/conditions';
import { clients, consents, nextSteps, recognitionProcedures, users } from '../db/schema';
import { assertCan, caseScope, visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { addDays, todayInGermany } from '../lib/calendar';
import { isValidOnSql } from '../lib/consent';

const RESIDENCE_WARNING_DAYS = 60;
const CONSENT_WARNING_DAYS = 30;
const STEP_HORIZON_DAYS = 14;
const LIMIT = 50;

const caseRef = {
  clientId: clients.id,
  caseCode: clients.caseCode,
  name: sql<string>`${clients.givenNames} || ' ' || ${clients.familyName}`,
};
/** Open cases the actor may see. */
const openCases = (actor: Actor) => allOf(visibleCasesSql(actor), ne(clients.stage, 'closed'));

/**
 * Steps due in the next two weeks or overdue, earliest first, a page at a time (a lead sees the
 * whole organisation's, which can be hundreds).
 */
export async function dueSteps(ctx: AppContext, actor: Actor, page: { limit: number; offset: number }) {
  assertCan(actor, 'cases.work');
  const today = todayInGermany();
  const where = and(
    visibleCasesSql(actor),
    // A closed case's steps are over, except those planned after it closed (the funders' questions).
    or(ne(clients.stage, 'closed'), gte(nextSteps.createdAt, clients.closedAt)),
    isNull(nextSteps.doneAt),
    lte(nextSteps.dueDate, addDays(today, STEP_HORIZON_DAYS)),
    // A lead sees the steps of the organisation; a counsellor those of their cases and those given to them.
    caseScope(actor) === 'organisation'
      ? undefined
      : sql`(${nextSteps.ownerUserId} IS NULL OR ${nextSteps.ownerUserId} = ${actor.userId})`,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        ...caseRef,
        id: nextSteps.id,
        text: nextSteps.text,
        dueDate: nextSteps.dueDate,
        owner: users.name,
        ownerNote: nextSteps.ownerNote,
      })
      .from(nextSteps)
      .innerJoin(clients, eq(clients.id, nextSteps.clientId))
      .leftJoin(users, eq(users.id, nextSteps.ownerUserId))
      .where(where)
      // The id keeps the order stable between pages when many steps fall due on one day.
      .orderBy(asc(nextSteps.dueDate), asc(nextSteps.id))
      .limit(page.limit)
      .offset(page.offset),
    ctx.db
      .select({ n: count() })
      .from(nextSteps)
      .innerJoin(clients, eq(clients.id, nextSteps.clientId))
      .where(where),
  ]);
  return {
    items: rows.map((s) => ({ ...s, overdue: Boolean(s.dueDate && s.dueDate < today) })),
    total: total?.n ?? 0,
    limit: page.limit,
    offset: page.offset,
  };
}

/**
 * What else needs the counsellor's attention: residence titles ending within 60 days, consents
 * ending within 30 days, overdue recognition decisions, cases per stage. Counsellors see their own
 * and shared cases; leads the organisation's.
 */
export async function dashboard(ctx: AppContext, actor: Actor) {
  assertCan(actor, 'cases.work');
  const today = todayInGermany();
  const visible = openCases(actor);

  const residence = await queryRows<{
    client_id: string;
    case_code: string;
    name: string;
    legal_basis: string;
    valid_until: string;
  }>(
    ctx.db,
    sql`SELECT * FROM (
          SELECT DISTINCT ON (r.client_id) r.client_id, clients.case_code, clients.given_names || ' ' || clients.family_name AS name,
                 r.legal_basis, r.valid_until::text AS valid_until
          FROM residence_statuses r JOIN clients ON clients.id = r.client_id
          WHERE ${visible}
          ORDER BY r.client_id, r.valid_from DESC NULLS LAST, r.created_at DESC
        ) latest
        WHERE latest.valid_until IS NOT NULL AND latest.valid_until <= ${addDays(today, RESIDENCE_WARNING_DAYS)}
        ORDER BY latest.valid_until LIMIT ${LIMIT}`,
  );

  const expiringConsents = await ctx.db
    .select({ ...caseRef, id: consents.id, purposes: consents.purposes, validUntil: consents.validUntil })
    .from(consents)
    .innerJoin(clients, eq(clients.id, consents.clientId))
    .where(
      and(
        visible,
        // In force today (the consent policy) and ending within the warning period.
        isValidOnSql(today, 'consents'),
        sql`${consents.validUntil} <= ${addDays(today, CONSENT_WARNING_DAYS)}`,
      ),
    )
    .orderBy(asc(consents.validUntil))
    .limit(LIMIT);

  const overdueDecisions = await ctx.db
    .select({
      ...caseRef,
      id: recognitionProcedures.id,
      dueOn: recognitionProcedures.decisionDueOn,
      authority: recognitionProcedures.authorityName,
    })
    .from(recognitionProcedures)
    .innerJoin(clients, eq(clients.id, recognitionProcedures.clientId))
    .where(
      and(
        visible,
        isNull(recognitionProcedures.decidedOn),
        sql`${recognitionProcedures.decisionDueOn} < ${today}`,
      ),
    )
    .orderBy(asc(recognitionProcedures.decisionDueOn))
    .limit(LIMIT);

  const stageCounts = await ctx.db
    .select({ stage: clients.stage, n: sql<number>`count(*)::int` })
    .from(clients)
    .where(visibleCasesSql(actor))
    .groupBy(clients.stage);

  return {
    today,
    residence: residence.map((r) => ({
      clientId: r.client_id,
      caseCode: r.case_code,
      name: r.name,
      legalBasis: r.legal_basis,
      validUntil: r.valid_until,
      expired: r.valid_until < today,
    })),
    consents: expiringConsents,
    overdueDecisions,
    stages: Object.fromEntries(stageCounts.map((s) => [s.stage, s.n])),
  };
}
