#!/usr/bin/env node
// Builds the web client when it is missing or older than its sources (npm start, e2e tests).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale, markBuilt } from './stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist/web/.built');

export function buildWebIfNeeded() {
  if (!isStale(stamp, ['src/web', 'src/contracts', 'vite.config.ts', 'package-lock.json'])) return false;
  // The first start spends most of its time here (about 15 s): say so, and when it is done.
  console.log('Building the web client (once, and again after its sources change) …');
  const started = performance.now();
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Always the production build: started from a test run (NODE_ENV=test) Vite would bundle
      // React's development code, 47 kB more compressed on the first page.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  markBuilt(stamp);
  console.log(`Built the web client in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) buildWebIfNeeded();
