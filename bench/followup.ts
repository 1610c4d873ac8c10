// Donor conferences, part 2, at the size: 100,000 clients, 200 conferences (a series, half
// of it held), 10,000 commitments. Saving a commitment in live mode, an entry reaching a second
// viewer (through server-sent events, and on PostgreSQL across two app processes), the commitments
// list filtered by institution, the conference report.
import { random } from '../src/server/demo/people';
import { type Latency, prepareDataSet, summarise, timed } from './clients';
import { login, type Started, startLotse } from './lib';
import { BENCH_LEAD } from './seed';
import { seedConferences } from './seed-conferences';
import { seedFollowup } from './seed-followup';

export interface FollowupResult {
  seedSeconds: number | null;
  saveCommitment: { server: Latency; wall: Latency };
  /** From the POST of an entry to the second viewer holding the new live state. */
  visible: { sameProcess: Latency; otherProcess: Latency | null };
  listByInstitution: Latency;
  report: { series: Latency; conference: Latency };
}

type Session = { cookie: string; csrfToken: string };
const json = (s: Session) => ({
  cookie: s.cookie,
  'x-csrf-token': s.csrfToken,
  'content-type': 'application/json',
});

async function call<T>(url: string, s: Session, method: string, body?: unknown) {
  const t0 = performance.now();
  const res = await fetch(url, {
    method,
    headers: json(s),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  const dur = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
  return { body: JSON.parse(text) as T, dur, wall: performance.now() - t0 };
}

/**
 * A conference that begins in two minutes, with 10 nominated cases (what fits in 120 minutes) and 15 invited institutions,
 * its agenda fixed: live mode is open on it (the bench's own conferences are held or weeks ahead).
 */
async function liveConference(url: string, s: Session) {
  type Page = { id: string; version: number; invitations: { institution: { id: string } }[] };
  const series = await call<{ items: { id: string; sector: { id: string } }[] }>(
    `${url}/api/conferences?when=all&limit=1`,
    s,
    'GET',
  );
  const any = await call<Page & { sector: { id: string } }>(
    `${url}/api/conferences/${series.body.items[0]?.id}`,
    s,
    'GET',
  );
  const at = new Date(Date.now() + 2 * 60_000);
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(at);
  const [date, time] = local.split(' ');
  let c = (
    await call<Page>(`${url}/api/conferences`, s, 'POST', {
      title: 'Bench-Live',
      sectorId: any.body.sector.id,
      date,
      startTime: time,
    })
  ).body;
  const institutions = [...new Set(any.body.invitations.map((i) => i.institution.id))];
  for (const institutionId of institutions)
    await call(`${url}/api/conferences/${c.id}/invitations`, s, 'POST', { institutionId });
  const clients = await call<{ items: { id: string }[] }>(
    `${url}/api/clients?limit=10&offset=50000`,
    s,
    'GET',
  );
  for (const client of clients.body.items)
    await call(`${url}/api/conferences/${c.id}/nominations`, s, 'POST', {
      clientId: client.id,
      question: 'Welche Finanzierung?',
      institutionIds: institutions.slice(0, 3),
    });
  c = (await call<Page>(`${url}/api/conferences/${c.id}`, s, 'GET')).body;
  c = (await call<Page>(`${url}/api/conferences/${c.id}/invitations/send`, s, 'POST', { version: c.version }))
    .body;
  c = (await call<Page>(`${url}/api/conferences/${c.id}/agenda/fix`, s, 'POST', { version: c.version })).body;
  const live = await call<{ items: { key: string; kind: 'commitments' | 'case' }[] }>(
    `${url}/api/conferences/${c.id}/live`,
    s,
    'GET',
  );
  return {
    id: c.id,
    institutions,
    nominations: live.body.items.flatMap((i) => (i.kind === 'case' ? [i.key] : [])),
  };
}

/** Resolves with the time each server-sent event arrives, until `stop`. */
function listen(url: string, s: Session) {
  const controller = new AbortController();
  const arrivals: ((at: number) => void)[] = [];
  const ready = (async () => {
    const res = await fetch(url, {
      headers: { cookie: s.cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
    const reader = res.body.getReader();
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^data:/m.test(block)) arrivals.shift()?.(performance.now());
          end = buffer.indexOf('\n\n');
        }
      }
    })();
  })();
  return {
    ready,
    next: () => new Promise<number>((resolve) => arrivals.push(resolve)),
    stop: () => controller.abort(),
  };
}

