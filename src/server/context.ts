import type { Config } from './config';
import type { Database, DatabaseKind, Db, Snapshot } from './db/client';

/** What every service gets: the database, the configuration, and facts about the running app. */
export interface AppContext {
  db: Db;
  config: Config;
  databaseKind: DatabaseKind;
  /** NOTIFY messages from every app process on the database (cache invalidation). */
  subscribe: Database['subscribe'];
  /** PGlite only: a consistent copy of the running database, for `npm run backup`. */
  snapshot?: Snapshot | undefined;
  version: string;
}

/** Facts about the HTTP request that services record (audit, rate limit); never personal data beyond the address. */
export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/** The context of an opened database: the app, its tests and the command-line tools make it alike. */
export function contextOf(database: Database, config: Config, version: string): AppContext {
  return {
    db: database.db,
    config,
    databaseKind: database.kind,
    subscribe: database.subscribe,
    snapshot: database.snapshot,
    version,
  };
}
