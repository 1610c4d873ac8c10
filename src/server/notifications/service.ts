import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Notification } from '../../contracts/dashboard';
import type { AppContext } from '../context';
import { notifications } from '../db/schema';
import type { Actor } from '../lib/actor';
import { presentNotification } from './present';

/** The user's own notices (written by lib/notifications), newest first; nobody reads another's. */
export async function listNotifications(ctx: AppContext, actor: Actor): Promise<Notification[]> {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
    .orderBy(sql`${notifications.createdAt} DESC`)
    .limit(50);
  return rows.map(presentNotification);
}

export async function markNotificationsRead(ctx: AppContext, actor: Actor) {
  await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
}
