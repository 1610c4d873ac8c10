import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import * as schema from './schema';

/**
 * What the raw results of both drivers have in common: node-postgres's `QueryResult` and PGlite's
 * `Results` each carry the rows as `rows`. Naming it (instead of drizzle's bare `PgQueryResultHKT`,
 * whose result is `unknown`) lets either driver's database be a `Db` and `execute` be read without a cast.
 */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<this['row']>;
}
interface RowsResult<Row> {
  rows: Row[];
}

/** Both drivers give a PgDatabase; a transaction is one too, so services take `Db` for either. */
export type Db = PgDatabase<RowsResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /**
   * Receives NOTIFY messages of a channel, from this and every other app process on the same
   * database (send them with `notify` inside the transaction that causes them).
   */
  subscribe(channel: string, onMessage: (payload: string) => void): Promise<void>;
  /** PGlite only (PostgreSQL has pg_dump): see `Snapshot`. */
  snapshot?: Snapshot;
  close(): Promise<void>;
}

/** Raw SQL on a connection that is not a drizzle `Db` (a snapshot's transaction, a restored copy). */
export type RawQuery = <Row extends Record<string, unknown>>(text: string) => Promise<Row[]>;

/**
 * The embedded database's data directory as a tarball, taken at one moment with no transaction of
 * the app in between, together with what `read` saw at that same moment. PGlite's transaction
 * queue is held from the start of `read` to the end of the copy, so every other request waits:
 * `read` must be quick.
 */
export type Snapshot = <T>(read: (query: RawQuery) => Promise<T>) => Promise<{ tarball: Blob; read: T }>;

// Beside this file in the sources, beside the bundle in dist/server (scripts/build-server.mjs copies them).
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

function assertChannel(channel: string) {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
}

/** Sends a message to every subscriber of the channel once the surrounding transaction commits. */
export async function notify(db: Db, channel: string, payload: string) {
  await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`);
}

/** Serialises migrations when several app processes start against one PostgreSQL. */
const MIGRATION_LOCK = 7_310_101;

export interface OpenOptions {
  /** postgres://… for a server; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** A pre-migrated PGlite data dir dump to start from (tests). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /** PGlite only: its buffer cache lives in WebAssembly memory, which grows but never shrinks. */
  sharedBuffersMb?: number;
}

/**
 * Opens PGlite or PostgreSQL and applies the migrations. Each driver is loaded only when used,
 * so that an installation on one does not keep the other in memory.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { default: pgDriver } = await import('pg');
    const { drizzle: drizzlePg } = await import('drizzle-orm/node-postgres');
    const { migrate: migratePg } = await import('drizzle-orm/node-postgres/migrator');
    const pool = new pgDriver.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not take the process down.
    pool.on('error', () => undefined);
    const lockClient = await pool.connect();
    try {
      await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await lockClient.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
    } finally {
      await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      lockClient.release();
    }
    const db: Db = drizzlePg(pool, { schema });
    const listeners = new Map<string, ((payload: string) => void)[]>();
    let listener: pg.Client | undefined;
    let closed = false;
    const connectListener = async (): Promise<void> => {
      const client = new pgDriver.Client({ connectionString: options.databaseUrl });
      client.on('notification', (n) => {
        for (const cb of listeners.get(n.channel) ?? []) cb(n.payload ?? '');
      });
      // A lost listener reconnects; subscribers treat the gap like a reset.
      client.on('error', () => undefined);
      client.on('end', () => {
        if (closed) return;
        for (const cbs of listeners.values()) for (const cb of cbs) cb('*');
        setTimeout(() => void connectListener().catch(() => undefined), 1000).unref();
      });
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${channel}`);
      listener = client;
    };
    return {
      db,
      kind: 'postgres',
      async subscribe(channel, onMessage) {
        assertChannel(channel);
        listeners.set(channel, [...(listeners.get(channel) ?? []), onMessage]);
        if (!listener) await connectListener();
        else await listener.query(`LISTEN ${channel}`);
      },
      async close() {
        closed = true;
        await listener?.end().catch(() => undefined);
        await pool.end();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    // PGlite keeps shared buffers in WebAssembly memory, which never shrinks; the operating
    // system's file cache serves the rest (see bench/RESULTS.md for the effect on memory and speed).
    postgresqlconf: [`shared_buffers=${options.sharedBuffersMb ?? 16}MB`],
  });
  await client.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    async subscribe(channel, onMessage) {
      assertChannel(channel);
      await client.listen(channel, onMessage);
    },
    async snapshot(read) {
      // Written out beforehand, so that the copy holds little WAL to replay when it is opened.
      await client.exec('CHECKPOINT');
      // `dumpDataDir` alone waits only for the current statement, not for an open transaction;
      // inside a transaction of our own, PGlite's transaction queue keeps every other one out.
      // Our own transaction only reads: the copy does not depend on its commit.
      return client.transaction(async (tx) => {
        const result = await read(async (text) => (await tx.query(text)).rows as never);
        const tarball = await client.dumpDataDir('none');
        return { tarball, read: result };
      });
    },
    close: () => client.close(),
  };
}

/**
 * Opens a PGlite data directory restored from a snapshot's tarball (it must not exist yet), lets
 * `read` check it, and closes it. No migration runs: the next start applies what is newer.
 */
export async function restorePglite<T>(
  dataDir: string,
  tarball: Blob,
  read: (query: RawQuery) => Promise<T>,
): Promise<T> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const client = await PGlite.create({ dataDir, loadDataDir: tarball, extensions: { pg_trgm } });
  try {
    return await read(async (text) => (await client.query(text)).rows as never);
  } finally {
    await client.close();
  }
}

/** The migrations this version of Lotse knows, oldest first (drizzle's journal). */
export function knownMigrations(): { tag: string; createdAt: number }[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, createdAt: e.when }));
}

/**
 * Raw SQL that returns rows, with the same result shape on both drivers. `T` is the caller's word
 * for the row's shape, as with any raw SQL: name the columns the query selects.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return (await db.execute<T>(query)).rows;
}

export { sql };
