import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { sectors } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';

/** The sectors every organisation starts with (DOMAIN: the usual sector conferences). */
export const defaultSectors = [
  'Gesundheit und Pflege',
  'Ingenieurwesen und Technik',
  'IT',
  'Bildung und Soziales',
  'Handel und Verwaltung',
  'Handwerk',
  'Gastgewerbe',
  'Sonstiges',
];

async function ensureDefaults(db: Db, organisationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sectors)
    .where(eq(sectors.organisationId, organisationId));
  if ((row?.n ?? 0) > 0) return;
  await db
    .insert(sectors)
    .values(defaultSectors.map((name, position) => ({ organisationId, name, position })))
    .onConflictDoNothing();
}

export async function listSectors(ctx: AppContext, actor: Actor) {
  await ensureDefaults(ctx.db, actor.organisationId);
  const rows = await ctx.db
    .select()
    .from(sectors)
    .where(eq(sectors.organisationId, actor.organisationId))
    .orderBy(asc(sectors.position), asc(sectors.name));
  return rows.map((s) => ({ id: s.id, name: s.name, active: s.active }));
}

export async function saveSector(
  ctx: AppContext,
  actor: Actor,
  id: string | null,
  body: { name: string; active: boolean },
) {
  assertCan(actor, 'sectors.manage');
  return ctx.db.transaction(async (tx) => {
    await ensureDefaults(tx, actor.organisationId);
    const [taken] = await tx
      .select({ id: sectors.id })
      .from(sectors)
      .where(and(eq(sectors.organisationId, actor.organisationId), eq(sectors.name, body.name)));
    if (taken && taken.id !== id)
      throw new AppError('conflict', 'A sector of this name exists', {
        fields: [{ path: 'name', message: 'exists already' }],
      });
    const [row] = id
      ? await tx
          .update(sectors)
          .set(body)
          .where(and(eq(sectors.id, id), eq(sectors.organisationId, actor.organisationId)))
          .returning()
      : await tx
          .insert(sectors)
          .values({ ...body, organisationId: actor.organisationId, position: 100 })
          .returning();
    if (!row) throw notFound('sector');
    await audit(tx, actor, {
      action: 'organisation.updated',
      entityType: 'sector',
      entityId: row.id,
      details: { sector: row.name },
    });
    return { id: row.id, name: row.name, active: row.active };
  });
}
