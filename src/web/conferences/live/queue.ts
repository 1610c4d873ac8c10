import { ApiError } from '../../lib/http';
import type { Answer, Change, NewChange } from './changes';

/**
 * The live screen's outbox: every change goes in here first and is shown at once as waiting, then
 * sent in order, one at a time. When the server cannot be reached the queue waits and tries again
 * (sooner when the browser says it is back online or the event stream reconnects); a change the
 * server refuses leaves the queue with its reason, and its text stays on screen to be typed again.
 *
 * Kept in sessionStorage, not localStorage: it holds notes on people's cases, which must not
 * outlive the tab (nor be left on a shared computer after the conference). It is keyed by user and
 * conference — another user logging in in this tab does not send them — and cleared at logout.
 */
export const STORAGE_PREFIX = 'lotse.live.';

/** Not sent, but may be later: no network, the server busy or restarting, the session to renew. */
const retryable = (e: unknown) =>
  !(e instanceof ApiError) ||
  e.code === 'network' ||
  e.status === 401 ||
  e.status === 408 ||
  e.status === 429 ||
  e.status >= 500;

export interface Refusal {
  change: Change;
  error: unknown;
}

export interface QueueHooks {
  send(change: Change): Promise<Answer>;
  sent(change: Change, answer: Answer): void;
  refused(refusal: Refusal): void;
  /** Anything shown changed: the waiting changes, or whether the server was reached. */
  changed(): void;
}

export class LiveQueue {
  private changes: Change[];
  private sending = false;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  /** Whether the last attempt reached the server. */
  reachable = true;

  constructor(
    private readonly key: string,
    private readonly hooks: QueueHooks,
  ) {
    this.changes = LiveQueue.read(key);
  }

  private static read(key: string): Change[] {
    try {
      const stored = JSON.parse(sessionStorage.getItem(key) ?? '[]') as unknown;
      return Array.isArray(stored) ? (stored as Change[]) : [];
    } catch {
      return [];
    }
  }

  private persist() {
    try {
      if (this.changes.length) sessionStorage.setItem(this.key, JSON.stringify(this.changes));
      else sessionStorage.removeItem(this.key);
    } catch {
      // Storage full or off: the changes are still in memory and go out as long as the tab is open.
    }
  }

  /** The changes not yet sent, oldest first. */
  get waiting(): readonly Change[] {
    return this.changes;
  }

  add(change: NewChange) {
    this.changes = [
      ...this.changes,
      { ...change, id: crypto.randomUUID(), at: new Date().toISOString() } as Change,
    ];
    this.persist();
    this.hooks.changed();
    void this.flush();
  }

  /** Sends what waits, in order; on a failure to reach the server, tries again later. */
  async flush(): Promise<void> {
    if (this.sending || this.stopped) return;
    clearTimeout(this.retry);
    this.sending = true;
    try {
      for (let next = this.changes[0]; next && !this.stopped; next = this.changes[0]) {
        let answer: Answer;
        try {
          answer = await this.hooks.send(next);
        } catch (error) {
          if (retryable(error)) {
            this.unreachable();
            return;
          }
          this.done(next);
          this.hooks.refused({ change: next, error });
          continue;
        }
        this.done(next);
        this.hooks.sent(next, answer);
      }
      this.failures = 0;
      if (!this.reachable) {
        this.reachable = true;
        this.hooks.changed();
      }
    } finally {
      this.sending = false;
    }
  }

  private done(change: Change) {
    this.changes = this.changes.filter((c) => c.id !== change.id);
    this.persist();
    this.reachable = true;
    this.hooks.changed();
  }

  /** Tries again after 1, 2, 4 … up to 30 seconds. */
  private unreachable() {
    this.reachable = false;
    this.failures += 1;
    this.hooks.changed();
    const wait = Math.min(30_000, 1000 * 2 ** Math.min(this.failures - 1, 5));
    this.retry = setTimeout(() => void this.flush(), wait);
  }

  /** Starts sending (again): when the page shows, and after React's test unmount in development. */
  start() {
    this.stopped = false;
    void this.flush();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retry);
  }
}
