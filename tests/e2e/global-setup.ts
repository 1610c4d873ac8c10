// Once before the browser tests (vitest globalSetup of the e2e project).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM build script without types
import { buildServerIfNeeded } from '../../scripts/build-server.mjs';
import { DEMO_ENV, startServer } from './support';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo data dir seeded once for the run, or null: every demo server seeds its own. */
    demoTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  // The server bundle is built here, once, not by whichever test file starts a server first.
  await buildServerIfNeeded();
  if (process.env.LOTSE_E2E_SEED_ONCE !== '1') {
    project.provide('demoTemplate', null);
    return;
  }
  // Seeding the demo (migrations, password hashes, the cases and conferences) is most of a demo
  // start; CI does it once and each file starts on a copy. The demo's dates count from today.
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-demo-'));
  await (await startServer({ ...DEMO_ENV, DATA_DIR: dir }, null)).stop();
  console.log(`Seeded the demo once for all files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  project.provide('demoTemplate', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
