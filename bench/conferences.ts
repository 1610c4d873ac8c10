import { proposeOrder } from '../src/server/conferences/optimiser';
import { random } from '../src/server/demo/people';
import { type Latency, prepareDataSet, summarise, timed } from './clients';
import { login, startLotse } from './lib';
import { BENCH_LEAD } from './seed';
import { CONFERENCE_SIZE, PACK_CONFERENCES, seedConferences } from './seed-conferences';

export interface ConferencesResult {
  seedSeconds: number | null;
  page: Latency;
  /** Nominations the page presented, of the 30 stored (0 while nominations.ts is a stub). */
  presented: number;
  optimiseRoute: Latency;
  optimiser: { median: number; max: number; sittingBefore: number; sittingAfter: number; contiguous: string };
  /** Wall time of one institution's pack, or why it was not measured. */
  pack: { latency: Latency; server: Latency; bytes: number } | { skipped: string };
}

type Item = { id: string; nominations: number };

/** The bench's conferences, through the list (the PGlite database belongs to the server while it runs). */
async function conferencesOf(url: string, cookie: string): Promise<Item[]> {
  const items: (Item & { title: string })[] = [];
  for (let offset = 0; ; offset += 100) {
    const { body } = await timed(`${url}/api/conferences?when=all&limit=100&offset=${offset}`, cookie);
    const page = JSON.parse(body) as { items: (Item & { title: string })[]; total: number };
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  // Earliest first: the pack conferences (seeded first) lead.
  return items.filter((c) => c.title.startsWith('Bench-Konferenz'));
}

/** The optimiser alone on 20 instances of the size: 30 cases needing 1–4 of 15 institutions. */
function optimiserAlone(): ConferencesResult['optimiser'] {
  const times: number[] = [];
  let before = 0;
  let after = 0;
  const contiguous: string[] = [];
  for (let seed = 1; seed <= 20; seed++) {
    const rng = random(seed);
    const cases = Array.from({ length: 30 }, (_, p) => ({
      id: `c${p}`,
      minutes: rng.int(5, 20),
      institutionIds: Array.from({ length: rng.int(1, 4) }, () => `i${rng.int(1, 15)}`),
    }));
    const t0 = performance.now();
    const p = proposeOrder(cases);
    times.push(performance.now() - t0);
    before += p.before.sittingMinutes;
    after += p.after.sittingMinutes;
    contiguous.push(`${p.before.contiguousInstitutions}→${p.after.contiguousInstitutions}/${p.institutions}`);
  }
  const s = summarise(times);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    median: r(s.p50),
    max: r(s.max),
    sittingBefore: Math.round(before / 20),
    sittingAfter: Math.round(after / 20),
    contiguous: contiguous.slice(0, 5).join(', '),
  };
}

/**
 * The conference page (30 nominations, 15 institutions) of all 200 conferences, the optimiser
 * through the API and alone, and — once the route exists — each institution's pack of 20 cases.
 * Server time from Server-Timing (the pack also by wall time), requests one after another after a
 * warm-up pass over the same requests.
 */
export async function runConferences(
  database: 'pglite' | 'postgres',
  count: number,
  pgAdminUrl: string,
): Promise<ConferencesResult> {
  const set = await prepareDataSet(database, count, pgAdminUrl, {
    name: 'conferences',
    add: (t) => seedConferences(t),
  });
  const app = await startLotse(set.runDir, set.databaseUrl);
  try {
    const { cookie, csrfToken } = await login(app.url, BENCH_LEAD.email, BENCH_LEAD.password);
    const post = {
      method: 'POST',
      headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: '{}',
    };
    const all = await conferencesOf(app.url, cookie);
    if (all.length !== CONFERENCE_SIZE.conferences)
      throw new Error(`expected 200 bench conferences, found ${all.length}`);
    const pass = async () => {
      const page: number[] = [];
      const optimise: number[] = [];
      let presented = 0;
      for (const c of all) {
        const r = await timed(`${app.url}/api/conferences/${c.id}`, cookie);
        page.push(r.dur);
        presented = Math.max(
          presented,
          (JSON.parse(r.body) as { nominations: unknown[] }).nominations.length,
        );
      }
      for (const c of all.slice(PACK_CONFERENCES))
        optimise.push((await timed(`${app.url}/api/conferences/${c.id}/agenda/optimise`, cookie, post)).dur);
      return { page, optimise, presented };
    };
    await pass(); // warm-up
    const m = await pass();
    return {
      seedSeconds: set.extraSeconds,
      page: summarise(m.page),
      presented: m.presented,
      optimiseRoute: summarise(m.optimise),
      optimiser: optimiserAlone(),
      pack: await packs(app.url, cookie, all.slice(0, 3)),
    };
  } finally {
    await app.stop();
    set.cleanup();
  }
}

/** Every invited institution's pack of three pack conferences (20 cases each; the first warms up); skipped while the route is missing. */
async function packs(url: string, cookie: string, conferences: Item[]): Promise<ConferencesResult['pack']> {
  const wall: number[] = [];
  const server: number[] = [];
  let bytes = 0;
  for (const [round, c] of conferences.entries()) {
    const { body } = await timed(`${url}/api/conferences/${c.id}`, cookie);
    const institutions = [
      ...new Set(
        (JSON.parse(body) as { invitations: { institution: { id: string } }[] }).invitations.map(
          (i) => i.institution.id,
        ),
      ),
    ];
    for (const institutionId of institutions) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/conferences/${c.id}/packs/${institutionId}`, {
        headers: { cookie },
      });
      const pdf = await res.arrayBuffer();
      if (res.status === 404 || res.status === 405) {
        const skipped = `GET /api/conferences/:id/packs/:institutionId answered ${res.status}: not built yet`;
        console.error(`conferences: pack not measured (${skipped})`);
        return { skipped };
      }
      if (!res.ok) throw new Error(`pack ${res.status}: ${Buffer.from(pdf).toString().slice(0, 200)}`);
      // The first conference warms up (fonts, templates); the others are measured.
      if (round === 0) continue;
      wall.push(Math.round((performance.now() - t0) * 10) / 10);
      server.push(Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN));
      bytes = Math.max(bytes, pdf.byteLength);
    }
  }
  return { latency: summarise(wall), server: summarise(server), bytes };
}
