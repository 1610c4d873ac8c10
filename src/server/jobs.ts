import { lt, sql } from 'drizzle-orm';
import { sendCommitmentReminders } from './commitments/service';
import { sendDueReminders } from './conferences/service';
import type { AppContext } from './context';
import { loginAttempts, sessions, userTokens } from './db/schema';
import type { JobHandler, RecurringJob } from './lib/jobs';
import { deliverOutboxMessage } from './lib/mail';
import { runRetention } from './privacy/deletion';

/** Every kind of background job, in one table of contents. */
export function jobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    'mail.deliver': (payload) => deliverOutboxMessage(ctx.db, ctx.config, String(payload.outboxId)),
    'conferences.reminders': async () => {
      await sendDueReminders(ctx);
    },
    'commitments.reminders': async () => {
      await sendCommitmentReminders(ctx);
    },
    'privacy.retention': async () => {
      await runRetention(ctx);
    },
    housekeeping: async () => {
      const idle = new Date(Date.now() - ctx.config.sessionIdleMinutes * 60_000);
      await ctx.db.delete(sessions).where(lt(sessions.lastSeenAt, idle));
      await ctx.db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(Date.now() - 86_400_000)));
      await ctx.db.delete(userTokens).where(sql`${userTokens.expiresAt} < now() - interval '30 days'`);
    },
  };
}

export const recurringJobs: RecurringJob[] = [
  { kind: 'housekeeping', everyMs: 15 * 60_000 },
  // A reminder goes out within a quarter of an hour of becoming due (conferences/reminders.ts).
  { kind: 'conferences.reminders', everyMs: 15 * 60_000 },
  // Commitments are due by the day: an hourly run mails on the morning of the day (commitments/reminders.ts).
  { kind: 'commitments.reminders', everyMs: 60 * 60_000 },
  // Retention counts in days: once a day announces what ran out and deletes what was announced (privacy/deletion.ts).
  { kind: 'privacy.retention', everyMs: 24 * 60 * 60_000 },
];
