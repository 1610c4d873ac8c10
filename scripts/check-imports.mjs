#!/usr/bin/env node
// Enforces the import direction of docs/ARCHITECTURE.md:
//   web → contracts ← server; a server domain uses another domain only through its service.ts;
//   shared server code (lib, db) uses no domain; and no two server domains depend on each other
//   in a cycle (through any chain of imports), so each can be understood and tested on its own.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, process.env.CHECK_SRC ?? 'src');
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
/** domain → domain → the first import that makes the edge, for the message. */
const edges = new Map();
const isDomain = (d, depth) => d && depth > 2 && !shared.has(d) && !roots.has(d);

for (const file of files(src)) {
  const rel = path.relative(src, file).split(path.sep);
  const text = fs.readFileSync(file, 'utf8');
  const isTest = /\.test\.tsx?$/.test(file);
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
      if (shared.has(a) && isDomain(b, target.length))
        problems.push(`${where}: shared code (lib, db) uses no domain; pass what it needs in`);
      if (isDomain(a, rel.length) && isDomain(b, target.length) && a !== b) {
        if (target[2] !== 'service')
          problems.push(`${where}: use another domain only through its service.ts`);
        // Tests may reach into the harness and other domains' services; the app may not.
        if (!isTest) {
          if (!edges.has(a)) edges.set(a, new Map());
          if (!edges.get(a).has(b)) edges.get(a).set(b, where);
        }
      }
    }
  }
}

// Cycles between domains: a depth-first search that reports each cycle once, by its path.
const seen = new Set();
const reported = new Set();
function visit(node, stack) {
  if (stack.includes(node)) {
    const cycle = [...stack.slice(stack.indexOf(node)), node];
    const key = [...cycle.slice(0, -1)].sort().join(',');
    if (!reported.has(key)) {
      reported.add(key);
      const steps = cycle.slice(0, -1).map((d, i) => `  ${edges.get(d).get(cycle[i + 1])}`);
      problems.push(`a cycle between server domains: ${cycle.join(' → ')}\n${steps.join('\n')}`);
    }
    return;
  }
  if (seen.has(node)) return;
  for (const next of edges.get(node)?.keys() ?? []) visit(next, [...stack, node]);
  seen.add(node);
}
for (const node of edges.keys()) visit(node, []);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`imports: ok (${edges.size} server domains use others, no cycle)`);
