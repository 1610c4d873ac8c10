import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { staff } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/harness';
import { fullCase, type Traces, whereFound } from '../testing/privacy';
import { runRetention } from './deletion';

/**
 * A deletion killed with SIGKILL (kill -9) in the middle of a batch: the process of
 * `npm run retention` is killed inside a batch's transaction, then after it committed but before the
 * files went. Each time, every person is either untouched or anonymised, and the next run finishes.
 */
let t: TestApp;
let cases: { id: string; traces: Traces }[];
const afterRetention = new Date(Date.now() + 3 * 366 * 86_400_000 + 30 * 86_400_000);
const afterNotice = new Date(afterRetention.getTime() + 15 * 86_400_000);
const root = path.resolve(import.meta.dirname, '../../..');

beforeAll(async () => {
  t = await startTestApp({}, { pgliteOnDisk: true });
  const { aylin } = await staff(t, ['aylin']);
  cases = [];
  for (const tag of ['Eins', 'Zwei', 'Drei']) {
    const { client, traces } = await fullCase(aylin, tag);
    cases.push({ id: client.id, traces });
  }
  expect((await runRetention(t.ctx, { now: afterRetention })).announced).toBe(3);
}, 120_000);
afterAll(() => t.close());

/** `npm run retention` on this app's database, killed where `crash` says. */
async function killedRun(crash: 'in-batch' | 'after-commit') {
  const { dataDir, databaseUrl } = t;
  await t.stop();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/retention.ts'], {
    cwd: root,
    // Only what the command needs: the test runner's own variables are not Lotse's configuration.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      LOTSE_RETENTION_NOW: afterNotice.toISOString(),
      LOTSE_RETENTION_CRASH: crash,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  t = await startTestApp({}, { pgliteOnDisk: true, dataDir, databaseUrl });
  expect(run.signal, run.stderr).toBe('SIGKILL');
}

/** Each case whole or anonymised: its name and its document row and file go together. */
async function states() {
  const rows = await queryRows<{ id: string; family_name: string; anonymised: boolean; documents: number }>(
    t.ctx.db,
    sql`SELECT id, family_name, anonymised_at IS NOT NULL AS anonymised,
          (SELECT count(*)::int FROM documents d WHERE d.client_id = c.id) AS documents
        FROM clients c WHERE family_name LIKE 'Quofflebaum%' OR anonymised_at IS NOT NULL`,
  );
  return cases.map((c) => {
    const row = rows.find((r) => r.id === c.id);
    if (row?.anonymised && row.family_name === '' && row.documents === 0) return 'anonymised';
    if (!row?.anonymised && row?.family_name === c.traces.familyName && row.documents === 1) return 'whole';
    return `half: ${JSON.stringify(row)}`;
  });
}

const filesLeft = () => {
  const dir = path.join(t.dataDir, 'documents');
  return fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length
    : 0;
};

describe('a deletion killed with SIGKILL', () => {
  it('inside a batch’s transaction leaves every person whole', { timeout: 180_000 }, async () => {
    await killedRun('in-batch');
    expect(await states()).toEqual(['whole', 'whole', 'whole']);
    expect(filesLeft()).toBe(3);
  });

  it('after the batch committed, before the files went: the next run removes them', {
    timeout: 180_000,
  }, async () => {
    await killedRun('after-commit');
    expect(await states()).toEqual(['anonymised', 'anonymised', 'anonymised']);
    expect(filesLeft()).toBe(3);
    const next = await runRetention(t.ctx, { now: afterNotice });
    expect(next).toMatchObject({ finishedFromEarlierRun: 3, filesRemoved: 3, anonymised: 0 });
    expect(filesLeft()).toBe(0);
    expect(
      await whereFound(
        t,
        cases.flatMap((c) => [c.traces.familyName, c.traces.email, c.traces.fileText]),
      ),
    ).toEqual([]);
  });
});
