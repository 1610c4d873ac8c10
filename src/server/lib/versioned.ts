import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { assertInOrganisation } from './access';
import type { Actor } from './actor';
import { AppError, versionConflict } from './errors';

/**
 * Optimistic locking shared by every versioned row: the caller's version must still be current,
 * else 409 says who changed it when, so nothing is overwritten unseen.
 */
export async function assertVersion(
  db: Db,
  current: { version: number; updatedAt: Date; updatedBy: string | null },
  sent: number,
) {
  if (current.version === sent) return;
  const [by] = current.updatedBy
    ? await db
        .select({ name: users.name })
        .from(users)
        .where(inArray(users.id, [current.updatedBy]))
    : [];
  throw versionConflict({
    version: current.version,
    updatedAt: current.updatedAt,
    updatedBy: by?.name ?? null,
  });
}

type Versioned = PgTable & {
  id: PgColumn;
  organisationId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  updatedBy: PgColumn;
};
type VersionedRow = {
  id: string;
  organisationId: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
};

/** A row of the actor's organisation about to be changed at `version`: 404 when missing or foreign, 409 when stale. */
export async function loadForChange<T extends Versioned>(
  db: Db,
  actor: Actor,
  table: T,
  id: string,
  version: number,
  what: string,
): Promise<T['$inferSelect'] & VersionedRow> {
  const [current] = (await db
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))) as (T['$inferSelect'] & VersionedRow)[];
  assertInOrganisation(actor, current, what);
  await assertVersion(db, current, version);
  return current;
}

/** Writes a change to a versioned row unless someone else wrote in between. */
export async function writeChange<T extends Versioned>(
  db: Db,
  actor: Actor,
  table: T,
  id: string,
  version: number,
  values: Record<string, unknown>,
) {
  const saved = await db
    .update(table as PgTable)
    .set({
      ...values,
      updatedAt: new Date(),
      updatedBy: actor.userId,
      version: sql`${table.version} + 1`,
    } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  if (saved.length === 0) throw new AppError('version_conflict', 'Changed by someone else just now');
}
