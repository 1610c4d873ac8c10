import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Measure } from '../../contracts/measures';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { clientMeasures, institutions, measures, occupations } from '../db/schema';
import { assertCan, assertInOrganisation } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { invalidField } from '../lib/errors';
import { likeEscape, normalise } from '../lib/search-text';
import { loadForChange, writeChange } from '../lib/versioned';
import { assertInstitution, assertSectors, sectorNames } from '../network/service';

type Row = typeof measures.$inferSelect;
type Level = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';

/** Presents catalogue rows with provider, sector and occupation names, fetched once for all rows. */
export async function presentMeasures(db: Db, organisationId: string, rows: Row[]): Promise<Measure[]> {
  if (rows.length === 0) return [];
  const providerIds = [...new Set(rows.map((r) => r.providerId).filter((x): x is string => Boolean(x)))];
  const occupationIds = [...new Set(rows.flatMap((r) => r.occupationIds))];
  const [names, providers, occs, taken] = await Promise.all([
    sectorNames(db, organisationId),
    providerIds.length
      ? db
          .select({ id: institutions.id, name: institutions.name, type: institutions.type })
          .from(institutions)
          .where(inArray(institutions.id, providerIds))
      : [],
    occupationIds.length
      ? db
          .select({ id: occupations.id, title: occupations.title })
          .from(occupations)
          .where(inArray(occupations.id, occupationIds))
      : [],
    // Places taken: clients whose measure is funded or under way (a count, no personal data).
    db
      .select({ id: clientMeasures.measureId, n: count() })
      .from(clientMeasures)
      .where(
        and(
          inArray(
            clientMeasures.measureId,
            rows.map((r) => r.id),
          ),
          inArray(clientMeasures.status, ['funded', 'started']),
        ),
      )
      .groupBy(clientMeasures.measureId),
  ]);
  const participants = new Map(taken.map((x) => [x.id, x.n]));
  const provider = new Map(providers.map((p) => [p.id, p]));
  const occ = new Map(occs.map((o) => [o.id, o.title]));
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    type: m.type as Measure['type'],
    provider:
      m.providerId && provider.get(m.providerId) ? (provider.get(m.providerId) as Measure['provider']) : null,
    sectors: m.sectorIds.map((id) => ({ id, name: names.get(id) ?? '?' })),
    occupations: m.occupationIds.map((id) => ({ id, title: occ.get(id) ?? '?' })),
    online: m.online,
    place: m.place,
    district: m.district,
    startDates: m.startDates,
    durationWeeks: m.durationWeeks,
    teachingUnits: m.teachingUnits,
    capacity: m.capacity,
    participants: participants.get(m.id) ?? 0,
    costCents: m.costCents,
    funders: m.funders as Measure['funders'],
    minLanguageLevel: m.minLanguageLevel as Level | null,
    entryLevel: m.entryLevel as Level | null,
    targetLevel: m.targetLevel as Level | null,
    compensates: m.compensates,
    description: m.description,
    active: m.active,
    version: m.version,
  }));
}

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
  return (await presentMeasures(ctx.db, actor.organisationId, [row]))[0]!;
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
    const [row] = await tx
      .insert(measures)
      .values({
        ...v,
        ...searchOf(v),
        organisationId: actor.organisationId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: measures.id });
    await audit(tx, actor, {
      action: 'measure.changed',
      entityType: 'measure',
      entityId: row!.id,
      details: { created: v.title },
    });
    return row!.id;
  });
  return getMeasure(ctx, actor, savedId);
}
