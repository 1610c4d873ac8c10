import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { measures, occupations } from '../db/schema';
import { assertCan, assertInOrganisation } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { invalidField } from '../lib/errors';
import { firstRow } from '../lib/required';
import { likeEscape, normalise } from '../lib/search-text';
import { loadForChange, writeChange } from '../lib/versioned';
import { assertInstitution, assertSectors } from '../network/service';
import { presentMeasures } from './present';

type Row = typeof measures.$inferSelect;

export async function listMeasures(
  ctx: AppContext,
  actor: Actor,
  q: {
    q?: string | undefined;
    type?: string | undefined;
    sectorId?: string | undefined;
    providerId?: string | undefined;
    includeInactive?: boolean | undefined;
    limit: number;
    offset: number;
  },
) {
  assertCan(actor, 'network.work');
  const conditions: SQL[] = [eq(measures.organisationId, actor.organisationId)];
  if (!q.includeInactive) conditions.push(eq(measures.active, true));
  for (const w of normalise(q.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 6))
    conditions.push(sql`${measures.searchText} LIKE ${`%${likeEscape(w)}%`}`);
  if (q.type) conditions.push(eq(measures.type, q.type));
  if (q.sectorId) conditions.push(sql`${q.sectorId}::uuid = ANY(${measures.sectorIds})`);
  if (q.providerId) conditions.push(eq(measures.providerId, q.providerId));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(measures).where(where).orderBy(asc(measures.title)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(measures).where(where),
  ]);
  return {
    items: await presentMeasures(ctx.db, actor.organisationId, rows),
    total: total?.n ?? 0,
    limit: q.limit,
    offset: q.offset,
  };
}

export async function getMeasure(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, 'network.work');
  const [row] = await ctx.db.select().from(measures).where(eq(measures.id, id));
  assertInOrganisation(actor, row, 'measure');
  return firstRow(await presentMeasures(ctx.db, actor.organisationId, [row]), 'the presented measure');
}

async function checkRefs(db: Db, actor: Actor, v: Partial<Row>) {
  if (v.providerId) await assertInstitution(db, actor, v.providerId, 'providerId');
  if (v.sectorIds) await assertSectors(db, actor, v.sectorIds);
  if (v.occupationIds?.length) {
    const found = await db
      .select({ id: occupations.id })
      .from(occupations)
      .where(inArray(occupations.id, v.occupationIds));
    if (found.length !== new Set(v.occupationIds).size)
      throw invalidField('occupationIds', 'unknown reference occupation');
  }
}

const searchOf = (m: { title: string; description?: string | null; place?: string | null }) => ({
  searchText: normalise(`${m.title} ${m.place ?? ''} ${m.description ?? ''}`).slice(0, 2000),
});

export async function saveMeasure(
  ctx: AppContext,
  actor: Actor,
  id: string | null,
  body: Record<string, unknown> & { version?: number },
) {
  assertCan(actor, 'network.work');
  const { version, ...values } = body as { version?: number } & Partial<Row>;
  const savedId = await ctx.db.transaction(async (tx) => {
    await checkRefs(tx, actor, values);
    if (id) {
      const current = await loadForChange(tx, actor, measures, id, version ?? -1, 'measure');
      await writeChange(tx, actor, measures, id, version ?? -1, {
        ...values,
        ...searchOf({ ...current, ...values }),
      });
      await audit(tx, actor, {
        action: 'measure.changed',
        entityType: 'measure',
        entityId: id,
        details: { fields: Object.keys(values) },
      });
      return id;
    }
    const v = values as typeof measures.$inferInsert;
    const row = firstRow(
      await tx
        .insert(measures)
        .values({
          ...v,
          ...searchOf(v),
          organisationId: actor.organisationId,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning({ id: measures.id }),
      'the new measure',
    );
    await audit(tx, actor, {
      action: 'measure.changed',
      entityType: 'measure',
      entityId: row.id,
      details: { created: v.title },
    });
    return row.id;
  });
  return getMeasure(ctx, actor, savedId);
}
