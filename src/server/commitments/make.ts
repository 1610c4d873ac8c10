/**
 * A commitment made at the table: created and changed in live mode. The caller (the conference's
 * live mode) has checked who may write and that the conference takes entries, and holds the
 * transaction; here are the rules of the commitment itself. Kept lean: saving one is on the path
 * a moderator waits for (one query for every reference, one insert, one audit entry).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { commitmentBody } from '../../contracts/commitments';
import type { Db } from '../db/client';
import { commitments } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, invalidField } from '../lib/errors';
import { loadForChange, writeChange } from '../lib/versioned';
import { wallClock } from '../lib/zoned-time';

/** The conference a commitment is made at, as far as these rules need it. */
export interface TableConference {
  id: string;
  startsAt: Date;
  timeZone: string;
}

/** The body as validated (empty references and names already null). */
type Fields = Omit<z.output<typeof commitmentBody>, 'id'>;

/**
 * The references of a commitment in one query: the nomination is of this conference (its case is
 * the commitment's), the institution of the organisation, the contact person of the institution;
 * each else a 400 on its field. A due date before the conference's day is a slip of the keyboard.
 */
async function checked(db: Db, actor: Actor, c: TableConference, body: Fields) {
  const result = await db.execute<{ client_id: string | null; institution: boolean; contact: boolean }>(sql`
    SELECT
      (SELECT client_id FROM conference_nominations
        WHERE id = ${body.nominationId}::uuid AND conference_id = ${c.id}::uuid) AS client_id,
      EXISTS (SELECT 1 FROM institutions
        WHERE id = ${body.institutionId}::uuid AND organisation_id = ${actor.organisationId}::uuid) AS institution,
      EXISTS (SELECT 1 FROM institution_contacts
        WHERE id = ${body.contactId}::uuid AND institution_id = ${body.institutionId}::uuid) AS contact`);
  const row = result.rows[0];
  if (body.nominationId && !row?.client_id)
    throw invalidField('nominationId', 'not a case of this conference');
  if (!row?.institution) throw invalidField('institutionId', 'not an institution of the organisation');
  if (body.contactId && !row.contact)
    throw invalidField('contactId', 'not a contact person of this institution');
  if (body.dueDate < wallClock(c.startsAt, c.timeZone).date)
    throw invalidField('dueDate', 'the due date lies before the conference');
  return { clientId: row.client_id ?? null };
}

const same = (row: typeof commitments.$inferSelect, body: Fields) =>
  row.nominationId === body.nominationId &&
  row.institutionId === body.institutionId &&
  row.contactId === body.contactId &&
  row.responsibleName === body.responsibleName &&
  row.action === body.action &&
  String(row.dueDate) === body.dueDate;

/**
 * Creates a commitment; returns its id. Sent again with the same id (a resend from the browser's
 * queue after a lost answer) and the same content, it is the stored one, not a second; the same id
 * with other content is refused (409), as it cannot be told which was meant.
 */
export async function makeCommitment(
  db: Db,
  actor: Actor,
  c: TableConference,
  body: Fields & { id?: string | undefined },
): Promise<string> {
  const { clientId } = await checked(db, actor, c, body);
  const [saved] = await db
    .insert(commitments)
    .values({
      ...(body.id ? { id: body.id } : {}),
      organisationId: actor.organisationId,
      conferenceId: c.id,
      nominationId: body.nominationId,
      clientId,
      institutionId: body.institutionId,
      contactId: body.contactId,
      responsibleName: body.responsibleName,
      action: body.action,
      dueDate: body.dueDate,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .onConflictDoNothing({ target: commitments.id })
    .returning({ id: commitments.id });
  if (!saved) {
    const [stored] = await db
      .select()
      .from(commitments)
      .where(and(eq(commitments.id, body.id ?? ''), eq(commitments.organisationId, actor.organisationId)));
    if (stored && stored.conferenceId === c.id && same(stored, body)) return stored.id;
    throw new AppError('conflict', 'A different commitment was already saved under this id');
  }
  await audit(db, actor, {
    action: 'commitment.created',
    entityType: 'commitment',
    entityId: saved.id,
    subjectClientId: clientId,
    details: { conferenceId: c.id, institutionId: body.institutionId, dueDate: body.dueDate },
  });
  return saved.id;
}

/** Changes a commitment made at this conference, at the version it was read at (409 when stale). */
export async function changeCommitment(
  db: Db,
  actor: Actor,
  c: TableConference,
  id: string,
  body: Fields & { version: number },
): Promise<string> {
  const current = await loadForChange(db, actor, commitments, id, body.version, 'commitment');
  if (current.conferenceId !== c.id) throw new AppError('not_found', 'No such commitment at this conference');
  const { clientId } = await checked(db, actor, c, body);
  const fields = [
    'nominationId',
    'institutionId',
    'contactId',
    'responsibleName',
    'action',
    'dueDate',
  ] as const;
  const changed = fields.filter((f) => String(current[f] ?? '') !== String(body[f] ?? ''));
  const { version, ...values } = body;
  await writeChange(db, actor, commitments, id, version, { ...values, clientId });
  await audit(db, actor, {
    action: 'commitment.changed',
    entityType: 'commitment',
    entityId: id,
    subjectClientId: clientId ?? current.clientId,
    details: { conferenceId: c.id, fields: changed },
  });
  return id;
}
