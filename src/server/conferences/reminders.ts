/**
 * Reminders 7 days and 1 day before a conference, to every invitee who has not declined, once
 * each. A recurring job runs `sendDueReminders`; it takes `now`, so that a test can stand on the
 * day before without waiting for it.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { conferenceInvitations, conferences } from '../db/schema';
import { mailInvitees, recipientsOf } from './invitations';

const DAY = 86_400_000;

const steps = [
  { days: 7, column: conferenceInvitations.reminded7At, field: 'reminded7At' },
  { days: 1, column: conferenceInvitations.reminded1At, field: 'reminded1At' },
] as const;

/**
 * The reminders due at `now`, one transaction per conference. A reminder is due from its day on
 * until the next one is (the 7-day one no later than a day before), and only for invitations
 * mailed before its day: who was invited or sent an update three days before the conference
 * needs no "in a week" reminder. Each invitation is claimed by setting its column in the same
 * statement that finds it, so two runs never mail it twice. Answers how many were mailed.
 */
export async function sendDueReminders(ctx: AppContext, now = new Date()): Promise<number> {
  let mailed = 0;
  for (const [index, step] of steps.entries()) {
    const from = new Date(now.getTime() + step.days * DAY);
    const next = steps[index + 1];
    const until = next ? new Date(now.getTime() + next.days * DAY) : now;
    const due = await ctx.db
      .selectDistinct({ id: conferences.id })
      .from(conferences)
      .innerJoin(conferenceInvitations, eq(conferenceInvitations.conferenceId, conferences.id))
      .where(
        and(
          inArray(conferences.status, ['invited', 'agenda_fixed']),
          sql`${conferences.startsAt} <= ${from.toISOString()}::timestamptz`,
          sql`${conferences.startsAt} > ${until.toISOString()}::timestamptz`,
          isNull(step.column),
          sql`${conferenceInvitations.sentAt} < ${conferences.startsAt} - make_interval(days => ${step.days})`,
          sql`${conferenceInvitations.answer} <> 'declined'`,
        ),
      );
    for (const { id } of due) mailed += await remind(ctx, id, step, now);
  }
  return mailed;
}

async function remind(ctx: AppContext, conferenceId: string, step: (typeof steps)[number], now: Date) {
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(conferences).where(eq(conferences.id, conferenceId));
    if (!c || !['invited', 'agenda_fixed'].includes(c.status)) return 0;
    const claimed = await tx
      .update(conferenceInvitations)
      .set({ [step.field]: now })
      .where(
        and(
          eq(conferenceInvitations.conferenceId, c.id),
          isNull(step.column),
          sql`${conferenceInvitations.sentAt} < ${c.startsAt.toISOString()}::timestamptz - make_interval(days => ${step.days})`,
          sql`${conferenceInvitations.answer} <> 'declined'`,
        ),
      )
      .returning({ id: conferenceInvitations.id });
    if (claimed.length === 0) return 0;
    const ids = claimed.map((r) => r.id);
    const recipients = await recipientsOf(tx, c.id, inArray(conferenceInvitations.id, ids));
    return (await mailInvitees(tx, ctx, c, recipients, () => 'reminder', now)).length;
  });
}
