/** Loading a conference for the files of this domain: the read check and the rules every change needs. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conferences } from '../db/schema';
import { assertCan, assertInOrganisation } from '../lib/access';
import type { Actor } from '../lib/actor';
import { AppError } from '../lib/errors';

export type ConferenceRow = typeof conferences.$inferSelect;

/** A conference of the caller's organisation, for reading: 404 when missing or foreign. */
export async function loadConference(db: Db, actor: Actor, id: string): Promise<ConferenceRow> {
  assertCan(actor, 'conferences.read');
  const [row] = await db.select().from(conferences).where(eq(conferences.id, id));
  assertInOrganisation(actor, row, 'conference');
  return row;
}

export const endOf = (c: Pick<ConferenceRow, 'startsAt' | 'durationMinutes'>) =>
  new Date(c.startsAt.getTime() + c.durationMinutes * 60_000);

/** Once held, a conference is history: its time and invitees no longer change. */
export function assertOpen(c: Pick<ConferenceRow, 'status'>) {
  if (!['planned', 'invited', 'agenda_fixed'].includes(c.status))
    throw new AppError(
      'conflict',
      `The conference is ${c.status.replace('_', ' ')}; it can no longer be changed`,
    );
}
