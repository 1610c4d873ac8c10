// npm run restore -- FILE
// Restores a backup of `npm run backup` into an empty DATA_DIR and checks every file and every
// table against the backup's manifest. Start Lotse on that DATA_DIR afterwards.
import path from 'node:path';
import { BackupError, restoreBackup } from '../backup/service';
import { ConfigError, loadConfig } from '../config';
import { DataDirLockedError } from '../lib/lockfile';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: DATA_DIR=/new/empty/dir npm run restore -- FILE');
  process.exit(2);
}

try {
  const started = Date.now();
  const config = loadConfig();
  const manifest = await restoreBackup(config, path.resolve(file));
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Restored the backup of ${manifest.createdAt} into ${config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${rows} rows in ${Object.keys(manifest.tables).length} tables and ${manifest.documents.length} documents, all matching their checksums. Start Lotse with DATA_DIR=${config.dataDir}.`,
  );
  if (manifest.problems.length)
    console.error(
      `Note: ${manifest.problems.length} documents were already missing or changed when the backup was taken (see its manifest.json).`,
    );
} catch (error) {
  if (error instanceof ConfigError || error instanceof BackupError || error instanceof DataDirLockedError) {
    console.error(`lotse: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
