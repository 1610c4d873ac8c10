/** What backup and restore share: the archive's layout and the words for the person at the command line. */

/** A message for the person at the command line; no stack trace needed. */
export class BackupError extends Error {}

export const DATABASE_ENTRY = 'database/pglite.tar';
export const MANIFEST_ENTRY = 'manifest.json';
/** documents/<organisation>/<storage key>; anything else in an archive is refused, so no name can point outside DATA_DIR. */
export const DOCUMENT_ENTRY = /^documents\/([0-9a-f-]{36})\/([A-Za-z0-9_-][A-Za-z0-9._-]{0,62})$/;

export const postgresAdvice = `Lotse runs on PostgreSQL (DATABASE_URL is set): back up the database with PostgreSQL's own tools,
then the documents in DATA_DIR:

  pg_dump --format=custom --file=lotse.dump "$DATABASE_URL"
  tar -czf lotse-documents.tar.gz -C "$DATA_DIR" documents

Copy the documents after the dump: a file is written before its row, so every document in the
dump has its file. To restore, into an empty database and an empty DATA_DIR:

  pg_restore --no-owner --dbname="$DATABASE_URL" lotse.dump
  mkdir -p "$DATA_DIR" && tar -xzf lotse-documents.tar.gz -C "$DATA_DIR"`;
