import type { MigrationLevel, TableState } from '../../contracts/backup';
import { knownMigrations, type RawQuery } from '../db/client';

/** The tables a backup accounts for: the app's, and drizzle's record of the applied migrations. */
const SCHEMAS = ['public', 'drizzle'];

/**
 * Rows and a digest per table. The digest is the sum of a hash of each row's text, so it needs no
 * sort (it runs while every other request waits) and is the same after a restore exactly when
 * the same rows came back.
 */
export async function tableStates(query: RawQuery): Promise<Record<string, TableState>> {
  const tables = await query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
       FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema IN (${SCHEMAS.map((s) => `'${s}'`).join(', ')})
      ORDER BY 1`,
  );
  const states: Record<string, TableState> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: number; digest: string }>(
      `SELECT count(*)::int AS rows,
              coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS digest
         FROM ${name} t`,
    );
    states[name] = { rows: row?.rows ?? 0, digest: row?.digest ?? '0' };
  }
  return states;
}

/** How far the database's schema is migrated, named by this version's migration files. */
export async function migrationLevel(query: RawQuery): Promise<MigrationLevel> {
  const [row] = await query<{ applied: number; last: string | null }>(
    'SELECT count(*)::int AS applied, max(created_at)::text AS last FROM drizzle.__drizzle_migrations',
  );
  const lastCreatedAt = row?.last ? Number(row.last) : null;
  const known = knownMigrations().find((m) => m.createdAt === lastCreatedAt);
  return {
    applied: row?.applied ?? 0,
    last: known?.tag ?? (lastCreatedAt === null ? null : String(lastCreatedAt)),
    lastCreatedAt,
  };
}
