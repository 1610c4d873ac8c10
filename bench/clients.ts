import fs from 'node:fs';
import path from 'node:path';
import { required } from '../src/server/lib/required';
import { freshPostgresDatabase, login, root, startLotse } from './lib';
import { BENCH_LEAD, seed } from './seed';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  // No samples is no measurement: the run failed, and says so instead of reporting undefined.
  const at = (q: number) => required(s[Math.min(s.length - 1, Math.floor(q * s.length))], 'a latency sample');
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** Server time from the Server-Timing header of one request. */
async function timed(url: string, cookie: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, headers: { cookie, ...(init.headers ?? {}) } });
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${url}: ${body.slice(0, 200)}`);
  const dur = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
  return { dur, body };
}

/** Names as counsellors type them into the search: Latin, Cyrillic, Arabic, transliteration variants. */
export const typedNames = [
  'Kovalenko',
  'Shevchenko',
  'Haddad',
  'Al-Hassan',
  'Nguyen',
  'Rodriguez',
  'Yilmaz',
  'Ahmadi',
  'Sergii',
  'Mohammed',
  'Коваленко',
  'محمد',
  'Müller',
  'Papadopoulos',
  'Gebremariam',
];

export interface ClientsResult {
  database: 'pglite' | 'postgres';
  clients: number;
  seedSeconds: number | null;
  search: Latency;
  list: Latency;
  detail: Latency;
  importSeconds: { upload: number; check: number; commit: number; total: number };
}

async function measure(url: string, session: { cookie: string; csrfToken: string }) {
  const c = session.cookie;
  // Search as you type: every prefix of each name from two letters, as the list asks after each keystroke.
  const search: number[] = [];
  for (const name of typedNames) {
    // The list searches from the second letter on (one letter matches nearly everyone).
    for (let i = 2; i <= name.length; i++) {
      search.push(
        (await timed(`${url}/api/clients?q=${encodeURIComponent(name.slice(0, i))}&limit=20`, c)).dur,
      );
    }
  }
  // Case list pages: sorts, filters and deep pages.
  const list: number[] = [];
  const ids: string[] = [];
  const variants = [
    'sort=name',
    'sort=-updated',
    'sort=-intake',
    'stage=planning',
    'overdueSteps=true',
    'language=deu&minLevel=B2',
    'includeClosed=true&sort=code',
  ];
  for (let i = 0; i < 210; i++) {
    const q = `${variants[i % variants.length]}&limit=50&offset=${(i * 37) % 2000}`;
    const { dur, body } = await timed(`${url}/api/clients?${q}`, c);
    list.push(dur);
    for (const item of (JSON.parse(body) as { items: { id: string }[] }).items.slice(0, 2)) ids.push(item.id);
  }
  // Case file of many different cases.
  const detail: number[] = [];
  for (const id of ids.slice(0, 300)) detail.push((await timed(`${url}/api/clients/${id}`, c)).dur);
  return { search: summarise(search), list: summarise(list), detail: summarise(detail) };
}

/** Importing 10,000 rows: upload, dry run, commit (wall time of each). */
async function importRows(url: string, session: { cookie: string; csrfToken: string }) {
  const lines = ['Nachname;Vorname;Geburtsdatum;E-Mail;Erstberatung'];
  for (let i = 0; i < 10_000; i++)
    lines.push(
      `Import${i};Person;${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.19${50 + (i % 50)};import${i}@mail.example;02.01.2026`,
    );
  const form = new FormData();
  form.append('file', new Blob([lines.join('\n')]), 'zehntausend.csv');
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const t0 = performance.now();
  const up = await fetch(`${url}/api/clients/import`, { method: 'POST', body: form, headers });
  const { id, suggestedMapping } = (await up.json()) as {
    id: string;
    suggestedMapping: Record<string, number>;
  };
  const t1 = performance.now();
  const json = { ...headers, 'content-type': 'application/json' };
  const check = (await (
    await fetch(`${url}/api/clients/import/${id}/check`, {
      method: 'POST',
      body: JSON.stringify({ mapping: suggestedMapping }),
      headers: json,
    })
  ).json()) as { canCommit: boolean };
  if (!check.canCommit) throw new Error(`import check failed: ${JSON.stringify(check).slice(0, 300)}`);
  const t2 = performance.now();
  const commit = await fetch(`${url}/api/clients/import/${id}/commit`, {
    method: 'POST',
    body: JSON.stringify({ mapping: suggestedMapping }),
    headers: json,
  });
  if (!commit.ok) throw new Error(`import commit failed: ${await commit.text()}`);
  const t3 = performance.now();
  const s = (a: number, b: number) => Math.round((b - a) / 100) / 10;
  return { upload: s(t0, t1), check: s(t1, t2), commit: s(t2, t3), total: s(t0, t3) };
}

/**
 * The generated data set of `count` clients for a database kind: made once and kept in bench/.data
 * (PGlite) or the database lotse_bench_<n> (PostgreSQL; `BENCH_PG_PREFIX` replaces lotse_bench)
 * for later runs; `extra` adds to it once (its own marker). PGlite runs measure on a copy, so that a run does not change the kept set.
 */
export async function prepareDataSet(
  database: 'pglite' | 'postgres',
  count: number,
  /** The PostgreSQL server the database is made on (used when `database` is postgres). */
  pgAdminUrl: string,
  extra?: { name: string; add(target: { dataDir?: string; databaseUrl?: string }): Promise<unknown> },
) {
  let dataDir = path.join(root, `bench/.data/clients-${count}`);
  let databaseUrl: string | undefined;
  let seedSeconds: number | null = null;
  if (database === 'postgres') {
    // Worktrees that share one PostgreSQL server name their data sets apart (BENCH_PG_PREFIX), so
    // that one's run does not drop the database another is measuring on.
    const name = `${process.env.BENCH_PG_PREFIX ?? 'lotse_bench'}_${count}`;
    const u = new URL(pgAdminUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dataDir = path.join(root, `bench/.data/clients-${count}-pg`);
    if (!fs.existsSync(path.join(dataDir, 'seeded-pg'))) await freshPostgresDatabase(pgAdminUrl, name);
  }
  const seededMarker = path.join(dataDir, database === 'postgres' ? 'seeded-pg' : 'seeded');
  const target = { dataDir: databaseUrl ? undefined : dataDir, databaseUrl };
  if (!fs.existsSync(seededMarker)) {
    fs.rmSync(path.join(dataDir, 'pglite'), { recursive: true, force: true });
    for (const f of fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [])
      fs.rmSync(path.join(dataDir, f), { recursive: true, force: true });
    seedSeconds = (await seed({ clients: count, ...target })).seconds;
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(seededMarker, new Date().toISOString());
  }
  let extraSeconds: number | null = null;
  if (extra && !fs.existsSync(path.join(dataDir, `${extra.name}-seeded`))) {
    const t0 = Date.now();
    await extra.add(target);
    extraSeconds = (Date.now() - t0) / 1000;
    fs.writeFileSync(path.join(dataDir, `${extra.name}-seeded`), new Date().toISOString());
  }
  let runDir = dataDir;
  if (database === 'pglite') {
    runDir = `${dataDir}-run`;
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.cpSync(dataDir, runDir, { recursive: true });
  }
  return {
    runDir,
    databaseUrl,
    seedSeconds,
    extraSeconds,
    cleanup: () => {
      if (database === 'pglite') fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** Server time of one request, from its Server-Timing header; throws on an error answer. */
export { timed };

/**
 * Search, list and case-file latency (server time) over a generated data set, and a 10,000-row
 * import.
 */
export async function runClients(
  database: 'pglite' | 'postgres',
  count: number,
  pgAdminUrl: string,
): Promise<ClientsResult> {
  const { runDir, databaseUrl, seedSeconds, cleanup } = await prepareDataSet(database, count, pgAdminUrl);
  const app = await startLotse(runDir, databaseUrl);
  try {
    const session = await login(app.url, BENCH_LEAD.email, BENCH_LEAD.password);
    await measure(app.url, session); // warm-up: caches, query plans
    const m = await measure(app.url, session);
    const importSeconds = await importRows(app.url, session);
    if (databaseUrl) {
      // Keep the PostgreSQL data set at its size for the next run.
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DELETE FROM clients WHERE case_code NOT LIKE 'B%'`);
      await client.end();
    }
    return { database, clients: count, seedSeconds, ...m, importSeconds };
  } finally {
    await app.stop();
    cleanup();
  }
}
