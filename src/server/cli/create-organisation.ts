// npm run org:create -- --name "IQ Netzwerk Saar" --admin-email a@example.org --admin-name "Name"
// Adds a further organisation to this installation; its admin gets a one-time link to set a password.
import { parseArgs } from 'node:util';
import { languageSchema } from '../../contracts/common';
import { ConfigError, loadConfig } from '../config';
import type { AppContext } from '../context';
import { openDatabase } from '../db/client';
import { DataDirLockedError, lockDataDir } from '../lib/lockfile';
import { createOrganisationWithAdmin } from '../organisation/service';
import { issueAccountLink } from '../users/service';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    language: { type: 'string', default: 'de' },
  },
});
const name = values.name?.trim();
const email = values['admin-email']?.trim().toLowerCase();
const adminName = values['admin-name']?.trim();
const language = languageSchema.safeParse(values.language).data;
if (!name || !email || !adminName || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !language) {
  console.error(
    'usage: npm run org:create -- --name "Organisation" --admin-email admin@example.org --admin-name "Full Name" [--language de|en]',
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
  const ctx: AppContext = {
    db: database.db,
    config,
    databaseKind: database.kind,
    subscribe: database.subscribe,
    version: 'cli',
  };
  try {
    const link = await database.db.transaction(async (tx) => {
      const { org, admin } = await createOrganisationWithAdmin(
        tx,
        {
          organisationName: name,
          adminName,
          email,
          passwordHash: null,
          language,
        },
        { onlyIfFirst: false, ip: null },
      );
      return issueAccountLink(ctx, tx, { organisationName: org.name, name: 'Lotse' }, admin);
    });
    console.log(`Created "${name}". ${adminName} sets a password here (once, within 7 days):\n${link}`);
  } finally {
    await database.close();
    unlock();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`lotse: ${error.message}`);
    process.exit(1);
  }
  console.error(`lotse: ${(error as Error).message}`);
  process.exit(1);
}
