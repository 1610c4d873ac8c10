import fs from 'node:fs';
import { buildApp } from './app';
import { sealTotpSecrets } from './auth/totp';
import { openBackupAccess } from './backup/service';
import { rekeySearchText } from './clients/service';
import { ConfigError, loadConfig } from './config';
import { contextOf } from './context';
import { openDatabase } from './db/client';
import { seedDemo } from './demo/seed';
import { jobHandlers, recurringJobs } from './jobs';
import { backfillNameKeys } from './lib/consent';
import { startJobRunner } from './lib/jobs';
import { DataDirLockedError, lockDataDir } from './lib/lockfile';
import { loggerOptions } from './lib/logging';
import { bootstrapFromEnvironment } from './setup/service';

const version: string = JSON.parse(
  fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

function fail(message: string): never {
  console.error(`lotse: ${message}`);
  process.exit(1);
}

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let unlock = () => {};
  if (!config.databaseUrl) {
    try {
      unlock = lockDataDir(config.dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) fail(error.message);
      throw error;
    }
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
  }

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    sharedBuffersMb: config.pgliteCacheMb,
  }).catch((error) => {
    unlock();
    fail(`cannot open the database: ${(error as Error).message}`);
  });
  const ctx = contextOf(database, config, version);
  // Consents recorded before their recipients' name keys were stored get them now (migration 0006).
  await backfillNameKeys(ctx.db);
  // TOTP secrets of before encryption, or of a rotated key, are sealed with the current key.
  await sealTotpSecrets(ctx).catch((error) => {
    unlock();
    fail(`cannot open the stored second factors: ${(error as Error).message}`);
  });
  // Cases keyed for search before the present name keys get them now (lib/search-text).
  await rekeySearchText(ctx.db);

  const bootstrapped = await bootstrapFromEnvironment(ctx, { demo: config.demo ? seedDemo : null }).catch(
    (error) => {
      unlock();
      fail(`cannot create the first organisation: ${(error as Error).message}`);
    },
  );

  const app = await buildApp(ctx, { logger: loggerOptions(config.logLevel), trustProxy: config.trustProxy });
  const runner = startJobRunner(ctx.db, jobHandlers(ctx), recurringJobs, {
    onError: (kind, error) => app.log.warn({ kind, err: error }, 'job failed'),
  });

  let closeBackupAccess = () => {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await runner.stop();
      await database.close();
    } finally {
      closeBackupAccess();
      unlock();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    unlock();
    fail(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  }
  // `npm run backup` finds this process and its token in DATA_DIR (PGlite; PostgreSQL has pg_dump).
  const address = app.server.address();
  if (database.kind === 'pglite' && address && typeof address === 'object')
    closeBackupAccess = openBackupAccess(config, address.port);
  const url = config.baseUrl;
  console.log(`Lotse ${version} is running at ${url} (database: ${database.kind})`);
  if (bootstrapped?.demoLogins.length) {
    console.log('\nDemo logins (password as LOTSE_ADMIN_PASSWORD):');
    console.log(`  ${bootstrapped.adminEmail}  (admin)`);
    for (const l of bootstrapped.demoLogins) console.log(`  ${l.email}  (${l.roles.join(', ')}) ${l.name}`);
  }
}

void main();
