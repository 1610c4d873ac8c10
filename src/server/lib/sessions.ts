import type { AppContext } from '../context';
import { type Db, notify } from '../db/client';
import type { Actor } from './actor';

const CHANNEL = 'lotse_sessions';
/** A safety net: even a lost invalidation message is outlived by at most this long. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

export interface CachedSession {
  actor: Omit<Actor, 'ip'>;
  csrfToken: string;
  lastSeenAt: number;
  cachedAt: number;
}

export type SessionTarget = { sessionId: string } | { userId: string } | { organisationId: string };

/**
 * Sessions resolved from the database are kept in memory, so that an authenticated request
 * costs no query. Every change that affects a session (logout, deactivation, roles, password,
 * second factor, profile, organisation settings) invalidates it here and, through NOTIFY, in
 * every other app process at commit.
 */
class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  private enabled = false;

  constructor(subscribe: AppContext['subscribe']) {
    subscribe(CHANNEL, (payload) => this.apply(payload))
      .then(() => {
        this.enabled = true;
      })
      .catch(() => {
        // Without invalidation messages every request asks the database, as it must.
        this.enabled = false;
      });
  }

  get(tokenHash: string): CachedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (Date.now() - entry.cachedAt > TTL_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  set(tokenHash: string, entry: CachedSession) {
    if (!this.enabled) return;
    if (this.entries.size >= MAX_ENTRIES) {
      // A Map keeps insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, entry);
  }

  delete(tokenHash: string) {
    this.entries.delete(tokenHash);
  }

  apply(payload: string) {
    if (payload === '*') {
      this.entries.clear();
      return;
    }
    let target: Partial<Record<'sessionId' | 'userId' | 'organisationId', string>>;
    try {
      target = JSON.parse(payload);
    } catch {
      this.entries.clear();
      return;
    }
    for (const [key, e] of this.entries) {
      if (
        (target.sessionId && e.actor.sessionId === target.sessionId) ||
        (target.userId && e.actor.userId === target.userId) ||
        (target.organisationId && e.actor.organisationId === target.organisationId)
      ) {
        this.entries.delete(key);
      }
    }
  }
}

const caches = new WeakMap<AppContext, SessionCache>();

export function sessionCache(ctx: AppContext): SessionCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new SessionCache(ctx.subscribe);
    caches.set(ctx, cache);
  }
  return cache;
}

/** Call inside the transaction of the change: local entries go now, other processes' at commit. */
export async function invalidateSessions(ctx: AppContext, db: Db, target: SessionTarget) {
  const payload = JSON.stringify(target);
  sessionCache(ctx).apply(payload);
  await notify(db, CHANNEL, payload);
}
