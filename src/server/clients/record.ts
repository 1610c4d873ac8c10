import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { CreateClientBody, UpdateClientBody, UserRef } from '../../contracts/clients';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { caseCounters, caseTransitions, clientCounsellors, clients, users } from '../db/schema';
import { assertCan, canSeeCase, caseScope } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';
import { normalise, skeleton } from '../lib/search-text';
import { assertVersion } from '../lib/versioned';
import { assertSectors } from '../network/service';
import { presentClient } from './present';

export { assertVersion };

export type ClientRow = typeof clients.$inferSelect;

/** The list form of the case-visibility rule in lib/access (caseScope, canSeeCase). */
export function visibleCases(actor: Actor): SQL {
  const scope = caseScope(actor);
  const inOrg = eq(clients.organisationId, actor.organisationId);
  if (scope === 'organisation') return inOrg;
  if (scope === 'assigned') {
    return and(
      inOrg,
      or(
        eq(clients.ownerId, actor.userId),
        sql`EXISTS (SELECT 1 FROM client_counsellors cc WHERE cc.client_id = ${clients.id} AND cc.user_id = ${actor.userId})`,
      ),
    )!;
  }
  return sql`false`;
}

export function searchKeys(
  c: Pick<
    ClientRow,
    'givenNames' | 'familyName' | 'givenNamesOriginal' | 'familyNameOriginal' | 'caseCode' | 'email'
  >,
) {
  const names = [c.givenNames, c.familyName, c.givenNamesOriginal, c.familyNameOriginal]
    .filter(Boolean)
    .join(' ');
  return {
    searchText: `${normalise(`${names} ${c.caseCode} ${c.email ?? ''}`)} ${skeleton(names)}`,
    familyKey: normalise(c.familyName),
    givenKey: normalise(c.givenNames),
  };
}

/** Loads a case the actor may see; anything else answers 404, so existence is not revealed. */
export async function loadCase(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: ClientRow; counsellorIds: string[] }> {
  assertCan(actor, 'cases.work');
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), eq(clients.organisationId, actor.organisationId)));
  if (!row) throw notFound('case');
  const counsellorIds = (
    await db
      .select({ userId: clientCounsellors.userId })
      .from(clientCounsellors)
      .where(eq(clientCounsellors.clientId, id))
  ).map((r) => r.userId);
  if (!canSeeCase(actor, { ...row, counsellorIds })) throw notFound('case');
  return { row, counsellorIds };
}

export async function userRefs(db: Db, ids: string[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function presentCase(db: Db, actor: Actor, row: ClientRow, counsellorIds: string[]) {
  const refs = await userRefs(db, [row.ownerId, ...counsellorIds, row.updatedBy ?? '']);
  return presentClient(row, actor, {
    owner: refs.get(row.ownerId) ?? { id: row.ownerId, name: '?' },
    counsellors: counsellorIds.map((id) => refs.get(id) ?? { id, name: '?' }),
    updatedBy: row.updatedBy ? (refs.get(row.updatedBy)?.name ?? null) : null,
  });
}

async function nextCaseCode(tx: Db, organisationId: string, intakeDate: string): Promise<string> {
  const year = Number(intakeDate.slice(0, 4));
  const [counter] = await tx
    .insert(caseCounters)
    .values({ organisationId, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseCounters.organisationId, caseCounters.year],
      set: { last: sql`${caseCounters.last} + 1` },
    })
    .returning({ last: caseCounters.last });
  return `${year}-${String(counter!.last).padStart(4, '0')}`;
}

/** Same name and birth date, or same e-mail, among the organisation's cases (open and closed). */
export async function findDuplicates(
  db: Db,
  actor: Actor,
  c: {
    givenNames?: string;
    familyName?: string;
    birthDate?: string | null;
    email?: string | null;
    excludeId?: string;
  },
) {
  assertCan(actor, 'cases.work');
  const conditions: SQL[] = [];
  if (c.givenNames && c.familyName && c.birthDate) {
    conditions.push(
      and(
        eq(clients.birthDate, c.birthDate),
        sql`${clients.searchText} LIKE ${`${normalise(`${c.givenNames} ${c.familyName}`)}%`}`,
      )!,
    );
  }
  if (c.email) conditions.push(eq(clients.email, c.email.toLowerCase()));
  if (conditions.length === 0) return [];
  const rows = await db
    .select({
      id: clients.id,
      caseCode: clients.caseCode,
      givenNames: clients.givenNames,
      familyName: clients.familyName,
      birthDate: clients.birthDate,
      email: clients.email,
      owner: users.name,
    })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.ownerId))
    .where(
      and(
        eq(clients.organisationId, actor.organisationId),
        or(...conditions),
        c.excludeId ? sql`${clients.id} <> ${c.excludeId}` : undefined,
      ),
    )
    .limit(10);
  // Only what a colleague needs to coordinate: case code, name, birth date and who owns it.
  return rows.map((r) => ({
    id: r.id,
    caseCode: r.caseCode,
    name: `${r.givenNames} ${r.familyName}`,
    birthDate: r.birthDate,
    owner: r.owner,
    reason: (c.email && r.email === c.email.toLowerCase() ? 'email' : 'name_and_birth_date') as
      | 'email'
      | 'name_and_birth_date',
  }));
}

