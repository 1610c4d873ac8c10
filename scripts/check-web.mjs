#!/usr/bin/env node
// The web client's layering, as `npm run check` enforces it:
// - API addresses live in src/web/lib/ and in each domain's api.ts, nowhere else: a component asks
//   its domain's api.ts (or its part's, e.g. portal/commitments/api.ts), which binds the address to the contract type of the answer;
// - query keys come from the key factories of those api.ts files, never from an array in a component;
// - src/web/ui/ (shared components) never imports src/web/app/ (router, layout, providers).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'src/web');

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(full);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(e.name)) yield full;
  }
}

const inside = (file, dir) => !path.relative(dir, file).startsWith('..');
/** Where the API may be named: the client in lib/ and one api.ts per domain folder (or part of one). */
const mayNameApi = (file) =>
  inside(file, path.join(web, 'lib')) ||
  (path.basename(file) === 'api.ts' &&
    (path.dirname(path.dirname(file)) === web || path.dirname(path.dirname(path.dirname(file))) === web));

const lineOf = (text, index) => text.slice(0, index).split('\n').length;
const problems = [];
for (const file of files(web)) {
  const text = fs.readFileSync(file, 'utf8');
  const where = (index) => `${path.relative(root, file)}:${lineOf(text, index)}`;
  if (!mayNameApi(file)) {
    // A string or template literal that starts with /api (comments may still name routes).
    for (const m of text.matchAll(/['"`]\/api(?=[/?'"`$])/g))
      problems.push(`${where(m.index)}: an /api address outside src/web/lib and the domains' api.ts`);
    for (const m of text.matchAll(/queryKey:\s*\[/g))
      problems.push(`${where(m.index)}: a query key written in place; take it from the domain's key factory`);
  }
  if (inside(file, path.join(web, 'ui'))) {
    for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"](\.[^'"]*)['"]/g)) {
      const target = path.resolve(path.dirname(file), m[1]);
      if (inside(target, path.join(web, 'app')))
        problems.push(`${where(m.index)}: ui/ imports app/ (${m[1]}); shared components stay below the app`);
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('web: ok');
