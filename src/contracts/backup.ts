import { z } from 'zod';

/**
 * The manifest of a backup file (`npm run backup`): what the archive holds and what it claimed at
 * the moment it was taken, so that a restore can prove it brought back exactly that.
 */
export const BACKUP_FORMAT = 'lotse-backup';
export const BACKUP_FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One table at the moment of the backup: its rows and an order-independent digest of their text. */
export const tableState = z.object({ rows: z.number().int().nonnegative(), digest: z.string() });
export type TableState = z.infer<typeof tableState>;

export const migrationLevel = z.object({
  applied: z.number().int().nonnegative(),
  /** The newest applied migration (its file name), or its time stamp if this version does not know it. */
  last: z.string().nullable(),
  /** drizzle's time stamp of the newest applied migration: newer than any this version knows means "made by a newer Lotse". */
  lastCreatedAt: z.number().int().nullable(),
});
export type MigrationLevel = z.infer<typeof migrationLevel>;

export const backupDocument = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  /** The entry in the archive: documents/<organisation>/<storage key>. */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256,
});
export type BackupDocument = z.infer<typeof backupDocument>;

export const backupProblem = z.object({
  documentId: z.uuid(),
  /** The file was gone, or its content no longer had the checksum recorded at upload. */
  problem: z.enum(['missing', 'checksum']),
});
export type BackupProblem = z.infer<typeof backupProblem>;

export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  lotseVersion: z.string(),
  createdAt: z.string(),
  database: z.object({
    kind: z.literal('pglite'),
    file: z.string(),
    bytes: z.number().int().nonnegative(),
    sha256,
    migrations: migrationLevel,
  }),
  /** Every table (schema.name), rows and digest as read in the same instant the copy was taken. */
  tables: z.record(z.string(), tableState),
  /** Every document row's file, with the checksum of the bytes archived. */
  documents: z.array(backupDocument),
  /**
   * Document rows whose file was not as recorded at upload: a missing one is left out of
   * `documents`, one with other content is archived as it is (with the checksum of those bytes).
   */
  problems: z.array(backupProblem),
});
export type BackupManifest = z.infer<typeof backupManifest>;
