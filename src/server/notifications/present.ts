import type { Notification } from '../../contracts/dashboard';
import type { notifications } from '../db/schema';

/** A notice as its recipient sees it; read or not is all that is said of when it was read. */
export function presentNotification(n: typeof notifications.$inferSelect): Notification {
  return {
    id: n.id,
    kind: n.kind,
    clientId: n.clientId,
    message: n.message,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    read: Boolean(n.readAt),
  };
}
