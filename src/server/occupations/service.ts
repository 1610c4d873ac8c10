/** Reference occupations (built-in list, KldB 2010, ESCO): search, import from the publishers' files, counts. */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { occupations } from '../db/schema';
import { assertCan, can } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { parseCsv } from '../lib/csv';
import { AppError, forbidden, invalidField } from '../lib/errors';
import { likeEscape, normalise } from '../lib/search-text';
import { presentOccupation } from './present';

export { presentOccupation };

/** A reference occupation must exist in the shared list; returns it with whether it is regulated. */
export async function assertOccupation(db: Db, id: unknown, field = 'referenceOccupationId') {
  if (!id) return null;
  const [o] = await db
    .select({ id: occupations.id, regulated: occupations.regulated })
    .from(occupations)
    .where(eq(occupations.id, String(id)));
  if (!o) throw invalidField(field, 'unknown reference occupation');
  return o;
}

/** Reference occupations are shared reference data, not personal data: every case worker may search them. */
export async function searchOccupations(ctx: AppContext, actor: Actor, q: string, limit: number) {
  if (!can(actor, 'cases.work') && !can(actor, 'catalogues.manage')) throw forbidden();
  const words = normalise(q).split(' ').filter(Boolean).slice(0, 6);
  const conditions: SQL[] = words.map((w) => sql`${occupations.searchText} LIKE ${`%${likeEscape(w)}%`}`);
  const rows = await ctx.db
    .select()
    .from(occupations)
    .where(and(...conditions))
    // The built-in list first, then KldB, then ESCO; shorter titles are the more general ones.
    .orderBy(
      sql`CASE ${occupations.scheme} WHEN 'builtin' THEN 0 WHEN 'kldb2010' THEN 1 ELSE 2 END`,
      sql`length(${occupations.title})`,
      asc(occupations.title),
    )
    .limit(limit);
  return rows.map((r) => presentOccupation(r));
}

export type OccupationScheme = 'kldb2010' | 'esco';
interface ParsedOccupation {
  code: string;
  title: string;
  altLabels: string | null;
  level: number | null;
  iscoGroup: string | null;
}

/** Recognises the publisher's file by its header and reads the occupations from it. */
export function parseOccupationFile(text: string): { scheme: OccupationScheme; items: ParsedOccupation[] } {
  const rows = parseCsv(text);
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  if (header[0]?.startsWith('Schlüssel KldB 2010')) {
    // Level-5 entries (Berufsgattungen) are the occupations; leading zeros were lost in the key.
    const items = rows.slice(1).flatMap(([key, level, title, altLabels]) => {
      if (level?.trim() !== '5' || !key || !title) return [];
      const code = key.trim().padStart(5, '0');
      return [
        {
          code,
          title: title.trim(),
          altLabels: altLabels?.trim() || null,
          level: Number(code[4]),
          iscoGroup: null,
        },
      ];
    });
    return { scheme: 'kldb2010', items };
  }
  const col = (name: string) => header.indexOf(name);
  if (col('conceptType') >= 0 && col('conceptUri') >= 0 && col('preferredLabel') >= 0) {
    const items = rows.slice(1).flatMap((r) => {
      const uri = r[col('conceptUri')];
      const label = r[col('preferredLabel')];
      if (r[col('conceptType')] !== 'Occupation' || !uri || !label) return [];
      return [
        {
          code: uri.trim(),
          title: label.trim(),
          altLabels:
            (r[col('altLabels')] ?? '')
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
              .join(' | ') || null,
          level: null,
          iscoGroup: r[col('iscoGroup')]?.trim() || null,
        },
      ];
    });
    return { scheme: 'esco', items };
  }
  throw new AppError('validation_failed', 'Not a KldB 2010 or ESCO occupations CSV (unknown header)', {
    fields: [{ path: 'file', message: 'unknown format' }],
  });
}

const BATCH = 500;

/** Loads or refreshes one scheme, in short batches so that PGlite keeps answering other requests. */
export async function importOccupations(db: Db, text: string) {
  const { scheme, items } = parseOccupationFile(text);
  if (items.length === 0) throw new AppError('validation_failed', 'The file holds no occupations');
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH).map((o) => ({
      scheme,
      code: o.code,
      title: o.title,
      altLabels: o.altLabels,
      level: o.level,
      iscoGroup: o.iscoGroup,
      searchText: normalise(
        `${o.title} ${o.altLabels ?? ''} ${scheme === 'kldb2010' ? o.code : (o.iscoGroup ?? '')}`,
      ).slice(0, 2000),
    }));
    await db
      .insert(occupations)
      .values(batch)
      .onConflictDoUpdate({
        target: [occupations.scheme, occupations.code],
        set: {
          title: sql`excluded.title`,
          altLabels: sql`excluded.alt_labels`,
          level: sql`excluded.level`,
          iscoGroup: sql`excluded.isco_group`,
          searchText: sql`excluded.search_text`,
        },
      });
  }
  return { scheme, imported: items.length };
}

export async function importOccupationsAs(ctx: AppContext, actor: Actor, text: string) {
  assertCan(actor, 'catalogues.manage');
  const result = await importOccupations(ctx.db, text);
  await audit(ctx.db, actor, { action: 'occupations.imported', details: result });
  return result;
}

export async function occupationCounts(db: Db) {
  const rows = await db
    .select({ scheme: occupations.scheme, n: sql<number>`count(*)::int` })
    .from(occupations)
    .groupBy(occupations.scheme);
  return Object.fromEntries(rows.map((r) => [r.scheme, r.n])) as Record<string, number>;
}
