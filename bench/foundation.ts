import fs from 'node:fs';
import path from 'node:path';
// @ts-expect-error plain ESM build script without types
import { bundle } from '../scripts/build-server.mjs';
import {
  freshPostgresDatabase,
  type LoadResult,
  load,
  login,
  median,
  root,
  rssMiB,
  startLotse,
  startProcess,
  tempDir,
} from './lib';

export interface FoundationResult {
  database: 'pglite' | 'postgres';
  startupFreshMs: number;
  startupExistingMs: number;
  idleRssMiB: number;
  health: LoadResult;
  me: LoadResult;
  bare: LoadResult;
}

const ROUNDS = 3;

/**
 * Start-up, idle memory, and throughput of health, auth/me and a bare Fastify route. The three
 * loads alternate over three rounds and the medians are reported, because the load generator
 * shares the machine's two cores and single runs vary by ±15 %.
 */
export async function runFoundation(
  database: 'pglite' | 'postgres',
  pgAdminUrl: string,
): Promise<FoundationResult> {
  const dataDir = tempDir('lotse-bench-');
  const pgdb =
    database === 'postgres' ? await freshPostgresDatabase(pgAdminUrl, 'lotse_bench_foundation') : null;
  // The baseline is bundled and started exactly like Lotse's server.
  await bundle('bench/bare-server.ts', 'dist/bench/bare-server.js');
  try {
    // First start: creates the database and the first organisation.
    const first = await startLotse(dataDir, pgdb?.url);
    await first.stop();
    // Second start on the existing data: what an operator sees after a restart.
    const app = await startLotse(dataDir, pgdb?.url);
    const bareServer = await startProcess(path.join(root, 'dist/bench/bare-server.js'), {}, '/bare');
    try {
      const session = await login(app.url);
      await new Promise((r) => setTimeout(r, 5000));
      const idleRssMiB = rssMiB(app.pid);
      const runs: Record<'health' | 'me' | 'bare', LoadResult[]> = { health: [], me: [], bare: [] };
      for (let round = 0; round < ROUNDS; round++) {
        runs.bare.push(await load(`${bareServer.url}/bare`));
        runs.me.push(await load(`${app.url}/api/auth/me`, { cookie: session.cookie }));
        runs.health.push(await load(`${app.url}/api/health`));
      }
      return {
        database,
        startupFreshMs: first.startupMs,
        startupExistingMs: app.startupMs,
        idleRssMiB,
        health: median(runs.health),
        me: median(runs.me),
        bare: median(runs.bare),
      };
    } finally {
      await bareServer.stop();
      await app.stop();
    }
  } finally {
    await pgdb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
