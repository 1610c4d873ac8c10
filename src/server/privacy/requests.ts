/**
 * Data-subject requests: finding the person (the dpo opens no case, so the search is its own and
 * audited), recording a request with its one-month deadline, the list with what is overdue, and
 * closing it (a refusal with its written reason). Every step is audited with the person.
 */
import { and, asc, count, eq, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  DueRequests,
  PersonHit,
  PersonSearchQuery,
  RequestBody,
  RequestItem,
  RequestPage,
  RequestUpdateBody,
  requestListQuery,
} from '../../contracts/privacy-requests';
import { nameSearch } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { clients, dataSubjectRequests, users } from '../db/schema';
import { assertCan, assertInOrganisation } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { addMonths, todayInGermany } from '../lib/calendar';
import { invalidField, notFound } from '../lib/errors';
import { assertVersion } from '../lib/versioned';

type ListFilter = import('zod').infer<typeof requestListQuery>;

/** A person of the organisation for a request: by name in any spelling, case number or birth date. */
export async function searchPersons(
  ctx: AppContext,
  actor: Actor,
  q: PersonSearchQuery,
): Promise<PersonHit[]> {
  assertCan(actor, 'privacy.requests');
  const conditions: SQL[] = [eq(clients.organisationId, actor.organisationId)];
  if (q.q && q.q.length >= 2) conditions.push(...nameSearch(q.q));
  if (q.birthDate) conditions.push(eq(clients.birthDate, q.birthDate));
  const rows = await ctx.db
    .select({
      clientId: clients.id,
      caseCode: clients.caseCode,
      givenNames: clients.givenNames,
      familyName: clients.familyName,
      birthDate: clients.birthDate,
      owner: users.name,
      restrictedSince: clients.restrictedSince,
    })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.ownerId))
    .where(and(...conditions, sql`${clients.anonymisedAt} IS NULL`))
    .orderBy(asc(clients.familyName), asc(clients.givenNames), asc(clients.id))
    .limit(20);
  // The dpo sees names only here: the search is recorded with its term (under `q`, which the audit
  // log shows only to those who may look persons up; a birth date names a person as well).
  await audit(ctx.db, actor, {
    action: 'audit.person_lookup',
    details: {
      q: [q.q, q.birthDate].filter(Boolean).join(' · '),
      for: 'privacy.request',
      results: rows.length,
    },
  });
  return rows.map(({ restrictedSince, ...r }) => ({ ...r, restricted: restrictedSince !== null }));
}

/** The person of a request: a case of the actor's organisation, whether or not the actor may open it. */
export async function personOf(db: Db, actor: Actor, clientId: string) {
  const [row] = await db.select().from(clients).where(eq(clients.id, clientId));
  assertInOrganisation(actor, row, 'case');
  if (row.anonymisedAt) throw notFound('case');
  return row;
}

export async function createRequest(ctx: AppContext, actor: Actor, body: RequestBody) {
  assertCan(actor, 'privacy.requests');
  const id = await ctx.db.transaction(async (tx) => {
    const person = await personOf(tx, actor, body.clientId).catch(() => {
      throw invalidField('clientId', 'no such person in this organisation');
    });
    const [row] = await tx
      .insert(dataSubjectRequests)
      .values({
        organisationId: actor.organisationId,
        clientId: person.id,
        kind: body.kind,
        receivedOn: body.receivedOn,
        // Art. 12(3): without undue delay, at the latest one month after receipt (§188 BGB).
        dueOn: addMonths(body.receivedOn, 1),
        note: body.note ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: dataSubjectRequests.id });
    if (!row) throw new Error('request not stored');
    await audit(tx, actor, {
      action: 'privacy.request_created',
      entityType: 'data_subject_request',
      entityId: row.id,
      subjectClientId: person.id,
      details: { kind: body.kind, receivedOn: body.receivedOn },
    });
    return row.id;
  });
  return getRequest(ctx, actor, id);
}

const creator = alias(users, 'creator');
const closer = alias(users, 'closer');

function selectRequests(db: Db) {
  return db
    .select({
      r: dataSubjectRequests,
      caseCode: clients.caseCode,
      givenNames: clients.givenNames,
      familyName: clients.familyName,
      birthDate: clients.birthDate,
      restrictedSince: clients.restrictedSince,
      legalHoldReason: clients.legalHoldReason,
      createdBy: creator.name,
      closedBy: closer.name,
    })
    .from(dataSubjectRequests)
    .leftJoin(clients, eq(clients.id, dataSubjectRequests.clientId))
    .leftJoin(creator, eq(creator.id, dataSubjectRequests.createdBy))
    .leftJoin(closer, eq(closer.id, dataSubjectRequests.closedBy));
}
type Row = Awaited<ReturnType<typeof selectRequests>>[number];

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function present(row: Row, today: string): RequestItem {
  const { r } = row;
  const open = r.status === 'open';
  return {
    id: r.id,
    kind: r.kind as RequestItem['kind'],
    status: r.status as RequestItem['status'],
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    overdue: open && r.dueOn < today,
    daysLeft: open ? daysBetween(today, r.dueOn) : null,
    person:
      r.clientId && row.caseCode
        ? {
            clientId: r.clientId,
            caseCode: row.caseCode,
            name: `${row.givenNames} ${row.familyName}`,
            birthDate: row.birthDate,
            restricted: row.restrictedSince !== null,
            legalHold: row.legalHoldReason,
          }
        : null,
    note: r.note,
    outcome: r.outcome,
    createdAt: r.createdAt.toISOString(),
    createdBy: row.createdBy,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: row.closedBy,
    version: r.version,
  };
}

