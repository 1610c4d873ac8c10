/**
 * Pathways for a profession: written down by a lead or adopted at a conference, kept versioned,
 * archived when no longer offered. Offering one to a case and applying it to the case's plan
 * are in apply.ts.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Pathway, PathwayBody, PathwayUpdateBody, pathwayListQuery } from '../../contracts/pathways';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { conferences, measures, occupations, pathways } from '../db/schema';
import type { PathwayStep } from '../db/schema/pathways';
import { assertCan, assertInOrganisation, can } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, forbidden, invalidField } from '../lib/errors';
import { firstRow } from '../lib/required';
import { normalise } from '../lib/search-text';
import { loadForChange, writeChange } from '../lib/versioned';
import { assertSectors } from '../network/service';
import { presentPathways } from './present';

/** The staff who work with cases or the network read the pathways; leads keep them. */
function assertMayRead(actor: Actor) {
  if (!can(actor, 'cases.work') && !can(actor, 'network.work')) throw forbidden();
}

type Fields = Partial<Omit<PathwayBody, 'steps'>> & { steps?: PathwayStep[] | undefined };

/** The sector, the reference occupations and every step's measures must exist for the organisation. */
async function checkReferences(db: Db, actor: Actor, body: Fields) {
  if (body.sectorId) await assertSectors(db, actor, [body.sectorId], 'sectorId');
  const occupationIds = [...new Set(body.occupationIds ?? [])];
  if (occupationIds.length) {
    const found = await db
      .select({ id: occupations.id })
      .from(occupations)
      .where(inArray(occupations.id, occupationIds));
    if (found.length !== occupationIds.length)
      throw invalidField('occupationIds', 'unknown reference occupation');
  }
  const measureIds = [...new Set((body.steps ?? []).flatMap((s) => s.measureIds))];
  if (measureIds.length === 0) return;
  const known = new Set(
    (
      await db
        .select({ id: measures.id })
        .from(measures)
        .where(and(eq(measures.organisationId, actor.organisationId), inArray(measures.id, measureIds)))
    ).map((m) => m.id),
  );
  for (const [i, step] of (body.steps ?? []).entries())
    if (step.measureIds.some((id) => !known.has(id)))
      throw invalidField(`steps.${i}.measureIds`, 'not a measure of the catalogue');
}

/** A step as stored: the contract's output, measures named once each. */
const stepsOf = (steps: PathwayBody['steps']): PathwayStep[] =>
  steps.map((s) => ({
    text: s.text,
    responsible: s.responsible ?? null,
    funder: s.funder ?? null,
    measureIds: [...new Set(s.measureIds ?? [])],
    weeks: s.weeks ?? null,
  }));

/**
 * The conference that adopts a pathway: of the organisation (404 otherwise), and one that has
 * begun or been held — a plan or a cancelled one decided nothing (409).
 */
async function adoptingConference(db: Db, actor: Actor, id: string) {
  const [c] = await db
    .select({
      id: conferences.id,
      organisationId: conferences.organisationId,
      status: conferences.status,
      startsAt: conferences.startsAt,
    })
    .from(conferences)
    .where(eq(conferences.id, id));
  assertInOrganisation(actor, c, 'conference');
  const held = ['held', 'minutes_published', 'closed'].includes(c.status);
  const begun = c.status !== 'planned' && c.status !== 'cancelled' && c.startsAt.getTime() <= Date.now();
  if (!held && !begun)
    throw new AppError(
      'conflict',
      c.status === 'cancelled'
        ? 'A cancelled conference adopts nothing'
        : 'A conference adopts a pathway once it has begun',
      { details: { status: c.status } },
    );
  return c;
}

