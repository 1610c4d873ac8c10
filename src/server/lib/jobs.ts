import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queryRows } from '../db/client';
import { jobs } from '../db/schema';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface RecurringJob {
  kind: string;
  everyMs: number;
}

// A type, not an interface: raw rows are Records (db/client queryRows), which interfaces are not.
type ClaimedJob = {
  id: string;
  kind: string;
  key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
};

const MAX_ATTEMPTS = 10;

/**
 * One runner per process, polling the jobs table. Claiming is a single UPDATE … FOR UPDATE SKIP
 * LOCKED, so several app processes never run the same job; handlers run outside transactions.
 */
export function startJobRunner(
  db: Db,
  handlers: Record<string, JobHandler>,
  recurring: RecurringJob[],
  options: { intervalMs?: number; onError?: (kind: string, error: unknown) => void } = {},
): { stop(): Promise<void>; tick(): Promise<number> } {
  const intervalMs = options.intervalMs ?? 2000;
  let stopped = false;
  let running: Promise<number> | undefined;

  const ensureRecurring = async () => {
    for (const job of recurring) {
      await db
        .insert(jobs)
        .values({ kind: job.kind, key: `recurring:${job.kind}` })
        .onConflictDoNothing();
    }
  };
  const recurringByKind = new Map(recurring.map((r) => [r.kind, r]));

  const tick = async (): Promise<number> => {
    const claimed = await queryRows<ClaimedJob>(
      db,
      sql`UPDATE jobs SET locked_until = now() + interval '5 minutes', attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM jobs
            WHERE done_at IS NULL AND run_at <= now() AND (locked_until IS NULL OR locked_until < now())
            ORDER BY run_at LIMIT 10 FOR UPDATE SKIP LOCKED)
          RETURNING id, kind, key, payload, attempts`,
    );
    for (const job of claimed) {
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job.payload);
        const every = recurringByKind.get(job.kind)?.everyMs;
        await db
          .update(jobs)
          .set(
            every
              ? { runAt: new Date(Date.now() + every), lockedUntil: null, attempts: 0, lastError: null }
              : { doneAt: new Date(), lockedUntil: null },
          )
          .where(eq(jobs.id, job.id));
      } catch (error) {
        options.onError?.(job.kind, error);
        const dead = !job.key && job.attempts >= MAX_ATTEMPTS;
        const backoffMs = Math.min(60 * 60_000, 2 ** job.attempts * 15_000);
        await db
          .update(jobs)
          .set({
            lockedUntil: null,
            lastError: String((error as Error)?.message ?? error).slice(0, 500),
            runAt: new Date(Date.now() + backoffMs),
            ...(dead ? { doneAt: new Date() } : {}),
          })
          .where(and(eq(jobs.id, job.id)));
      }
    }
    return claimed.length;
  };

  const loop = async () => {
    await ensureRecurring().catch((e) => options.onError?.('recurring', e));
    while (!stopped) {
      running = tick().catch((e) => {
        options.onError?.('tick', e);
        return 0;
      });
      await running;
      if (stopped) break;
      await new Promise((r) => setTimeout(r, intervalMs).unref());
    }
  };
  void loop();

  return {
    tick,
    async stop() {
      stopped = true;
      await running;
    },
  };
}
