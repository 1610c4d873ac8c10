import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { institutions, occupations, opportunities, sectors } from '../db/schema';
import { assertCan, assertInOrganisation } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { invalidField, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { likeEscape, normalise } from '../lib/search-text';
import { loadForChange, writeChange } from '../lib/versioned';
import { presentOpportunity } from './present';
import { assertInstitution, assertSectors } from './service';

/** Offers of companies: internships, jobs, trial work, individual qualification. */
export function selectOpportunities(db: Db) {
  return db
    .select({
      o: opportunities,
      employerName: institutions.name,
      employerType: institutions.type,
      sectorName: sectors.name,
      occupationTitle: occupations.title,
    })
    .from(opportunities)
    .innerJoin(institutions, eq(institutions.id, opportunities.employerId))
    .leftJoin(sectors, eq(sectors.id, opportunities.sectorId))
    .leftJoin(occupations, eq(occupations.id, opportunities.occupationId));
}

export async function listOpportunities(
  ctx: AppContext,
  actor: Actor,
  q: {
    q?: string | undefined;
    kind?: string | undefined;
    status?: string | undefined;
    employerId?: string | undefined;
    sectorId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  assertCan(actor, 'network.work');
  const conditions: SQL[] = [eq(opportunities.organisationId, actor.organisationId)];
  for (const w of normalise(q.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 6)) {
    conditions.push(sql`${opportunities.searchText} LIKE ${`%${likeEscape(w)}%`}`);
  }
  if (q.kind) conditions.push(eq(opportunities.kind, q.kind));
  if (q.status) conditions.push(eq(opportunities.status, q.status));
  if (q.employerId) conditions.push(eq(opportunities.employerId, q.employerId));
  if (q.sectorId) conditions.push(eq(opportunities.sectorId, q.sectorId));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectOpportunities(ctx.db)
      .where(where)
      .orderBy(asc(opportunities.status), asc(opportunities.startDate), asc(opportunities.title))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(opportunities).where(where),
  ]);
  return { items: rows.map(presentOpportunity), total: total?.n ?? 0, limit: q.limit, offset: q.offset };
}

export async function getOpportunity(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, 'network.work');
  const [row] = await selectOpportunities(ctx.db).where(eq(opportunities.id, id));
  // Missing, or of another organisation: both answer 404 alike.
  if (!row) throw notFound('opportunity');
  assertInOrganisation(actor, row.o, 'opportunity');
  return presentOpportunity(row);
}

async function checkRefs(
  db: Db,
  actor: Actor,
  v: { employerId?: string; sectorId?: string | null; occupationId?: string | null },
) {
  if (v.employerId)
    await assertInstitution(db, actor, v.employerId, 'employerId', ['company', 'training_provider', 'other']);
  if (v.sectorId) await assertSectors(db, actor, [v.sectorId], 'sectorId');
  if (v.occupationId) {
    const [o] = await db
      .select({ id: occupations.id })
      .from(occupations)
      .where(eq(occupations.id, v.occupationId));
    if (!o) throw invalidField('occupationId', 'unknown reference occupation');
  }
}

const searchOf = (o: { title: string; description?: string | null }, employer: string) => ({
  searchText: normalise(`${o.title} ${employer}`),
});

export async function saveOpportunity(
  ctx: AppContext,
  actor: Actor,
  id: string | null,
  body: Record<string, unknown> & { version?: number },
) {
  assertCan(actor, 'network.work');
  const { version, ...values } = body as { version?: number } & Partial<typeof opportunities.$inferInsert>;
  const saved = await ctx.db.transaction(async (tx) => {
    await checkRefs(tx, actor, values as never);
    if (id) {
      const current = await loadForChange(tx, actor, opportunities, id, version ?? -1, 'opportunity');
      const merged = { ...current, ...values };
      const [employer] = await tx
        .select({ name: institutions.name })
        .from(institutions)
        .where(eq(institutions.id, merged.employerId));
      await writeChange(tx, actor, opportunities, id, version ?? -1, {
        ...values,
        ...searchOf(merged, employer?.name ?? ''),
      });
      await audit(tx, actor, {
        action: 'network.changed',
        entityType: 'opportunity',
        entityId: id,
        details: { fields: Object.keys(values) },
      });
      return id;
    }
    const v = values as typeof opportunities.$inferInsert;
    const [employer] = await tx
      .select({ name: institutions.name })
      .from(institutions)
      .where(eq(institutions.id, v.employerId));
    const row = firstRow(
      await tx
        .insert(opportunities)
        .values({
          ...v,
          ...searchOf(v, employer?.name ?? ''),
          organisationId: actor.organisationId,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning({ id: opportunities.id }),
      'the new offer',
    );
    await audit(tx, actor, {
      action: 'network.changed',
      entityType: 'opportunity',
      entityId: row.id,
      details: { created: v.title },
    });
    return row.id;
  });
  return getOpportunity(ctx, actor, saved);
}
