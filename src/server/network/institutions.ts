import { and, asc, count, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { InstitutionType, institutionBody } from '../../contracts/network';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { institutionContacts, institutions } from '../db/schema';
import { assertCan, assertInOrganisation } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { likeEscape, normalise } from '../lib/search-text';
import { loadForChange, writeChange } from '../lib/versioned';
import { presentInstitution } from './present';
import { assertSectors, sectorNames } from './service';

export const keysOf = (i: { name: string; city?: string | null; email?: string | null }) => ({
  searchText: normalise(`${i.name} ${i.city ?? ''} ${i.email ?? ''}`),
});

export async function loadInstitution(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
  assertInOrganisation(actor, row, 'institution');
  return row;
}

export async function listInstitutions(
  ctx: AppContext,
  actor: Actor,
  q: {
    q?: string | undefined;
    type?: InstitutionType[] | undefined;
    sectorId?: string | undefined;
    district?: string | undefined;
    includeInactive?: boolean | undefined;
    limit: number;
    offset: number;
  },
) {
  assertCan(actor, 'network.work');
  const where = directoryFilter(actor, q);
  const [rows, [total], names] = await Promise.all([
    ctx.db
      .select({
        i: institutions,
        contacts: sql<number>`(SELECT count(*)::int FROM institution_contacts c WHERE c.institution_id = "institutions"."id")`,
      })
      .from(institutions)
      .where(where)
      .orderBy(asc(institutions.name))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(institutions).where(where),
    sectorNames(ctx.db, actor.organisationId),
  ]);
  return {
    items: rows.map(({ i, contacts }) => ({
      id: i.id,
      name: i.name,
      type: i.type as InstitutionType,
      sectors: i.sectorIds.map((s) => names.get(s) ?? '?'),
      city: i.city,
      district: i.district,
      active: i.active,
      contactCount: contacts,
    })),
    total: total?.n ?? 0,
    limit: q.limit,
    offset: q.offset,
  };
}

export type DirectoryFilter = {
  q?: string | undefined;
  type?: string[] | undefined;
  sectorId?: string | undefined;
  district?: string | undefined;
  includeInactive?: boolean | undefined;
};

/** The directory's search and filters, as the list and the export apply them. */
export function directoryFilter(actor: Actor, q: DirectoryFilter) {
  const conditions: SQL[] = [eq(institutions.organisationId, actor.organisationId)];
  for (const w of normalise(q.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 6)) {
    conditions.push(sql`${institutions.searchText} LIKE ${`%${likeEscape(w)}%`}`);
  }
  if (q.type?.length) conditions.push(inArray(institutions.type, q.type));
  if (q.sectorId) conditions.push(sql`${q.sectorId}::uuid = ANY(${institutions.sectorIds})`);
  if (q.district) conditions.push(eq(institutions.district, q.district));
  if (!q.includeInactive) conditions.push(eq(institutions.active, true));
  return and(...conditions);
}

export async function getInstitution(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, 'network.work');
  return presentInstitution(ctx.db, await loadInstitution(ctx.db, actor, id));
}

export type InstitutionInput = Omit<ReturnType<typeof institutionBody.parse>, 'ignoreDuplicates'>;

/** Legal forms that do not tell two institutions apart ("Klinikum X" and "Klinikum X gGmbH"). */
const legalForms = /\b(g?gmbh|mbh|ag|kg|ohg|ug|e\.? ?v|eg|gbr|kdor|aor|co|und partner)\b\.?/g;

/** The name without legal form, normalised: what a duplicate's name starts with. */
export const coreName = (name: string) =>
  normalise(name).replace(legalForms, ' ').replace(/\s+/g, ' ').trim();

