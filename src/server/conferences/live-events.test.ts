import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedConference } from '../testing/conferences';
import { ok, staff } from '../testing/factories';
import { type Session, startSecondApp, startTestApp, type TestApp } from '../testing/harness';

/**
 * Live mode's push: a browser holds an event stream open (over a real socket, as EventSource does)
 * and hears of every change to its conference within a second, whichever app process made it.
 */
let t: TestApp;
let lead: Session;
let aylin: Session;
let conferenceId: string;
let firstCase: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin } = await staff(t, ['lead', 'aylin']));
  const p = await preparedConference(t, lead, aylin, { cases: 1 });
  conferenceId = p.conference.id;
  firstCase = p.cases[0]?.nominationId ?? '';
});
afterAll(() => t.close());

/** The app's address on a real socket, listening from the first call on. */
const originOf = (app: TestApp) =>
  app.app.server.listening ? app.app.listeningOrigin : app.app.listen({ port: 0, host: '127.0.0.1' });

/** An event stream as the browser opens it: what arrives, as text, and whether an event came. */
async function openStream(app: TestApp, session: Session, id = conferenceId) {
  const address = await originOf(app);
  const abort = new AbortController();
  const res = await fetch(`${address}/api/conferences/${id}/live/events`, {
    headers: { cookie: session.cookie },
    signal: abort.signal,
  });
  const reader = res.body?.getReader();
  let text = '';
  const decoder = new TextDecoder();
  /** Waits for the next `change` event, up to `ms`; answers its data and how long it took. */
  async function nextChange(ms = 1000) {
    const started = Date.now();
    const deadline = started + ms;
    while (Date.now() < deadline) {
      const at = text.indexOf('event: change');
      if (at >= 0) {
        const block = text.slice(at, text.indexOf('\n\n', at));
        text = text.slice(at + block.length);
        return { data: JSON.parse(block.split('data: ')[1] ?? '{}'), ms: Date.now() - started };
      }
      const chunk = await Promise.race([
        reader?.read(),
        new Promise<undefined>((r) => setTimeout(r, deadline - Date.now())),
      ]);
      if (chunk?.value) text += decoder.decode(chunk.value, { stream: true });
      if (chunk?.done) break;
    }
    throw new Error(`no change event within ${ms} ms; the stream said: ${text}`);
  }
  return { res, nextChange, close: () => abort.abort(), seen: () => text };
}

const note = (text: string) => ({ id: randomUUID(), item: firstCase, kind: 'note', text });

describe('the live event stream', () => {
  it('tells an open stream within a second of a change, and only of its own conference', async () => {
    const stream = await openStream(t, lead);
    try {
      expect(stream.res.status).toBe(200);
      expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
      expect(stream.res.headers.get('cache-control')).toBe('no-store');
      expect(stream.res.headers.get('x-content-type-options')).toBe('nosniff');
      ok(await lead.post(`/api/conferences/${conferenceId}/live/entries`, note('Antrag gestellt')));
      const event = await stream.nextChange(1000);
      expect(event.data).toEqual({ conferenceId });
      console.log(`live event after a POST, one process: ${event.ms} ms`);
      ok(await lead.post(`/api/conferences/${conferenceId}/live/item`, { item: firstCase }));
      expect((await stream.nextChange(1000)).data).toEqual({ conferenceId });
      // Another conference's change is not this stream's business.
      const other = await preparedConference(t, lead, aylin, { cases: 1 });
      ok(
        await lead.post(`/api/conferences/${other.conference.id}/live/entries`, {
          ...note('x'),
          item: 'commitments',
        }),
      );
      await expect(stream.nextChange(300)).rejects.toThrow('no change event');
    } finally {
      stream.close();
    }
  });

  it('refuses a stream to those who may not run live mode, with a JSON error', async () => {
    const address = await originOf(t);
    const res = await fetch(`${address}/api/conferences/${conferenceId}/live/events`, {
      headers: { cookie: aylin.cookie },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await fetch(`${address}/api/conferences/${conferenceId}/live/events`)).status).toBe(401);
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'tells a stream held by another app process (LISTEN/NOTIFY on PostgreSQL)',
    async () => {
      const second = await startSecondApp(t);
      const stream = await openStream(second, lead);
      try {
        ok(await lead.post(`/api/conferences/${conferenceId}/live/entries`, note('aus Prozess eins')));
        const event = await stream.nextChange(1000);
        expect(event.data).toEqual({ conferenceId });
        console.log(`live event after a POST, across two processes: ${event.ms} ms`);
      } finally {
        // Closed with the stream still open: the app ends it rather than wait for the browser.
        await second.close();
        stream.close();
      }
    },
  );
});