export async function createClient(ctx: AppContext, actor: Actor, body: CreateClientBody) {
  assertCan(actor, 'cases.work');
  const { ignoreDuplicates, ...fields } = body as CreateClientBody & { ignoreDuplicates: boolean };
  if (!ignoreDuplicates) {
    const candidates = await findDuplicates(ctx.db, actor, fields);
    if (candidates.length > 0) {
      throw new AppError(
        'duplicate',
        'A case with the same name and birth date, or the same e-mail, exists',
        {
          details: { candidates },
        },
      );
    }
  }
  const row = await ctx.db.transaction(async (tx) => {
    await assertSectors(tx, actor, fields.sectorId ? [fields.sectorId] : [], 'sectorId');
    const caseCode = await nextCaseCode(tx, actor.organisationId, fields.intakeDate);
    const values = fields as Omit<typeof clients.$inferInsert, 'organisationId' | 'caseCode' | 'ownerId'>;
    const [created] = await tx
      .insert(clients)
      .values({
        ...values,
        organisationId: actor.organisationId,
        caseCode,
        ownerId: actor.userId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
        ...searchKeys({ ...(values as ClientRow), caseCode }),
      })
      .returning();
    await tx.insert(caseTransitions).values({
      organisationId: actor.organisationId,
      clientId: created!.id,
      fromStage: null,
      toStage: 'intake',
      userId: actor.userId,
    });
    await audit(tx, actor, {
      action: 'client.created',
      entityType: 'client',
      entityId: created!.id,
      subjectClientId: created!.id,
    });
    return created!;
  });
  return presentCase(ctx.db, actor, row, []);
}

export async function updateClient(ctx: AppContext, actor: Actor, id: string, body: UpdateClientBody) {
  const { version, ...changes } = body;
  const updated = await ctx.db.transaction(async (tx) => {
    const { row, counsellorIds } = await loadCase(tx, actor, id);
    await assertVersion(tx, row, version);
    if (changes.sectorId) await assertSectors(tx, actor, [changes.sectorId], 'sectorId');
    const merged = { ...row, ...(changes as Partial<ClientRow>) };
    const [saved] = await tx
      .update(clients)
      .set({
        ...(changes as Partial<typeof clients.$inferInsert>),
        ...searchKeys(merged),
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`${clients.version} + 1`,
      })
      .where(and(eq(clients.id, id), eq(clients.version, version)))
      .returning();
    if (!saved) throw new AppError('version_conflict', 'Changed by someone else just now');
    await audit(tx, actor, {
      action: 'client.updated',
      entityType: 'client',
      entityId: id,
      subjectClientId: id,
      // Which fields changed, never their values: the trail must not become a copy of the data.
      details: { fields: Object.keys(changes) },
    });
    return { saved, counsellorIds };
  });
  return presentCase(ctx.db, actor, updated.saved, updated.counsellorIds);
}