/** Entries posted on `writer`, each timed until `reader`'s viewer has refetched the live state holding it. */
async function visibility(
  writer: string,
  reader: string,
  s: Session,
  live: { id: string; nominations: string[] },
) {
  const events = listen(`${reader}/api/conferences/${live.id}/live/events`, s);
  await events.ready;
  const times: number[] = [];
  try {
    for (let i = 0; i < 60; i++) {
      const arrived = events.next();
      const t0 = performance.now();
      const text = `Bench-Notiz ${i} ${Math.random()}`;
      await call(`${writer}/api/conferences/${live.id}/live/entries`, s, 'POST', {
        item: live.nominations[i % live.nominations.length],
        kind: 'note',
        text,
      });
      await arrived;
      const state = await fetch(`${reader}/api/conferences/${live.id}/live`, {
        headers: { cookie: s.cookie },
      });
      if (!(await state.text()).includes(text)) throw new Error('the second viewer does not see the entry');
      if (i >= 10) times.push(performance.now() - t0);
    }
  } finally {
    events.stop();
  }
  return summarise(times);
}

export async function runFollowup(
  database: 'pglite' | 'postgres',
  count: number,
  pgAdminUrl: string,
): Promise<FollowupResult> {
  (
    await prepareDataSet(database, count, pgAdminUrl, { name: 'conferences', add: seedConferences })
  ).cleanup();
  const set = await prepareDataSet(database, count, pgAdminUrl, { name: 'followup', add: seedFollowup });
  const app = await startLotse(set.runDir, set.databaseUrl);
  let second: Started | undefined;
  try {
    const s = await login(app.url, BENCH_LEAD.email, BENCH_LEAD.password);
    const live = await liveConference(app.url, s);
    const rng = random(7);
    const saves = { server: [] as number[], wall: [] as number[] };
    for (let i = 0; i < 220; i++) {
      const r = await call(`${app.url}/api/conferences/${live.id}/live/commitments`, s, 'POST', {
        nominationId: rng.pick(live.nominations),
        institutionId: rng.pick(live.institutions),
        responsibleName: 'Frau Roth',
        action: `Bench-Zusage ${i}`,
        dueDate: new Date(Date.now() + rng.int(7, 90) * 86_400_000).toISOString().slice(0, 10),
      });
      if (i >= 20) {
        saves.server.push(r.dur);
        saves.wall.push(r.wall);
      }
    }
    const sameProcess = await visibility(app.url, app.url, s, live);
    let otherProcess: Latency | null = null;
    if (set.databaseUrl) {
      second = await startLotse(`${set.runDir}-second`, set.databaseUrl);
      otherProcess = await visibility(app.url, second.url, s, live);
    }
    const conferences = await call<{ items: { id: string; invitations?: unknown }[] }>(
      `${app.url}/api/conferences?when=past&limit=100`,
      s,
      'GET',
    );
    const one = await call<{ invitations: { institution: { id: string } }[]; seriesId: string }>(
      `${app.url}/api/conferences/${conferences.body.items[0]?.id}`,
      s,
      'GET',
    );
    const institutions = [...new Set(one.body.invitations.map((i) => i.institution.id))];
    const list: number[] = [];
    for (let round = 0; round < 2; round++)
      for (const institutionId of [...institutions, ...institutions, ...institutions]) {
        const r = await timed(
          `${app.url}/api/commitments?institutionId=${institutionId}&status=open&limit=50`,
          s.cookie,
        );
        if (round === 1) list.push(r.dur);
      }
    const seriesReport: number[] = [];
    const conferenceReport: number[] = [];
    const from = new Date(Date.now() - 5 * 365 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 5 * 365 * 86_400_000).toISOString().slice(0, 10);
    for (let round = 0; round < 11; round++) {
      const a = await timed(
        `${app.url}/api/conference-report?seriesId=${one.body.seriesId}&from=${from}&to=${to}`,
        s.cookie,
      );
      const b = await timed(
        `${app.url}/api/conference-report?conferenceId=${conferences.body.items[round % 20]?.id}`,
        s.cookie,
      );
      if (round > 0) {
        seriesReport.push(a.dur);
        conferenceReport.push(b.dur);
      }
    }
    return {
      seedSeconds: set.extraSeconds,
      saveCommitment: { server: summarise(saves.server), wall: summarise(saves.wall) },
      visible: { sameProcess, otherProcess },
      listByInstitution: summarise(list),
      report: { series: summarise(seriesReport), conference: summarise(conferenceReport) },
    };
  } finally {
    await second?.stop();
    await app.stop();
    set.cleanup();
  }
}
