#!/usr/bin/env node
// Enforces the import direction of docs/ARCHITECTURE.md:
//   web → contracts ← server; a server domain uses another domain only through its service.ts.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
/** Server folders that are infrastructure, not domains. */
const shared = new Set(['lib', 'db']);
/** Composition roots may wire everything together. */
const roots = new Set(['app.ts', 'main.ts', 'jobs.ts', 'context.ts', 'config.ts', 'demo', 'cli', 'testing']);

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield full;
  }
}

const importRe = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
const problems = [];
for (const file of files(src)) {
  const rel = path.relative(src, file).split(path.sep);
  const text = fs.readFileSync(file, 'utf8');
  for (const [, spec] of text.matchAll(importRe)) {
    if (!spec.startsWith('.')) continue;
    const target = path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep);
    const from = rel[0];
    const to = target[0];
    const where = `${path.relative(root, file)} imports ${spec}`;
    if (from === 'web' && to === 'server') problems.push(`${where}: the web never imports server code`);
    if (from === 'contracts' && to !== 'contracts')
      problems.push(`${where}: contracts import only contracts`);
    if (from === 'server' && to === 'web') problems.push(`${where}: the server never imports web code`);
    if (from === 'server' && to === 'server') {
      const a = rel[1];
      const b = target[1];
      const isDomain = (d, depth) => d && depth > 2 && !shared.has(d) && !roots.has(d);
      if (isDomain(a, rel.length) && isDomain(b, target.length) && a !== b && target[2] !== 'service') {
        problems.push(`${where}: use another domain only through its service.ts`);
      }
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('imports: ok');
