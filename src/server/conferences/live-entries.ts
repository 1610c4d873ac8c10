/**
 * What is written at the table: notes, decisions and dissent per agenda item, and commitments.
 * Every change is one short transaction that holds the conference row shared (so that publishing
 * the minutes waits for it), writes its audit entry and tells the other browsers at commit.
 * Entries are added, never merged: an edit made on an older version is kept beside the newer one.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Commitment } from '../../contracts/commitments';
import type {
  LiveCommitmentEditInput,
  LiveCommitmentInput,
  LiveEntryBody,
  LiveEntryEditBody,
  LiveEntrySaved,
} from '../../contracts/conferences-live';
import { changeCommitment, makeCommitment, presentCommitments } from '../commitments/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { conferenceEntries } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';
import { assertLiveOpen, entriesOf, itemOf, loadRunnable } from './live';
import { notifyLive } from './live-events';
import type { ConferenceRow } from './load';

/** Runs a change of live mode: the conference held shared and open for entries, the browsers told at commit. */
function liveChange<T>(
  ctx: AppContext,
  actor: Actor,
  id: string,
  change: (tx: Db, c: ConferenceRow) => Promise<T>,
) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadRunnable(tx, actor, id, 'share');
    assertLiveOpen(c);
    const result = await change(tx, c);
    await notifyLive(tx, c.id);
    return result;
  });
}

async function oneEntry(db: Db, c: ConferenceRow, entryId: string) {
  const [entry] = await entriesOf(
    db,
    and(eq(conferenceEntries.id, entryId), eq(conferenceEntries.conferenceId, c.id)),
  );
  if (!entry) throw notFound('entry');
  return entry;
}

const record = (
  tx: Db,
  actor: Actor,
  c: ConferenceRow,
  entryId: string,
  clientId: string | null,
  op: string,
) =>
  audit(tx, actor, {
    action: 'conference.live_changed',
    entityType: 'conference_entry',
    entityId: entryId,
    subjectClientId: clientId,
    details: { conferenceId: c.id, op },
  });

/**
 * Adds an entry. Sent again under the same id (the browser's queue after a lost answer) it is the
 * stored one — also when someone has edited it since; another entry under that id is a 409.
 */
export function addEntry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: LiveEntryBody,
): Promise<LiveEntrySaved> {
  return liveChange(ctx, actor, id, async (tx, c) => {
    const { nominationId, clientId } = await itemOf(tx, c, body.item);
    const [saved] = await tx
      .insert(conferenceEntries)
      .values({
        ...(body.id ? { id: body.id } : {}),
        organisationId: actor.organisationId,
        conferenceId: c.id,
        nominationId,
        kind: body.kind,
        text: body.text,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .onConflictDoNothing({ target: conferenceEntries.id })
      .returning({ id: conferenceEntries.id });
    if (!saved) {
      const stored = await oneEntry(tx, c, body.id ?? '').catch(() => null);
      const resent =
        stored &&
        stored.item === body.item &&
        (stored.version > 1 || (stored.text === body.text && stored.kind === body.kind));
      if (!stored || !resent) throw new AppError('conflict', 'Another entry was already saved under this id');
      return { entry: stored, conflict: false };
    }
    await record(tx, actor, c, saved.id, clientId, 'added');
    return { entry: await oneEntry(tx, c, saved.id), conflict: false };
  });
}

/**
 * Changes an entry at the version it was read at. Made on an older version (someone else changed
 * it meanwhile, or the edit waited offline), the edit is kept as a new entry beside it, naming it
 * (`conflictOf`), and the answer says so: nothing typed is lost, and nobody's words are overwritten.
 */
export function editEntry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  entryId: string,
  body: LiveEntryEditBody,
): Promise<LiveEntrySaved> {
  return liveChange(ctx, actor, id, async (tx, c) => {
    const stored = await oneEntry(tx, c, entryId);
    const kind = body.kind ?? stored.kind;
    const { clientId } = await itemOf(tx, c, stored.item);
    if (body.version === stored.version) {
      const [saved] = await tx
        .update(conferenceEntries)
        .set({
          kind,
          text: body.text,
          updatedAt: new Date(),
          updatedBy: actor.userId,
          version: sql`${conferenceEntries.version} + 1`,
        })
        .where(and(eq(conferenceEntries.id, entryId), eq(conferenceEntries.version, body.version)))
        .returning({ id: conferenceEntries.id });
      if (saved) {
        await record(tx, actor, c, entryId, clientId, 'changed');
        return { entry: await oneEntry(tx, c, entryId), conflict: false };
      }
    }
    // The same words arrived twice (a resend, or two people typed the same): nothing to keep apart.
    if (stored.text === body.text && stored.kind === kind) return { entry: stored, conflict: false };
    const [copy] = await tx
      .select({ id: conferenceEntries.id })
      .from(conferenceEntries)
      .where(
        and(
          eq(conferenceEntries.conferenceId, c.id),
          eq(conferenceEntries.conflictOf, entryId),
          eq(conferenceEntries.text, body.text),
          eq(conferenceEntries.createdBy, actor.userId),
        ),
      );
    if (copy) return { entry: await oneEntry(tx, c, copy.id), conflict: true };
    const [kept] = await tx
      .insert(conferenceEntries)
      .values({
        organisationId: actor.organisationId,
        conferenceId: c.id,
        nominationId: stored.item === 'commitments' ? null : stored.item,
        kind,
        text: body.text,
        conflictOf: entryId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: conferenceEntries.id });
    if (!kept) throw new Error('no entry row');
    await record(tx, actor, c, kept.id, clientId, 'kept_beside');
    return { entry: await oneEntry(tx, c, kept.id), conflict: true };
  });
}

export function removeEntry(ctx: AppContext, actor: Actor, id: string, entryId: string) {
  return liveChange(ctx, actor, id, async (tx, c) => {
    const [gone] = await tx
      .delete(conferenceEntries)
      .where(and(eq(conferenceEntries.id, entryId), eq(conferenceEntries.conferenceId, c.id)))
      .returning({ nominationId: conferenceEntries.nominationId });
    if (!gone) throw notFound('entry');
    const { clientId } = await itemOf(tx, c, gone.nominationId ?? 'commitments');
    await record(tx, actor, c, entryId, clientId, 'removed');
    return { ok: true as const };
  });
}

async function presented(db: Db, actor: Actor, commitmentId: string): Promise<Commitment> {
  const [one] = await presentCommitments(db, actor, sql`cm.id = ${commitmentId}::uuid`);
  if (!one) throw notFound('commitment');
  return one;
}

/** A commitment made at the table (commitments/make.ts has its rules). */
export async function makeLiveCommitment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: LiveCommitmentInput,
) {
  const saved = await liveChange(ctx, actor, id, (tx, c) => makeCommitment(tx, actor, c, body));
  return presented(ctx.db, actor, saved);
}

export async function changeLiveCommitment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  commitmentId: string,
  body: LiveCommitmentEditInput,
) {
  await liveChange(ctx, actor, id, (tx, c) => changeCommitment(tx, actor, c, commitmentId, body));
  return presented(ctx.db, actor, commitmentId);
}
