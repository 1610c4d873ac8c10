/**
 * Live mode's changes, pushed to every browser that shows the conference (server-sent events).
 * Every change sends `NOTIFY conference_live` in its transaction; each app process LISTENs once
 * (from the first stream it opens) and tells its own open streams of that conference. A stream
 * carries only "this conference changed": the browser then asks for the live state, so each
 * viewer's own access check applies to what it sees.
 */
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { type Db, notify } from '../db/client';

const CHANNEL = 'conference_live';
/** A comment line now and then, so that proxies and the browser do not take a quiet stream for a dead one. */
const HEARTBEAT_MS = 15_000;
/**
 * A stream ends after this long and the browser opens a new one by itself (EventSource does):
 * the new request passes the session check again, so a stream does not outlive a logout for long.
 */
const STREAM_MS = 10 * 60_000;

/** Tells every browser showing the conference, in every app process, once the transaction commits. */
export function notifyLive(tx: Db, conferenceId: string) {
  return notify(tx, CHANNEL, JSON.stringify({ conferenceId }));
}

interface Stream {
  send(conferenceId: string): void;
  end(): void;
}

class LiveHub {
  private readonly streams = new Map<string, Set<Stream>>();
  private subscribing: Promise<void> | undefined;

  constructor(private readonly ctx: AppContext) {}

  /** One LISTEN per process, made when the first stream opens (most processes never need it). */
  ready(): Promise<void> {
    this.subscribing ??= this.ctx
      .subscribe(CHANNEL, (payload) => this.dispatch(payload))
      .catch((error: unknown) => {
        this.subscribing = undefined;
        throw error;
      });
    return this.subscribing;
  }

  private dispatch(payload: string) {
    let id: unknown;
    try {
      id = (JSON.parse(payload) as { conferenceId?: unknown }).conferenceId;
    } catch {
      id = undefined;
    }
    // '*' (or anything unreadable): the listener was lost and is back, so anything may have changed.
    const targets = typeof id === 'string' ? [this.streams.get(id)] : [...this.streams.values()];
    for (const set of targets) for (const stream of set ?? []) stream.send(typeof id === 'string' ? id : '*');
  }

  add(conferenceId: string, stream: Stream) {
    const set = this.streams.get(conferenceId) ?? new Set();
    set.add(stream);
    this.streams.set(conferenceId, set);
    return () => {
      set.delete(stream);
      if (set.size === 0 && this.streams.get(conferenceId) === set) this.streams.delete(conferenceId);
    };
  }

  /** Ends every open stream: the app is closing, and open streams would hold it up. */
  endAll() {
    for (const set of [...this.streams.values()]) for (const stream of [...set]) stream.end();
  }
}

const hubs = new WeakMap<AppContext, LiveHub>();
/** The hub of this app process (one per app context: a test may run two apps in one process). */
export function liveHub(ctx: AppContext): LiveHub {
  let hub = hubs.get(ctx);
  if (!hub) {
    hub = new LiveHub(ctx);
    hubs.set(ctx, hub);
  }
  return hub;
}

/**
 * Answers the request with an event stream of the conference's changes. The caller has checked
 * access. The reply is hijacked: Fastify's serializer and hooks after the handler do not apply to a
 * stream, so the headers the hooks already set (security, no-store) are copied over by hand.
 */
export async function openLiveStream(ctx: AppContext, reply: FastifyReply, conferenceId: string) {
  const hub = liveHub(ctx);
  await hub.ready();
  reply.hijack();
  const res = reply.raw;
  const set = Object.entries(reply.getHeaders()).filter(
    (h): h is [string, string | number | string[]] => h[1] !== undefined,
  );
  res.writeHead(200, {
    ...Object.fromEntries(set),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // Proxies (nginx) would otherwise hold events back in their buffer.
    'x-accel-buffering': 'no',
  });
  // How long the browser waits before it reconnects after a lost connection.
  res.write('retry: 2000\n: connected\n\n');
  let done = false;
  const stream: Stream = {
    send: (id) => {
      if (!done) res.write(`event: change\ndata: ${JSON.stringify({ conferenceId: id })}\n\n`);
    },
    end: () => {
      cleanup();
      res.end();
    },
  };
  const remove = hub.add(conferenceId, stream);
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const limit = setTimeout(stream.end, STREAM_MS);
  heartbeat.unref();
  limit.unref();
  function cleanup() {
    if (done) return;
    done = true;
    clearInterval(heartbeat);
    clearTimeout(limit);
    remove();
  }
  // The response's close, not the request's: a GET's request closes once it is read.
  res.on('close', cleanup);
  res.on('error', cleanup);
}
