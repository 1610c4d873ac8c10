import type { Db } from '../db/client';
import { notifications } from '../db/schema';

/**
 * A notice in a user's bell (a case handed over to them, and later a commitment due): written in
 * the transaction of the change it tells about, like mail to the outbox, by any domain.
 */
export async function notifyUser(
  tx: Db,
  notice: {
    organisationId: string;
    userId: string;
    kind: string;
    clientId: string | null;
    message: string;
    /** Where a click leads (a path of the web client); without one, to the case if there is one. */
    link?: string | null;
  },
) {
  await tx.insert(notifications).values(notice);
}
