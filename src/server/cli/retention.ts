// npm run retention
// Runs the daily deletion job once on the Lotse of DATA_DIR (stopped: the embedded database has
// one user) or DATABASE_URL (while it serves), and prints what it did. The job also runs every day
// inside Lotse; this is for operators who want it now, and for the crash test
// (privacy/deletion-crash.test.ts), which sets LOTSE_RETENTION_CRASH to kill this process with
// SIGKILL inside a batch's transaction (`in-batch`) or after it committed, before the files went
// (`after-commit`).
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { contextOf } from '../context';
import { openDatabase } from '../db/client';
import { DataDirLockedError, lockDataDir } from '../lib/lockfile';
import { runRetention } from '../privacy/deletion';

try {
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
  });
  const ctx = contextOf(database, config, 'cli');
  const crash = process.env.LOTSE_RETENTION_CRASH;
  const kill = () => {
    process.kill(process.pid, 'SIGKILL');
  };
  const now = process.env.LOTSE_RETENTION_NOW ? new Date(process.env.LOTSE_RETENTION_NOW) : new Date();
  const result = await runRetention(ctx, {
    now,
    hooks: {
      inBatch: crash === 'in-batch' ? kill : undefined,
      afterCommit: crash === 'after-commit' ? kill : undefined,
    },
  });
  console.log(JSON.stringify(result));
  await database.close();
  unlock();
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`lotse: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
