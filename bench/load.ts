// A day of load: 50 staff (5 leads, 45 counsellors), each logged in once with their own session,
// work against one Lotse process — search, case lists, case files, contacts, next steps, stage
// changes, exports — and the suite reports every unexpected answer, latency per request kind,
// throughput, and the server's memory at start, after warm-up and at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { stages } from '../src/contracts/clients';
import { openDatabase } from '../src/server/db/client';
import { users } from '../src/server/db/schema';
import { random } from '../src/server/demo/people';
import { required } from '../src/server/lib/required';
import { hashPassword } from '../src/server/lib/secrets';
import { type Latency, prepareDataSet, summarise, typedNames } from './clients';
import { ADMIN, freshPostgresDatabase, login, root, type Started, startLotse, tempDir } from './lib';
import { BENCH_LEAD } from './seed';

export const LOAD_STAFF = { leads: 5, counsellors: 45 };

/** The seed has one lead and five counsellors; the day needs 50 staff, each owning a share of the cases. */
const addStaff = {
  name: 'load-staff',
  async add(target: { dataDir?: string; databaseUrl?: string }) {
    const database = await openDatabase({
      databaseUrl: target.databaseUrl,
      dataDir: target.dataDir ? path.join(target.dataDir, 'pglite') : undefined,
    });
    try {
      const db = database.db;
      const [lead] = await db.select().from(users).where(eq(users.email, BENCH_LEAD.email));
      const organisationId = required(lead, 'the bench lead').organisationId;
      const passwordHash = await hashPassword(ADMIN.password);
      const more = (role: 'lead' | 'counsellor', n: number) =>
        Array.from({ length: n }, (_, i) => ({
          organisationId,
          email: `bench-load-${role}-${i + 1}@example.org`,
          name: `Load ${role} ${i + 1}`,
          roles: [role],
          status: 'active',
          passwordHash,
        }));
      await db
        .insert(users)
        .values([...more('lead', LOAD_STAFF.leads - 1), ...more('counsellor', LOAD_STAFF.counsellors - 5)]);
      // Every case to one of the 45 counsellors, round robin, so each has a caseload of their own.
      const counsellorIds = (
        await db
          .select({ id: users.id })
          .from(users)
          .where(sql`${users.organisationId} = ${organisationId} AND 'counsellor' = ANY(${users.roles})`)
          .orderBy(users.email)
      ).map((u) => u.id);
      await db.execute(sql`
        WITH c AS (SELECT id, row_number() OVER (ORDER BY case_code) AS n FROM clients
                   WHERE organisation_id = ${organisationId})
        UPDATE clients SET owner_id = (ARRAY[${sql.join(
          counsellorIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}])[(c.n % ${counsellorIds.length}) + 1]
        FROM c WHERE clients.id = c.id`);
      await db.execute(sql`ANALYZE`);
    } finally {
      await database.close();
    }
  },
};

function staffLogins() {
  const logins: { email: string; role: 'lead' | 'counsellor' }[] = [
    { email: BENCH_LEAD.email, role: 'lead' },
  ];
  for (let i = 1; i < LOAD_STAFF.leads; i++)
    logins.push({ email: `bench-load-lead-${i}@example.org`, role: 'lead' });
  for (let i = 1; i <= 5; i++)
    logins.push({ email: `bench-counsellor-${i}@example.org`, role: 'counsellor' });
  for (let i = 1; i <= LOAD_STAFF.counsellors - 5; i++)
    logins.push({ email: `bench-load-counsellor-${i}@example.org`, role: 'counsellor' });
  return logins;
}

export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  cpuMicros: number;
}

/** The server's own memory (after a full GC) and CPU time, from bench/memory-probe.mjs. */
function probe(server: Started): Promise<Memory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the memory probe did not answer')), 30_000);
    server.child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as Memory);
    });
    server.child.send('lotse-bench:memory');
  });
}

type Kind =
  | 'dashboard'
  | 'search'
  | 'case list'
  | 'case file'
  | 'add contact'
  | 'add step'
  | 'change stage'
  | 'export csv'
  | 'export xlsx';

interface Staff {
  email: string;
  role: 'lead' | 'counsellor';
  userId: string;
  cookie: string;
  csrfToken: string;
  rng: ReturnType<typeof random>;
  /** Cases this person has seen in a list or search: what they open next. */
  known: { id: string; familyName: string }[];
}

