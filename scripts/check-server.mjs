#!/usr/bin/env node
// Rules of docs/ARCHITECTURE.md that each live in one place and must stay there:
//  1. The audit log is written only through src/server/lib/audit.ts (audit, auditSystem, auditMany):
//     an INSERT anywhere else could skip a field the data protection officer relies on.
//  2. Route files use the API's vocabulary from src/contracts: they build no zod schema of their
//     own (no z.object(…), z.array(…), pageOf(…), .extend(…)), so the web types come from the
//     same schemas the server validates and writes with.
//  3. Every server domain has routes.ts and service.ts, and its service.ts holds code of its own
//     (it is the domain's rules, not a list of re-exports).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const server = path.join(root, process.env.CHECK_SRC ?? 'src', 'server');
/** Server folders that are not domains: infrastructure and composition roots. */
const notDomains = new Set(['lib', 'db', 'demo', 'cli', 'testing']);
/** Domains whose only task needs no service of its own. */
const routesOnly = new Set(['system']);

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) yield full;
  }
}

const problems = [];
const rel = (f) => path.relative(root, f);

// 1. Audit inserts, anywhere in the code, benchmarks and scripts (not in tests' own assertions).
const auditFile = path.join(server, 'lib', 'audit.ts');
const auditInsert = /insert\(\s*(?:schema\.)?auditLog\s*\)|insert\s+into\s+"?audit_log"?/i;
for (const dir of ['src', 'bench', 'scripts']) {
  const base = path.join(root, dir);
  if (!fs.existsSync(base)) continue;
  for (const file of files(base)) {
    if (file === auditFile || file === path.join(root, 'scripts', 'check-server.mjs')) continue;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (auditInsert.test(line))
        problems.push(
          `${rel(file)}:${i + 1}: writes the audit log directly; use lib/audit (audit, auditMany)`,
        );
    });
  }
}

// 2. and 3., per domain.
for (const entry of fs.readdirSync(server, { withFileTypes: true })) {
  if (!entry.isDirectory() || notDomains.has(entry.name)) continue;
  const dir = path.join(server, entry.name);
  const routes = path.join(dir, 'routes.ts');
  const service = path.join(dir, 'service.ts');
  if (!fs.existsSync(routes)) problems.push(`src/server/${entry.name}: a domain has routes.ts`);
  if (!routesOnly.has(entry.name)) {
    if (!fs.existsSync(service)) problems.push(`src/server/${entry.name}: a domain has service.ts`);
    else {
      const code = fs
        .readFileSync(service, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      if (!/^\s*(?:export\s+)?(?:async\s+)?(?:function|const|let|class)\s/m.test(code))
        problems.push(`${rel(service)}: holds only re-exports; the domain's rules belong here`);
    }
  }
  for (const file of fs.readdirSync(dir)) {
    if (!/^routes.*\.ts$/.test(file)) continue;
    const full = path.join(dir, file);
    const lines = fs.readFileSync(full, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/\bz\.[a-zA-Z]+\(|\bpageOf\(|\.extend\(/.test(line))
        problems.push(`${rel(full)}:${i + 1}: builds a schema; name one from src/contracts instead`);
      if (/^import\s+\{[^}]*\}\s+from\s+'zod'/.test(line))
        problems.push(`${rel(full)}:${i + 1}: imports zod; schemas come from src/contracts`);
    });
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('server rules: ok (audit only through lib/audit, route schemas from contracts, domain files)');