/** Same name (normalised, legal forms aside), or same e-mail or website, in the directory. */
async function duplicatesOf(db: Db, actor: Actor, i: Partial<InstitutionInput>, exceptId?: string) {
  const matches: SQL[] = [];
  const core = i.name ? coreName(i.name) : '';
  if (core.length >= 3) matches.push(sql`${institutions.searchText} LIKE ${`${likeEscape(core)}%`}`);
  if (i.email) matches.push(eq(institutions.email, i.email));
  if (i.website) matches.push(eq(institutions.website, i.website));
  if (!matches.length) return [];
  return db
    .select({ id: institutions.id, name: institutions.name, city: institutions.city })
    .from(institutions)
    .where(
      and(
        eq(institutions.organisationId, actor.organisationId),
        or(...matches),
        exceptId ? ne(institutions.id, exceptId) : undefined,
      ),
    )
    .limit(5);
}

export async function createInstitution(
  ctx: AppContext,
  actor: Actor,
  body: InstitutionInput & { ignoreDuplicates?: boolean },
) {
  assertCan(actor, 'network.work');
  const { ignoreDuplicates, ...values } = body;
  const row = await ctx.db.transaction(async (tx) => {
    await assertSectors(tx, actor, values.sectorIds);
    if (!ignoreDuplicates) {
      const candidates = await duplicatesOf(tx, actor, values);
      if (candidates.length)
        throw new AppError('duplicate', 'The directory has an institution like this', {
          details: { candidates },
        });
    }
    const created = firstRow(
      await tx
        .insert(institutions)
        .values({
          ...values,
          ...keysOf(values),
          organisationId: actor.organisationId,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning(),
      'the new institution',
    );
    await audit(tx, actor, {
      action: 'network.changed',
      entityType: 'institution',
      entityId: created.id,
      details: { created: created.name },
    });
    return created;
  });
  return presentInstitution(ctx.db, row);
}

export async function updateInstitution(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: Partial<InstitutionInput> & { version: number },
) {
  assertCan(actor, 'network.work');
  const { version, ...changes } = body;
  await ctx.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, institutions, id, version, 'institution');
    if (changes.sectorIds) await assertSectors(tx, actor, changes.sectorIds);
    await writeChange(tx, actor, institutions, id, version, {
      ...changes,
      ...keysOf({ ...current, ...changes }),
    });
    await audit(tx, actor, {
      action: 'network.changed',
      entityType: 'institution',
      entityId: id,
      details: { fields: Object.keys(changes) },
    });
  });
  return getInstitution(ctx, actor, id);
}

export async function saveContact(
  ctx: AppContext,
  actor: Actor,
  institutionId: string,
  contactId: string | null,
  body: Record<string, unknown> & { version?: number },
) {
  assertCan(actor, 'network.work');
  await ctx.db.transaction(async (tx) => {
    await loadInstitution(tx, actor, institutionId);
    const { version, ...values } = body;
    if (contactId) {
      const [exists] = await tx
        .select({ id: institutionContacts.id })
        .from(institutionContacts)
        .where(
          and(eq(institutionContacts.id, contactId), eq(institutionContacts.institutionId, institutionId)),
        );
      if (!exists) throw notFound('contact person');
      await loadForChange(tx, actor, institutionContacts, contactId, version ?? -1, 'contact person');
      await writeChange(tx, actor, institutionContacts, contactId, version ?? -1, values);
    } else {
      await tx.insert(institutionContacts).values({
        ...(values as { name: string }),
        organisationId: actor.organisationId,
        institutionId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
    }
    await audit(tx, actor, {
      action: 'network.changed',
      entityType: 'institution_contact',
      entityId: institutionId,
      details: { contact: contactId ? 'changed' : 'added' },
    });
  });
  return getInstitution(ctx, actor, institutionId);
}

export async function deleteContact(ctx: AppContext, actor: Actor, institutionId: string, contactId: string) {
  assertCan(actor, 'network.work');
  await ctx.db.transaction(async (tx) => {
    await loadInstitution(tx, actor, institutionId);
    const removed = await tx
      .delete(institutionContacts)
      .where(and(eq(institutionContacts.id, contactId), eq(institutionContacts.institutionId, institutionId)))
      .returning({ id: institutionContacts.id });
    if (!removed.length) throw notFound('contact person');
    await audit(tx, actor, {
      action: 'network.changed',
      entityType: 'institution_contact',
      entityId: institutionId,
      details: { contact: 'removed' },
    });
  });
  return getInstitution(ctx, actor, institutionId);
}
