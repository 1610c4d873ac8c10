import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { savedFilters } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { notFound } from '../lib/errors';
import { firstRow } from '../lib/required';

/** A counsellor's named filters of the case list; private to them. */
export async function listSavedFilters(ctx: AppContext, actor: Actor) {
  assertCan(actor, 'cases.work');
  const rows = await ctx.db
    .select()
    .from(savedFilters)
    .where(eq(savedFilters.userId, actor.userId))
    .orderBy(asc(savedFilters.name));
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query }));
}

export async function saveFilter(
  ctx: AppContext,
  actor: Actor,
  body: { name: string; query: Record<string, unknown> },
) {
  assertCan(actor, 'cases.work');
  const row = firstRow(
    await ctx.db
      .insert(savedFilters)
      .values({
        organisationId: actor.organisationId,
        userId: actor.userId,
        name: body.name,
        query: body.query,
      })
      .returning(),
    'the saved filter',
  );
  return { id: row.id, name: row.name, query: row.query };
}

export async function deleteSavedFilter(ctx: AppContext, actor: Actor, id: string) {
  const removed = await ctx.db
    .delete(savedFilters)
    .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, actor.userId)))
    .returning({ id: savedFilters.id });
  if (removed.length === 0) throw notFound('saved filter');
}
