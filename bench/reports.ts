// Funder reports at the size: 100,000 cases with their sessions, procedures, measures and
// outcomes (bench/seed-reports.ts). Every report of a calendar year as the screen asks for it (with
// the previous year beside it and the months), by no breakdown, by gender and by team, as the lead
// (the whole organisation) and one report as a counsellor (a fifth of the cases); then the XLSX of
// all reports of the year and one report's PDF.
import { reportIds } from '../src/contracts/reports';
import { type Latency, prepareDataSet, summarise, timed } from './clients';
import { login, startLotse } from './lib';
import { BENCH_LEAD } from './seed';
import { seedReports } from './seed-reports';

export interface ReportsResult {
  seedSeconds: number | null;
  perReport: { report: string; latency: Latency }[];
  counsellor: Latency;
  yearXlsxSeconds: number[];
  pdfSeconds: number[];
}

const year = `from=${new Date().getFullYear() - 1}-01-01&to=${new Date().getFullYear() - 1}-12-31`;

async function wall(url: string, cookie: string) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (!res.ok || bytes < 1000) throw new Error(`${res.status} ${url}`);
  return (performance.now() - t0) / 1000;
}

export async function runReports(
  database: 'pglite' | 'postgres',
  count: number,
  pgAdminUrl: string,
): Promise<ReportsResult> {
  const set = await prepareDataSet(database, count, pgAdminUrl, { name: 'reports', add: seedReports });
  const app = await startLotse(set.runDir, set.databaseUrl);
  try {
    const lead = await login(app.url, BENCH_LEAD.email, BENCH_LEAD.password);
    const perReport: ReportsResult['perReport'] = [];
    for (const report of reportIds) {
      const by = report === 'conferences' ? ['none'] : ['none', 'gender', 'team'];
      const samples: number[] = [];
      for (let round = 0; round < 6; round++)
        for (const b of by) {
          const r = await timed(`${app.url}/api/reports/run?report=${report}&${year}&by=${b}`, lead.cookie);
          if (round > 0) samples.push(r.dur);
        }
      perReport.push({ report, latency: summarise(samples) });
      console.error(`  ${report}: p95 ${summarise(samples).p95} ms`);
    }
    const counsellor = await login(app.url, 'bench-counsellor-1@example.org', BENCH_LEAD.password);
    const mine: number[] = [];
    for (let round = 0; round < 6; round++) {
      const r = await timed(
        `${app.url}/api/reports/run?report=esf_entry&${year}&by=gender`,
        counsellor.cookie,
      );
      if (round > 0) mine.push(r.dur);
    }
    const yearXlsxSeconds: number[] = [];
    const pdfSeconds: number[] = [];
    for (let round = 0; round < 4; round++) {
      const x = await wall(`${app.url}/api/reports/year.xlsx?${year}&lang=de`, lead.cookie);
      const p = await wall(
        `${app.url}/api/reports/run.pdf?report=iq_counselling&${year}&by=gender&lang=de`,
        lead.cookie,
      );
      if (round > 0) {
        yearXlsxSeconds.push(Math.round(x * 100) / 100);
        pdfSeconds.push(Math.round(p * 100) / 100);
      }
    }
    return {
      seedSeconds: set.extraSeconds,
      perReport,
      counsellor: summarise(mine),
      yearXlsxSeconds,
      pdfSeconds,
    };
  } finally {
    await app.stop();
    set.cleanup();
  }
}
