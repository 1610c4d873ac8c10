// npm run bench [-- --suite foundation|clients|network|conferences|followup|reports|retention|all|load|weight] [--pg postgres://…]
// The load suite runs only when named (3 minutes per database): --clients, --duration, --warmup, --think.
// The weight suite (bytes of JS and CSS of the first pages, in headless Chromium) too; it needs no database server.
// Measures on PGlite and, when reachable, on PostgreSQL; prints Markdown for bench/RESULTS.md.
import os from 'node:os';
import { runClients } from './clients';
import { runConferences } from './conferences';
import { runFollowup } from './followup';
import { runFoundation } from './foundation';
import { arg, machine, postgresAvailable } from './lib';
import { type LoadRun, loadReport, runLoad } from './load';
import { runNetwork } from './network';
import { runReports } from './reports';
import { runRetentionBench } from './retention';
import { runWeight, weightReport } from './weight';

const suite = arg('suite', 'all');
const pgUrl = arg('pg', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const kinds: ('pglite' | 'postgres')[] = ['pglite'];
if (suite === 'weight') {
  // What the browser downloads does not depend on the database.
} else if (await postgresAvailable(pgUrl)) kinds.push('postgres');
else console.error(`PostgreSQL not reachable at ${pgUrl}; measuring PGlite only`);

const lines: string[] = [`Run ${new Date().toISOString()} on ${machine()}`, ''];

if (suite === 'foundation' || suite === 'all') {
  lines.push(
    '| database | start-up, new data | start-up, existing data | idle RSS | GET /api/health | GET /api/auth/me | bare Fastify route | me ÷ bare |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const kind of kinds) {
    const r = await runFoundation(kind, pgUrl);
    const fmt = (l: { rps: number; p50: number; p99: number; non2xx: number }) =>
      `${l.rps} req/s (p50 ${l.p50} ms, p99 ${l.p99} ms${l.non2xx ? `, ${l.non2xx} non-2xx` : ''})`;
    lines.push(
      `| ${kind} | ${(r.startupFreshMs / 1000).toFixed(2)} s | ${(r.startupExistingMs / 1000).toFixed(2)} s | ${r.idleRssMiB} MiB | ${fmt(r.health)} | ${fmt(r.me)} | ${fmt(r.bare)} | ${(r.me.rps / r.bare.rps).toFixed(2)} |`,
    );
    console.error(`foundation on ${kind} done`);
  }
  lines.push('');
}

if (suite === 'clients' || suite === 'all') {
  const count = Number(arg('clients', '100000'));
  lines.push(
    `Clients suite: ${count} generated clients; server time from the Server-Timing header, requests one after another after a warm-up pass.`,
    '',
    '| database | seed | search as you type (p50 / p95 / max) | case list page | case file | import 10,000 rows (upload / dry run / commit) |',
    '|---|---|---|---|---|---|',
  );
  for (const kind of kinds) {
    const r = await runClients(kind, count, pgUrl);
    const l = (x: { n: number; p50: number; p95: number; max: number }) =>
      `${x.p50} / **${x.p95}** / ${x.max} ms (n=${x.n})`;
    lines.push(
      `| ${kind} | ${r.seedSeconds === null ? 'kept' : `${r.seedSeconds.toFixed(0)} s`} | ${l(r.search)} | ${l(r.list)} | ${l(r.detail)} | **${r.importSeconds.total} s** (${r.importSeconds.upload} / ${r.importSeconds.check} / ${r.importSeconds.commit}) |`,
    );
    console.error(`clients on ${kind} done`);
  }
  lines.push('');
}

if (suite === 'network' || suite === 'all') {
  const count = Number(arg('clients', '100000'));
  lines.push(
    `Network suite: ${count} generated clients, 5,000 measures, 20,000 offers, 2,000 employers; server time from Server-Timing.`,
    '',
    '| database | seed of the network | suggestions for a case (p50 / p95 / max) | cases for an offer (p50 / p95 / max) | cases found per offer |',
    '|---|---|---|---|---|',
  );
  for (const kind of kinds) {
    const r = await runNetwork(kind, count, pgUrl);
    const l = (x: { n: number; p50: number; p95: number; max: number }) =>
      `${x.p50} / **${x.p95}** / ${x.max} ms (n=${x.n})`;
    lines.push(
      `| ${kind} | ${r.seedSeconds === null ? 'kept' : `${r.seedSeconds.toFixed(0)} s`} | ${l(r.suggestions)} | ${l(r.candidates)} | ${r.candidatesFound} |`,
    );
    console.error(`network on ${kind} done`);
  }
  lines.push('');
}

if (suite === 'conferences' || suite === 'all') {
  const count = Number(arg('clients', '100000'));
  lines.push(
    `Conferences suite: ${count} generated clients, 200 conferences with 15 invited institutions and 30 nominations each; server time from Server-Timing (the pack also by wall time).`,
    '',
    '| database | seed of the conferences | conference page (p50 / p95 / max) | nominations presented | optimiser through the API (p50 / p95 / max) | optimiser alone, 30 × 15 (median / max; sitting before → after) | pack of 20 cases per institution, wall (p50 / p95 / max) | load average (1 min) after |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const kind of kinds) {
    const r = await runConferences(kind, count, pgUrl);
    const l = (x: { n: number; p50: number; p95: number; max: number }) =>
      `${x.p50} / **${x.p95}** / ${x.max} ms (n=${x.n})`;
    const o = r.optimiser;
    const pack =
      'skipped' in r.pack
        ? `not measured: ${r.pack.skipped}`
        : `${l(r.pack.latency)}; server p95 ${r.pack.server.p95} ms; up to ${Math.round(r.pack.bytes / 1024)} kB`;
    lines.push(
      `| ${kind} | ${r.seedSeconds === null ? 'kept' : `${r.seedSeconds.toFixed(0)} s`} | ${l(r.page)} | ${r.presented} of 30 | ${l(r.optimiseRoute)} | ${o.median} / **${o.max}** ms; ${o.sittingBefore} → ${o.sittingAfter} min (mean of 20; contiguous ${o.contiguous} …) | ${pack} | ${os.loadavg()[0]?.toFixed(1)} |`,
    );
    console.error(`conferences on ${kind} done`);
  }
  lines.push('');
}

if (suite === 'followup' || suite === 'all') {
  const count = Number(arg('clients', '100000'));
  lines.push(
    `Follow-up suite: ${count} generated clients, 200 conferences in one series (100 held), 10,000 commitments, 18,000 live entries, a pathway followed by 500 cases. A live conference of 10 cases made through the API; 200 commitments saved one after another (after 20 to warm up), server time from Server-Timing and wall time at the client; 50 entries each timed from the POST until a second viewer's event stream has delivered the event and its refetch of the live state holds the entry (on PostgreSQL also with the viewer on a second app process, through LISTEN/NOTIFY); the list of open commitments of each invited institution (45 requests after a warm-up pass); the conference report of the whole series (10 years) and of single held conferences (10 each after one warm-up).`,
    '',
    '| database | seed | save a commitment, server (p50 / p95 / max) | save, wall | entry visible to a second viewer, same process | … on a second app process | commitments list by institution | report of the series | report of one conference |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const kind of kinds) {
    const r = await runFollowup(kind, count, pgUrl);
    const l = (x: { n: number; p50: number; p95: number; max: number }) =>
      `${Math.round(x.p50 * 10) / 10} / **${Math.round(x.p95 * 10) / 10}** / ${Math.round(x.max * 10) / 10} ms (n=${x.n})`;
    lines.push(
      `| ${kind} | ${r.seedSeconds === null ? 'kept' : `${r.seedSeconds.toFixed(0)} s`} | ${l(r.saveCommitment.server)} | ${l(r.saveCommitment.wall)} | ${l(r.visible.sameProcess)} | ${r.visible.otherProcess ? l(r.visible.otherProcess) : 'one process (PGlite)'} | ${l(r.listByInstitution)} | ${l(r.report.series)} | ${l(r.report.conference)} |`,
    );
    console.error(`followup on ${kind} done`);
  }
  lines.push('');
}

if (suite === 'reports' || suite === 'all') {
  const count = Number(arg('clients', '100000'));
  lines.push(
    `Reports suite: ${count} generated clients with 4 counselling sessions each, a recognition procedure for half, one or two measures for 60 %, closing and exit answers for the closed cases (bench/seed-reports.ts). Every report of last calendar year as the screen asks for it (with the previous year and the months), by no breakdown, gender and team, 5 rounds after a warm-up, as the lead (all cases); one report as a counsellor (a fifth of the cases); server time from Server-Timing. The XLSX of every report of the year and one report's PDF: wall time at the client, 3 after a warm-up. Load average ${os.loadavg()[0]?.toFixed(1)} at the start.`,
    '',
    '| database | seed | report (p50 / p95 / max) | as a counsellor: ESF entry by gender | XLSX of all reports for the year | PDF of the IQ report |',
    '|---|---|---|---|---|---|',
  );
  for (const kind of kinds) {
    const r = await runReports(kind, count, pgUrl);
    const l = (x: { n: number; p50: number; p95: number; max: number }) =>
      `${Math.round(x.p50)} / **${Math.round(x.p95)}** / ${Math.round(x.max)} ms (n=${x.n})`;
    const reports = r.perReport.map((x) => `${x.report}: ${l(x.latency)}`).join('<br>');
    lines.push(
      `| ${kind} | ${r.seedSeconds === null ? 'kept' : `${r.seedSeconds.toFixed(0)} s`} | ${reports} | ${l(r.counsellor)} | ${r.yearXlsxSeconds.join(' / ')} s | ${r.pdfSeconds.join(' / ')} s |`,
    );
    console.error(`reports on ${kind} done`);
  }
  lines.push('');
}

if (suite === 'retention' || suite === 'all') {
  const count = Number(arg('clients', '100000'));
  lines.push(
    `Retention suite: the reports suite's ${count} cases, 10,000 of them closed four years ago with their sessions (1,000 with a document file), the rest open or closed within the month; the deletion job in the bench's process (bench/retention.ts): a run that announces, then one a notice period later that anonymises. Beside it a probe reads a page of the case list every 20 ms; its slowest answer is the longest the job held a request up. Load average ${os.loadavg()[0]?.toFixed(1)} at the start.`,
    '',
    '| database | due | announce run | anonymise run | files removed | probe while it ran (p50 / p99 / max) | RSS |',
    '|---|---|---|---|---|---|---|',
  );
  for (const kind of kinds) {
    const r = await runRetentionBench(kind, count, pgUrl);
    lines.push(
      `| ${kind} | ${r.due} | ${r.announceSeconds.toFixed(1)} s | **${r.anonymiseSeconds.toFixed(1)} s** (${r.anonymised} cases) | ${r.filesRemoved} | ${r.probe.p50} / ${r.probe.p99} / **${r.probe.max} ms** (n=${r.probe.n}) | ${r.rssMiB} MiB |`,
    );
    console.error(`retention on ${kind} done`);
  }
  lines.push('');
}

if (suite === 'load') {
  const seconds = Number(arg('duration', '180'));
  const options = {
    clients: Number(arg('clients', '5000')),
    seconds,
    warmupSeconds: Number(arg('warmup', String(Math.min(30, Math.round(seconds / 4))))),
    thinkMs: Number(arg('think', '1000')),
  };
  const runs: LoadRun[] = [];
  for (const kind of kinds) {
    runs.push(await runLoad(kind, pgUrl, options));
    console.error(`load on ${kind} done`);
  }
  lines.push(...loadReport(runs));
  // Errors fail the run, so that a script or CI sees them, not only a reader of the table.
  if (runs.some((r) => r.errors.length)) process.exitCode = 1;
}

if (suite === 'weight') lines.push(...weightReport(await runWeight()));

console.log(lines.join('\n'));
