/** Shapes pathway rows for the staff: sector, occupations, measures and conference by name, and how many cases follow. */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Pathway, PathwayMeasure } from '../../contracts/pathways';
import type { Db } from '../db/client';
import { conferences, institutions, measures, objectives, occupations, type pathways } from '../db/schema';
import { sectorNames } from '../network/service';

export type PathwayRow = typeof pathways.$inferSelect;

const unique = <T>(values: (T | null | undefined)[]) =>
  [...new Set(values)].filter((v): v is T => v !== null && v !== undefined);

/** The catalogue measures named, by id, with their provider's name. */
export async function measuresById(db: Db, ids: string[]): Promise<Map<string, PathwayMeasure>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: measures.id,
      title: measures.title,
      type: measures.type,
      active: measures.active,
      provider: institutions.name,
    })
    .from(measures)
    .leftJoin(institutions, eq(institutions.id, measures.providerId))
    .where(inArray(measures.id, ids));
  return new Map(
    rows.map((m) => [m.id, { ...m, type: m.type as PathwayMeasure['type'], provider: m.provider ?? null }]),
  );
}

/** Occupation titles by id. */
export async function occupationTitles(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: occupations.id, title: occupations.title })
    .from(occupations)
    .where(inArray(occupations.id, ids));
  return new Map(rows.map((o) => [o.id, o.title]));
}

/** Every pathway shown goes through here; the names of all rows are fetched once. */
export async function presentPathways(
  db: Db,
  organisationId: string,
  rows: PathwayRow[],
): Promise<Pathway[]> {
  if (rows.length === 0) return [];
  const conferenceIds = unique(rows.map((r) => r.conferenceId));
  const [sectors, titles, measureMap, adopting, following] = await Promise.all([
    sectorNames(db, organisationId),
    occupationTitles(db, unique(rows.flatMap((r) => r.occupationIds))),
    measuresById(db, unique(rows.flatMap((r) => r.steps.flatMap((s) => s.measureIds)))),
    conferenceIds.length
      ? db
          .select({ id: conferences.id, title: conferences.title, startsAt: conferences.startsAt })
          .from(conferences)
          .where(inArray(conferences.id, conferenceIds))
      : [],
    // Who follows is a count here, never a name: a dropped objective no longer counts.
    db
      .select({ id: objectives.pathwayId, n: sql<number>`count(DISTINCT ${objectives.clientId})::int` })
      .from(objectives)
      .where(
        and(
          inArray(
            objectives.pathwayId,
            rows.map((r) => r.id),
          ),
          ne(objectives.status, 'dropped'),
        ),
      )
      .groupBy(objectives.pathwayId),
  ]);
  const conferenceOf = new Map(adopting.map((c) => [c.id, c]));
  const followers = new Map(following.map((f) => [f.id, Number(f.n)]));
  return rows.map((r) => {
    const c = r.conferenceId ? conferenceOf.get(r.conferenceId) : undefined;
    return {
      id: r.id,
      title: r.title,
      sector: { id: r.sectorId, name: sectors.get(r.sectorId) ?? '?' },
      occupationGroup: r.occupationGroup,
      occupations: r.occupationIds.map((id) => ({ id, title: titles.get(id) ?? '?' })),
      description: r.description,
      steps: r.steps.map((s) => ({
        text: s.text,
        responsible: s.responsible,
        funder: s.funder,
        weeks: s.weeks,
        measures: s.measureIds.flatMap((id) => measureMap.get(id) ?? []),
      })),
      conference: c ? { id: c.id, title: c.title, startsAt: c.startsAt.toISOString() } : null,
      adoptedAt: r.adoptedAt?.toISOString() ?? null,
      archivedAt: r.archivedAt?.toISOString() ?? null,
      followers: followers.get(r.id) ?? 0,
      version: r.version,
    };
  });
}
