import { okSchema } from '../../contracts/common';
import { notificationList } from '../../contracts/dashboard';
import type { AppContext } from '../context';
import { type App, actorOf } from '../lib/http';
import { listNotifications, markNotificationsRead } from './service';

export function notificationRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The user’s notifications, newest first',
        response: { 200: notificationList },
      },
    },
    async (request) => listNotifications(ctx, actorOf(request)),
  );
  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all notifications read',
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await markNotificationsRead(ctx, actorOf(request));
      return { ok: true as const };
    },
  );
}