export async function listPathways(ctx: AppContext, actor: Actor, q: z.output<typeof pathwayListQuery>) {
  assertMayRead(actor);
  const where: SQL[] = [eq(pathways.organisationId, actor.organisationId)];
  if (!q.includeArchived) where.push(isNull(pathways.archivedAt));
  if (q.sectorId) where.push(eq(pathways.sectorId, q.sectorId));
  if (q.conferenceId) where.push(eq(pathways.conferenceId, q.conferenceId));
  if (q.occupationId) where.push(sql`${q.occupationId}::uuid = ANY(${pathways.occupationIds})`);
  const rows = await ctx.db
    .select()
    .from(pathways)
    .where(and(...where))
    .orderBy(sql`${pathways.archivedAt} IS NOT NULL`, asc(pathways.title), asc(pathways.createdAt));
  // An organisation keeps a few dozen pathways, not thousands: the search compares them here, by
  // the words of title and occupation group as the other searches do (case and accents aside).
  const words = normalise(q.q ?? '')
    .split(' ')
    .filter(Boolean);
  const found = words.length
    ? rows.filter((r) => {
        const text = normalise(`${r.title} ${r.occupationGroup}`);
        return words.every((w) => text.includes(w));
      })
    : rows;
  const page = found.slice(q.offset, q.offset + q.limit);
  return {
    items: await presentPathways(ctx.db, actor.organisationId, page),
    total: found.length,
    limit: q.limit,
    offset: q.offset,
  };
}

export async function getPathway(ctx: AppContext, actor: Actor, id: string): Promise<Pathway> {
  assertMayRead(actor);
  const [row] = await ctx.db.select().from(pathways).where(eq(pathways.id, id));
  assertInOrganisation(actor, row, 'pathway');
  return firstRow(await presentPathways(ctx.db, actor.organisationId, [row]), 'the pathway');
}

/** A new pathway; with a conference, adopted there (it must have begun or been held). */
export async function createPathway(
  ctx: AppContext,
  actor: Actor,
  body: PathwayBody,
  conferenceId: string | null = null,
) {
  assertCan(actor, 'pathways.manage');
  const id = await ctx.db.transaction(async (tx) => {
    if (conferenceId) await adoptingConference(tx, actor, conferenceId);
    const steps = stepsOf(body.steps);
    await checkReferences(tx, actor, { ...body, steps });
    const row = firstRow(
      await tx
        .insert(pathways)
        .values({
          organisationId: actor.organisationId,
          sectorId: body.sectorId,
          title: body.title,
          occupationGroup: body.occupationGroup,
          occupationIds: [...new Set(body.occupationIds)],
          description: body.description ?? null,
          steps,
          conferenceId,
          adoptedAt: conferenceId ? new Date() : null,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning({ id: pathways.id }),
      'the new pathway',
    );
    await audit(tx, actor, {
      action: 'pathway.changed',
      entityType: 'pathway',
      entityId: row.id,
      details: { created: body.title, ...(conferenceId ? { conferenceId } : {}) },
    });
    return row.id;
  });
  return getPathway(ctx, actor, id);
}

/** Changes a pathway at the version it was read; `archived` takes it off the offers (or puts it back). */
export async function updatePathway(ctx: AppContext, actor: Actor, id: string, body: PathwayUpdateBody) {
  assertCan(actor, 'pathways.manage');
  const { version, archived, ...changes } = body;
  await ctx.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, pathways, id, version, 'pathway');
    const fields: Fields = {
      ...changes,
      occupationIds: changes.occupationIds ? [...new Set(changes.occupationIds)] : undefined,
      steps: changes.steps ? stepsOf(changes.steps as PathwayBody['steps']) : undefined,
    };
    await checkReferences(tx, actor, fields);
    const values: Record<string, unknown> = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    );
    if (archived !== undefined) values.archivedAt = archived ? (current.archivedAt ?? new Date()) : null;
    await writeChange(tx, actor, pathways, id, version, values);
    await audit(tx, actor, {
      action: 'pathway.changed',
      entityType: 'pathway',
      entityId: id,
      details: {
        fields: Object.keys(values).filter((k) => k !== 'archivedAt'),
        ...(archived !== undefined ? { archived } : {}),
      },
    });
  });
  return getPathway(ctx, actor, id);
}
