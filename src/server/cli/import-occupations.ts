// npm run import:occupations -- FILE
// Loads the publisher's KldB 2010 CSV or the ESCO occupations CSV into the reference occupations.
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { DataDirLockedError, lockDataDir } from '../lib/lockfile';
import { importOccupations, occupationCounts } from '../occupations/service';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(
    'usage: npm run import:occupations -- FILE   (KldB2010-V2020-Gliederung.csv or ESCO occupations_de.csv)',
  );
  process.exit(2);
}
try {
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    sharedBuffersMb: config.pgliteCacheMb,
  });
  try {
    const started = Date.now();
    const result = await importOccupations(database.db, fs.readFileSync(file, 'utf8'));
    console.log(
      `Imported ${result.imported} ${result.scheme} occupations in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log('Reference occupations now:', await occupationCounts(database.db));
  } finally {
    await database.close();
    unlock();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError)
    console.error(`lotse: ${error.message}`);
  else console.error(`lotse: ${(error as Error).message}`);
  process.exit(1);
}