interface Recorder {
  /** Latencies are kept only after the warm-up. */
  measuring: boolean;
  wall: Map<Kind, number[]>;
  server: Map<Kind, number[]>;
  requests: number;
  measuredRequests: number;
  /** Unexpected answers by kind, status and code, with one example each. */
  errors: Map<string, { count: number; example: string }>;
  /** Answers the scenario expects though not 2xx (two staff changing one case's stage at once). */
  expected: Map<string, number>;
  /** The slowest requests of the whole run, to tell a slow request from one that waited. */
  slowest: Slow[];
  startedAt: number;
}

interface Slow {
  kind: Kind;
  request: string;
  atSecond: number;
  wallMs: number;
  serverMs: number;
}

function noteSlow(rec: Recorder, slow: Slow) {
  if (rec.slowest.length >= 8 && slow.wallMs <= (rec.slowest.at(-1)?.wallMs ?? 0)) return;
  rec.slowest.push(slow);
  rec.slowest.sort((a, b) => b.wallMs - a.wallMs);
  rec.slowest.length = Math.min(rec.slowest.length, 8);
}

function push(samples: Map<Kind, number[]>, kind: Kind, value: number) {
  const list = samples.get(kind);
  if (list) list.push(value);
  else samples.set(kind, [value]);
}

const ERROR_CODE = /"code"\s*:\s*"([^"]+)"/;

