#!/usr/bin/env node
// Bundles the server into dist/server/main.js when its sources changed, so `npm start` runs plain
// Node.js: no TypeScript compiler in memory, and a faster start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isStale, markBuilt } from './stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/server');

/** Bundles one entry (the server, or a benchmark's baseline) for Node.js; packages stay external. */
export async function bundle(entry, outfile) {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

export async function buildServerIfNeeded() {
  const sources = ['src/server', 'src/contracts', 'package-lock.json'];
  if (!isStale(path.join(outDir, '.built'), sources)) return false;
  await bundle('src/server/main.ts', 'dist/server/main.js');
  // Migrations are applied at start from beside the bundle.
  fs.rmSync(path.join(outDir, 'migrations'), { recursive: true, force: true });
  fs.cpSync(path.join(root, 'src/server/db/migrations'), path.join(outDir, 'migrations'), {
    recursive: true,
  });
  markBuilt(path.join(outDir, '.built'));
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  await buildServerIfNeeded();
