// npm run backup -- FILE
// A consistent backup of the Lotse running on DATA_DIR (PGlite), taken by that process while it
// serves: the database and every document in one .tar.gz with a manifest. On PostgreSQL it prints
// how to back up with pg_dump instead.
import path from 'node:path';
import { BackupError, downloadBackup } from '../backup/service';
import { ConfigError, loadConfig } from '../config';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: npm run backup -- FILE   (with the DATA_DIR of the running Lotse)');
  process.exit(2);
}

try {
  const started = Date.now();
  const target = path.resolve(file);
  const manifest = await downloadBackup(loadConfig(), target);
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Backup written to ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.documents.length} documents (schema ${manifest.database.migrations.last}).`,
  );
  if (manifest.problems.length) {
    console.error(
      `\n${manifest.problems.length} documents were not as recorded at upload and are flagged in the manifest:`,
    );
    for (const p of manifest.problems) console.error(`  document ${p.documentId}: ${p.problem}`);
    process.exit(1);
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError) {
    console.error(`lotse: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