async function call(
  rec: Recorder,
  s: Staff,
  kind: Kind,
  method: 'GET' | 'POST',
  url: string,
  options: { body?: unknown; expect?: (status: number, code: string) => boolean } = {},
): Promise<{ ok: boolean; json: unknown }> {
  // As the web client does (web/lib/http.ts): the session cookie always, the CSRF token on changes.
  const headers: Record<string, string> = { cookie: s.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = s.csrfToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const t0 = performance.now();
  let status = 0;
  let text = '';
  let serverMs = Number.NaN;
  let isJson = false;
  try {
    const res = await fetch(url, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    status = res.status;
    isJson = (res.headers.get('content-type') ?? '').includes('json');
    // Exports are read in full like a browser's download, but not decoded.
    if (isJson || !res.ok) text = await res.text();
    else await res.arrayBuffer();
    serverMs = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
  } catch (error) {
    text = (error as Error).message;
  }
  const wall = performance.now() - t0;
  rec.requests++;
  noteSlow(rec, {
    kind,
    request: `${method} ${url.replace(/^https?:\/\/[^/]+/, '')}`,
    atSecond: Math.round((t0 - rec.startedAt) / 100) / 10,
    wallMs: wall,
    serverMs,
  });
  if (rec.measuring) {
    rec.measuredRequests++;
    push(rec.wall, kind, wall);
    if (!Number.isNaN(serverMs)) push(rec.server, kind, serverMs);
  }
  if (status >= 200 && status < 300) return { ok: true, json: isJson ? JSON.parse(text) : null };
  const code = ERROR_CODE.exec(text)?.[1] ?? (status === 0 ? 'network' : 'unknown');
  const key = `${kind} → ${status || 'no answer'} ${code}`;
  if (options.expect?.(status, code)) rec.expected.set(key, (rec.expected.get(key) ?? 0) + 1);
  else {
    const e = rec.errors.get(key) ?? {
      count: 0,
      example: `${method} ${url.replace(/^https?:\/\/[^/]+/, '')}: ${text.slice(0, 300)}`,
    };
    e.count++;
    rec.errors.set(key, e);
  }
  return { ok: false, json: null };
}

interface CaseFile {
  client: { id: string; stage: (typeof stages)[number]; version: number; canEdit: boolean };
}
interface ListPage {
  items: { id: string; familyName: string }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** One person's working day: tasks picked by weight, a think time between requests. */
function scenario(url: string, rec: Recorder, thinkMs: number) {
  const think = (s: Staff, factor = 1) => sleep(thinkMs * factor * (0.5 + s.rng.next()));
  const remember = (s: Staff, page: unknown) => {
    for (const item of (page as ListPage).items) {
      if (s.known.length >= 300) s.known.splice(s.rng.int(0, s.known.length - 1), 1);
      s.known.push({ id: item.id, familyName: item.familyName });
    }
  };
  const listVariants = [
    'sort=name',
    'sort=-updated',
    'sort=-intake',
    'overdueSteps=true',
    'language=deu&minLevel=B2',
  ];

  async function list(s: Staff) {
    const variant = s.rng.chance(0.3) ? `stage=${s.rng.pick(stages.slice(0, 6))}` : s.rng.pick(listVariants);
    // Counsellors have about 110 cases (three pages of 50), leads all of them.
    const offset = 50 * s.rng.int(0, s.role === 'lead' ? 20 : 1);
    const r = await call(
      rec,
      s,
      'case list',
      'GET',
      `${url}/api/clients?${variant}&limit=50&offset=${offset}`,
    );
    if (r.ok) remember(s, r.json);
  }

  async function openCase(s: Staff, id: string) {
    const r = await call(rec, s, 'case file', 'GET', `${url}/api/clients/${id}`);
    return r.ok ? (r.json as CaseFile) : null;
  }

  /** Type a name: the list asks after a pause in typing (from two letters on), then open a hit. */
  async function lookUp(s: Staff) {
    const name =
      s.known.length && s.rng.chance(0.6) ? s.rng.pick(s.known).familyName : s.rng.pick(typedNames);
    let hits: ListPage['items'] = [];
    for (const len of new Set([Math.min(name.length, 3), Math.min(name.length, s.rng.int(4, 7))])) {
      const q = encodeURIComponent(name.slice(0, len));
      const r = await call(rec, s, 'search', 'GET', `${url}/api/clients?q=${q}&limit=50`);
      if (r.ok) hits = (r.json as ListPage).items;
      await think(s, 0.3);
    }
    if (hits.length && s.rng.chance(0.7)) {
      await openCase(s, s.rng.pick(hits).id);
      await think(s);
    }
  }

  /** Open a case, record a session, often plan a step, sometimes move the stage. */
  async function workCase(s: Staff) {
    if (!s.known.length) return list(s);
    const file = await openCase(s, s.rng.pick(s.known).id);
    await think(s);
    if (!file?.client.canEdit) return;
    const c = file.client;
    if (s.rng.chance(0.8)) {
      await call(rec, s, 'add contact', 'POST', `${url}/api/clients/${c.id}/contacts`, {
        body: {
          kind: 'session',
          occurredOn: day(0),
          sessionType: 'follow_up',
          channel: s.rng.pick(['in_person', 'phone', 'video'] as const),
          durationMinutes: s.rng.pick([30, 45, 60, 90]),
          summary: 'Unterlagen zur Anerkennung besprochen; Übersetzungen fehlen noch.',
        },
      });
      await think(s);
    }
    if (s.rng.chance(0.5)) {
      await call(rec, s, 'add step', 'POST', `${url}/api/clients/${c.id}/steps`, {
        body: { text: 'Zeugnisse übersetzen lassen', ownerUserId: s.userId, dueDate: day(s.rng.int(3, 30)) },
      });
      await think(s);
    }
    if (s.rng.chance(0.25)) {
      // Forward one stage, but not into closed (that needs an outcome); from placed or closed one
      // step back, with the reason a step back needs.
      const i = stages.indexOf(c.stage);
      const forward = i < stages.indexOf('placed');
      const to = required(stages[forward ? i + 1 : stages.indexOf('job_search')], 'a stage');
      await call(rec, s, 'change stage', 'POST', `${url}/api/clients/${c.id}/stage`, {
        body: { to, version: c.version, ...(forward ? {} : { reason: 'Stelle nicht angetreten' }) },
        // Another of the staff moved the same case a moment ago: the web client says so and reloads.
        expect: (status, code) => status === 409 && code === 'version_conflict',
      });
      await think(s);
    }
  }

  async function exportList(s: Staff) {
    const format = s.rng.chance(0.7) ? 'csv' : 'xlsx';
    // A counsellor exports their own list; a lead one stage of the whole organisation.
    const filter = s.role === 'lead' ? `stage=${s.rng.pick(stages.slice(0, 6))}` : 'sort=name';
    await call(rec, s, `export ${format}`, 'GET', `${url}/api/clients/export?${filter}&format=${format}`);
  }

  const tasks: [number, (s: Staff) => Promise<void>][] = [
    [30, lookUp],
    [35, workCase],
    [15, list],
    [
      10,
      async (s) => {
        await call(rec, s, 'dashboard', 'GET', `${url}/api/dashboard`);
      },
    ],
    [2, exportList],
  ];
  // Each task as often as its weight: picking one card of the deck is picking by weight.
  const deck = tasks.flatMap(([weight, task]) => Array.from({ length: weight }, () => task));

  return async (s: Staff, until: number) => {
    // The start of the day: the dashboard and one's own case list.
    await call(rec, s, 'dashboard', 'GET', `${url}/api/dashboard`);
    await list(s);
    while (Date.now() < until) {
      await s.rng.pick(deck)(s);
      await think(s);
    }
  };
}

export interface LoadRun {
  database: 'pglite' | 'postgres';
  clients: number;
  staff: number;
  seconds: number;
  warmupSeconds: number;
  thinkMs: number;
  loginMs: Latency;
  kinds: { kind: Kind; wall: Latency; serverP95: number | null }[];
  requests: number;
  measuredRequests: number;
  throughput: number;
  errors: { key: string; count: number; example: string }[];
  expected: { key: string; count: number }[];
  slowest: Slow[];
  memory: { start: Memory; warm: Memory; end: Memory };
  /** Memory every 15 s after warm-up, with the machine's 1-minute load average. */
  series: { second: number; rss: number; heapUsed: number; loadavg: number }[];
  /** Share of one core the load generator used, and its event loop's delay p99 (ms). */
  generatorCpu: number;
  generatorLagP99: number;
  /** Share of one core the server used in the measured phase. */
  serverCpu: number;
}

export async function runLoad(
  database: 'pglite' | 'postgres',
  pgAdminUrl: string,
  options: { clients: number; seconds: number; warmupSeconds: number; thinkMs: number },
): Promise<LoadRun> {
  const set = await prepareDataSet(database, options.clients, pgAdminUrl, addStaff);
  // A run writes (contacts, steps, audit): PostgreSQL gets a copy of the kept data, as PGlite does.
  const copy = set.databaseUrl
    ? await freshPostgresDatabase(
        pgAdminUrl,
        'lotse_bench_load_run',
        new URL(set.databaseUrl).pathname.slice(1),
      )
    : null;
  const dataDir = copy ? tempDir('lotse-bench-load-') : set.runDir;
  const server = await startLotse(
    dataDir,
    copy?.url,
    {},
    { nodeArgs: ['--expose-gc', '--import', path.join(root, 'bench/memory-probe.mjs')], ipc: true },
  );
  try {
    const start = await probe(server);
    const staff: Staff[] = [];
    const loginMs: number[] = [];
    for (const [i, l] of staffLogins().entries()) {
      const t0 = performance.now();
      const session = await login(server.url, l.email, ADMIN.password);
      loginMs.push(performance.now() - t0);
      staff.push({ ...l, ...session, rng: random(1000 + i), known: [] });
    }
    const rec: Recorder = {
      measuring: false,
      wall: new Map(),
      server: new Map(),
      requests: 0,
      measuredRequests: 0,
      errors: new Map(),
      expected: new Map(),
      slowest: [],
      startedAt: performance.now(),
    };
    const workDay = scenario(server.url, rec, options.thinkMs);
    const until = Date.now() + options.seconds * 1000;
    // Staff arrive over the first two thirds of the warm-up, as people come in to work: all 50
    // opening the dashboard in the same second queues every request on PGlite for many seconds.
    const working = staff.map(async (s) => {
      await sleep(s.rng.next() * options.warmupSeconds * 667);
      await workDay(s, until);
    });
    await sleep(options.warmupSeconds * 1000);
    const warm = await probe(server);
    rec.measuring = true;
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // Every 15 s: the server's memory (a trend tells growth that levels off from a leak) and the
    // machine's load (the two cores are shared, and a busy machine slows PGlite most).
    const series: { second: number; rss: number; heapUsed: number; loadavg: number }[] = [];
    let done = false;
    const sampling = (async () => {
      while (!done) {
        await Promise.race([sleep(15_000), Promise.all(working)]);
        if (done) break;
        const m = await probe(server);
        series.push({
          second: Math.round((performance.now() - rec.startedAt) / 1000),
          rss: m.rss,
          heapUsed: m.heapUsed,
          loadavg: os.loadavg()[0] ?? 0,
        });
        console.error(`  ${database}: ${rec.requests} requests, ${rec.errors.size} kinds of error`);
      }
    })();
    await Promise.all(working);
    done = true;
    await sampling;
    const measuredSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    lag.disable();
    const end = await probe(server);
    return {
      database,
      clients: options.clients,
      staff: staff.length,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      thinkMs: options.thinkMs,
      loginMs: summarise(loginMs),
      kinds: [...rec.wall.entries()].map(([kind, samples]) => {
        const server = rec.server.get(kind);
        return { kind, wall: summarise(samples), serverP95: server?.length ? summarise(server).p95 : null };
      }),
      requests: rec.requests,
      measuredRequests: rec.measuredRequests,
      throughput: rec.measuredRequests / measuredSeconds,
      errors: [...rec.errors.entries()].map(([key, e]) => ({ key, ...e })),
      expected: [...rec.expected.entries()].map(([key, count]) => ({ key, count })),
      slowest: rec.slowest,
      memory: { start, warm, end },
      series,
      generatorCpu: (cpu.user + cpu.system) / 1e6 / measuredSeconds,
      generatorLagP99: lag.percentile(99) / 1e6,
      serverCpu: (end.cpuMicros - warm.cpuMicros) / 1e6 / measuredSeconds,
    };
  } finally {
    await server.stop();
    await copy?.drop();
    if (copy) fs.rmSync(dataDir, { recursive: true, force: true });
    set.cleanup();
  }
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const growth = (from: number, to: number) =>
  `${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(1)} %`;
const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);

/** Markdown for bench/RESULTS.md: the summary row of each run, its request kinds, its errors. */
export function loadReport(runs: LoadRun[]): string[] {
  const first = runs[0];
  if (!first) return [];
  const lines = [
    `Load suite: ${first.clients} generated cases, ${first.staff} staff (${LOAD_STAFF.leads} leads, ${LOAD_STAFF.counsellors} counsellors) each logged in once, think time ${first.thinkMs / 2}–${(first.thinkMs * 3) / 2} ms between requests, ${first.seconds} s per database of which the first ${first.warmupSeconds} s are warm-up (the staff arrive during its first two thirds). Latency is wall time at the load generator (p50 / p95 / p99 / max, after warm-up); server p95 from Server-Timing. Memory of the server after a full GC.`,
    '',
    '| database | requests (after warm-up) | throughput | errors | expected non-2xx | RSS start / warm / end | heap used start / warm / end | after warm-up: RSS / heap | server CPU | generator CPU, loop lag p99 |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of runs) {
    const { start, warm, end } = r.memory;
    const errors = r.errors.reduce((n, e) => n + e.count, 0);
    const expected = r.expected.reduce((n, e) => n + e.count, 0);
    lines.push(
      `| ${r.database} | ${r.requests} (${r.measuredRequests}) | ${r.throughput.toFixed(1)} req/s | **${errors}** | ${expected} | ${mib(start.rss)} / ${mib(warm.rss)} / ${mib(end.rss)} MiB | ${mib(start.heapUsed)} / ${mib(warm.heapUsed)} / ${mib(end.heapUsed)} MiB | **${growth(warm.rss, end.rss)} / ${growth(warm.heapUsed, end.heapUsed)}** | ${(r.serverCpu * 100).toFixed(0)} % | ${(r.generatorCpu * 100).toFixed(0)} %, ${ms(r.generatorLagP99)} ms |`,
    );
  }
  lines.push('');
  const kinds = [...new Set(runs.flatMap((r) => r.kinds.map((k) => k.kind)))];
  lines.push(
    `| request kind | ${runs.map((r) => `${r.database}: n · p50 / p95 / p99 / max · server p95`).join(' | ')} |`,
    `|---|${runs.map(() => '---|').join('')}`,
  );
  for (const kind of kinds) {
    const cells = runs.map((r) => {
      const k = r.kinds.find((x) => x.kind === kind);
      if (!k) return '–';
      const w = k.wall;
      return `${w.n} · ${ms(w.p50)} / **${ms(w.p95)}** / ${ms(w.p99)} / ${ms(w.max)} ms · ${k.serverP95 === null ? '–' : ms(k.serverP95)} ms`;
    });
    lines.push(`| ${kind} | ${cells.join(' | ')} |`);
  }
  lines.push(
    `| login (before the day) | ${runs.map((r) => `${r.loginMs.n} · ${ms(r.loginMs.p50)} / ${ms(r.loginMs.p95)} / ${ms(r.loginMs.p99)} / ${ms(r.loginMs.max)} ms`).join(' | ')} |`,
    '',
  );
  for (const r of runs) {
    for (const e of r.expected) lines.push(`- ${r.database}, expected: ${e.key} × ${e.count}`);
    if (!r.errors.length) lines.push(`- ${r.database}: no errors`);
    for (const e of r.errors) lines.push(`- **${r.database}, error: ${e.key} × ${e.count}** — ${e.example}`);
    lines.push(
      `- ${r.database}, second of the run: RSS / heap used MiB (machine load): ${r.series
        .map((x) => `${x.second} s: ${mib(x.rss)} / ${mib(x.heapUsed)} (${x.loadavg.toFixed(1)})`)
        .join('; ')}`,
      `- ${r.database}, slowest requests (second of the run: wall / server ms): ${r.slowest
        .map((x) => `${x.atSecond} s ${x.request} ${ms(x.wallMs)} / ${ms(x.serverMs)}`)
        .join('; ')}`,
    );
  }
  lines.push('');
  return lines;
}
