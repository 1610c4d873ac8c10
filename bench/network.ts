import { type Latency, prepareDataSet, summarise, timed } from './clients';
import { login, startLotse } from './lib';
import { BENCH_LEAD } from './seed';
import { seedNetwork } from './seed-network';

export interface NetworkResult {
  seedSeconds: number | null;
  suggestions: Latency;
  candidates: Latency;
  candidatesFound: number;
}

async function pagesOf(url: string, cookie: string, path: string, pages: number, step: number) {
  const ids: string[] = [];
  for (let i = 0; i < pages; i++) {
    const { body } = await timed(`${url}${path}&limit=20&offset=${i * step}`, cookie);
    ids.push(...(JSON.parse(body) as { items: { id: string }[] }).items.slice(0, 2).map((x) => x.id));
  }
  return ids;
}

/**
 * Suggestions of measures and offers for one case over 5,000 measures and 20,000 offers, and the
 * cases for one offer over the generated clients (a lead, who sees every case); server time from
 * Server-Timing, requests one after another after a warm-up pass over the same requests.
 */
export async function runNetwork(
  database: 'pglite' | 'postgres',
  count: number,
  pgAdminUrl: string,
): Promise<NetworkResult> {
  const set = await prepareDataSet(database, count, pgAdminUrl, {
    name: 'network',
    add: (t) => seedNetwork(t),
  });
  const app = await startLotse(set.runDir, set.databaseUrl);
  try {
    const { cookie } = await login(app.url, BENCH_LEAD.email, BENCH_LEAD.password);
    const cases = await pagesOf(app.url, cookie, '/api/clients?sort=-intake', 100, Math.floor(count / 120));
    const offers = await pagesOf(app.url, cookie, '/api/opportunities?status=open', 100, 150);
    const pass = async () => {
      const suggestions: number[] = [];
      const candidates: number[] = [];
      let found = 0;
      for (const id of cases)
        suggestions.push((await timed(`${app.url}/api/clients/${id}/suggestions`, cookie)).dur);
      for (const id of offers) {
        const r = await timed(`${app.url}/api/opportunities/${id}/candidates`, cookie);
        candidates.push(r.dur);
        found += (JSON.parse(r.body) as unknown[]).length;
      }
      return { suggestions, candidates, found };
    };
    await pass(); // warm-up
    const m = await pass();
    return {
      seedSeconds: set.extraSeconds,
      suggestions: summarise(m.suggestions),
      candidates: summarise(m.candidates),
      candidatesFound: Math.round((m.found / offers.length) * 10) / 10,
    };
  } finally {
    await app.stop();
    set.cleanup();
  }
}