function filterOf(actor: Actor, f: Partial<ListFilter>, today: string) {
  return and(
    eq(dataSubjectRequests.organisationId, actor.organisationId),
    f.status ? eq(dataSubjectRequests.status, f.status) : undefined,
    f.kind ? eq(dataSubjectRequests.kind, f.kind) : undefined,
    f.overdue === true
      ? and(eq(dataSubjectRequests.status, 'open'), lt(dataSubjectRequests.dueOn, today))
      : f.overdue === false
        ? sql`NOT (${dataSubjectRequests.status} = 'open' AND ${dataSubjectRequests.dueOn} < ${today})`
        : undefined,
  );
}

/** The organisation's requests, open ones first by their due date, then the closed ones. */
export async function listRequests(ctx: AppContext, actor: Actor, f: ListFilter): Promise<RequestPage> {
  assertCan(actor, 'privacy.requests');
  const today = todayInGermany();
  const where = filterOf(actor, f, today);
  const [rows, [total]] = await Promise.all([
    selectRequests(ctx.db)
      .where(where)
      .orderBy(
        sql`${dataSubjectRequests.status} <> 'open'`,
        asc(dataSubjectRequests.dueOn),
        asc(dataSubjectRequests.id),
      )
      .limit(f.limit)
      .offset(f.offset),
    ctx.db.select({ n: count() }).from(dataSubjectRequests).where(where),
  ]);
  return {
    items: rows.map((r) => present(r, today)),
    total: total?.n ?? 0,
    limit: f.limit,
    offset: f.offset,
  };
}

/** The open requests for the start page of leads and the dpo. */
export async function dueRequests(ctx: AppContext, actor: Actor): Promise<DueRequests> {
  const page = await listRequests(ctx, actor, { status: 'open', limit: 10, offset: 0 });
  const [late] = await ctx.db
    .select({ n: count() })
    .from(dataSubjectRequests)
    .where(filterOf(actor, { overdue: true }, todayInGermany()));
  return { items: page.items, total: page.total, overdue: late?.n ?? 0 };
}

async function requestRow(db: Db, actor: Actor, id: string) {
  const [row] = await selectRequests(db).where(eq(dataSubjectRequests.id, id));
  assertInOrganisation(actor, row?.r, 'request');
  return row as Row;
}

export async function getRequest(ctx: AppContext, actor: Actor, id: string): Promise<RequestItem> {
  assertCan(actor, 'privacy.requests');
  return present(await requestRow(ctx.db, actor, id), todayInGermany());
}

/** The request for a change at `version`: 404 when foreign, 409 when stale. */
export async function requestForChange(db: Db, actor: Actor, id: string, version: number) {
  assertCan(actor, 'privacy.requests');
  const row = await requestRow(db, actor, id);
  await assertVersion(db, row.r, version);
  return row.r;
}

/** Writes a change of a request and bumps its version (the caller has checked it). */
export async function touchRequest(
  db: Db,
  actor: Actor,
  id: string,
  values: Partial<typeof dataSubjectRequests.$inferInsert>,
) {
  await db
    .update(dataSubjectRequests)
    .set({
      ...values,
      updatedAt: new Date(),
      updatedBy: actor.userId,
      version: sql`${dataSubjectRequests.version} + 1`,
    })
    .where(eq(dataSubjectRequests.id, id));
}

/** A note, or closing the request: done, refused (with its reason) or withdrawn. Closed stays closed. */
export async function updateRequest(ctx: AppContext, actor: Actor, id: string, body: RequestUpdateBody) {
  await ctx.db.transaction(async (tx) => {
    const current = await requestForChange(tx, actor, id, body.version);
    const closing = body.status && body.status !== current.status;
    if (closing && current.status !== 'open') throw invalidField('status', 'the request is closed already');
    if (closing && body.status === 'open')
      throw invalidField('status', 'a closed request cannot be reopened');
    await touchRequest(tx, actor, id, {
      ...(body.note !== undefined ? { note: body.note } : {}),
      ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
      ...(closing ? { status: body.status, closedAt: new Date(), closedBy: actor.userId } : {}),
    });
    await audit(tx, actor, {
      action: 'privacy.request_changed',
      entityType: 'data_subject_request',
      entityId: id,
      subjectClientId: current.clientId,
      details: { kind: current.kind, status: body.status ?? current.status, fields: Object.keys(body) },
    });
  });
  return getRequest(ctx, actor, id);
}
