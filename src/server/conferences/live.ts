/**
 * Live mode: the screen of moderator and minute-taker at the table. Who may run it, when it takes
 * entries, the state every browser shows, and walking the agenda with a clock per item. Entries and
 * commitments are in live-entries.ts; the push to other browsers in live-events.ts.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { LiveEntry, LiveItemBody, LiveState } from '../../contracts/conferences-live';
import { carriedOverSql, presentCommitments } from '../commitments/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import {
  conferenceEntries,
  conferenceNominations,
  conferences,
  institutionContacts,
  users,
} from '../db/schema';
import { assertCan, assertInOrganisation, can, visibleCasesSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit, auditActorMany } from '../lib/audit';
import { AppError, forbidden, invalidField } from '../lib/errors';
import { notifyLive } from './live-events';
import type { ConferenceRow } from './load';
import { invitedInstitutions } from './sharing';

/** Entries are taken from this long before the start: people sit down early. */
const EARLY_MS = 30 * 60_000;

/**
 * A conference the actor may run live mode of: leads, and its named moderator and minute-taker.
 * Another organisation's is 404, like a missing one; `lock` holds the row for the transaction.
 */
export async function loadRunnable(db: Db, actor: Actor, id: string, lock?: 'update' | 'share') {
  assertCan(actor, 'conferences.read');
  const query = db.select().from(conferences).where(eq(conferences.id, id));
  const [c] = lock ? await query.for(lock) : await query;
  assertInOrganisation(actor, c, 'conference');
  if (!can(actor, 'conferences.manage') && actor.userId !== c.moderatorId && actor.userId !== c.minuteTakerId)
    throw forbidden('Live mode is run by the lead, the moderator and the minute-taker');
  return c;
}

type Closed = LiveState['closedBecause'];

/** Whether the conference takes entries now, and if not, why. */
export function liveClosed(c: ConferenceRow, now = Date.now()): Closed {
  if (c.status === 'cancelled') return 'cancelled';
  if (c.minutesPublishedAt || c.status === 'minutes_published' || c.status === 'closed') return 'published';
  if (c.status === 'held') return null;
  if (c.status === 'planned') return 'not_ready';
  return c.startsAt.getTime() > now + EARLY_MS ? 'not_begun' : null;
}

/** 409 unless the conference takes entries: `already_published` once its minutes are out. */
export function assertLiveOpen(c: ConferenceRow) {
  const closed = liveClosed(c);
  if (closed === 'published')
    throw new AppError('already_published', 'The minutes are published; live entries are closed');
  if (closed)
    throw new AppError('conflict', 'The conference does not take live entries now', {
      details: { reason: closed },
    });
}

/**
 * The nomination an item names (null for the first item) and its case; 400 on `item` when it is
 * not a case of this conference.
 */
export async function itemOf(db: Db, c: ConferenceRow, item: string) {
  if (item === 'commitments') return { nominationId: null, clientId: null };
  const [n] = await db
    .select({ id: conferenceNominations.id, clientId: conferenceNominations.clientId })
    .from(conferenceNominations)
    .where(and(eq(conferenceNominations.id, item), eq(conferenceNominations.conferenceId, c.id)));
  if (!n) throw invalidField('item', 'not an item of this conference’s agenda');
  return { nominationId: n.id, clientId: n.clientId };
}

type EntryRow = typeof conferenceEntries.$inferSelect;
export const presentEntry = (e: EntryRow, author: string | null): LiveEntry => ({
  id: e.id,
  item: e.nominationId ?? 'commitments',
  kind: e.kind as LiveEntry['kind'],
  text: e.text,
  author: e.createdBy ? { id: e.createdBy, name: author ?? '—' } : null,
  at: e.createdAt.toISOString(),
  changedAt: e.updatedAt.toISOString(),
  version: e.version,
  conflictOf: e.conflictOf,
});

/** The entries of a conference in the order they were made, with their authors' names. */
export async function entriesOf(db: Db, where: SQL | undefined) {
  const rows = await db
    .select({ e: conferenceEntries, author: users.name })
    .from(conferenceEntries)
    .leftJoin(users, eq(users.id, conferenceEntries.createdBy))
    .where(where)
    .orderBy(asc(conferenceEntries.createdAt), asc(conferenceEntries.id));
  return rows.map((r) => presentEntry(r.e, r.author));
}

/**
 * Reading the live state names cases: recorded as a read of each, but at most every ten minutes
 * per viewer and conference (in this process). Every browser reads it again on every change, and
 * a two-hour conference would otherwise fill the audit log with thousands of identical reads.
 */
const READ_RECORDED_EVERY_MS = 10 * 60_000;
const readsRecorded = new Map<string, number>();
function readToRecord(actor: Actor, conferenceId: string, now = Date.now()) {
  const key = `${actor.userId}:${conferenceId}`;
  const last = readsRecorded.get(key);
  if (last !== undefined && now - last < READ_RECORDED_EVERY_MS) return false;
  if (readsRecorded.size >= 10_000) readsRecorded.clear();
  readsRecorded.set(key, now);
  return true;
}

async function casesOf(db: Db, actor: Actor, c: ConferenceRow) {
  const result = await db.execute<{
    id: string;
    client_id: string;
    question: string;
    minutes: number | null;
    discussed_at: Date | string | null;
    discussed_seconds: number;
    label: string;
    visible: boolean;
  }>(sql`
    SELECT n.id, n.client_id, n.question, n.minutes, n.discussed_at, n.discussed_seconds,
      cl.case_code || ' · ' || cl.given_names || ' ' || cl.family_name AS label,
      ${visibleCasesSql(actor, 'cl')} AS visible
    FROM conference_nominations n JOIN clients cl ON cl.id = n.client_id
    WHERE n.conference_id = ${c.id}::uuid
    ORDER BY n.position, n.created_at, n.id`);
  return result.rows;
}

async function inviteesOf(db: Db, conferenceId: string) {
  const invited = await invitedInstitutions(db, conferenceId);
  const contacts = invited.length
    ? await db
        .select({
          id: institutionContacts.id,
          name: institutionContacts.name,
          of: institutionContacts.institutionId,
        })
        .from(institutionContacts)
        .where(
          inArray(
            institutionContacts.institutionId,
            invited.map((i) => i.id),
          ),
        )
        .orderBy(asc(institutionContacts.name))
    : [];
  return invited.map((i) => ({
    ...i,
    contacts: contacts.filter((x) => x.of === i.id).map(({ id, name }) => ({ id, name })),
  }));
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The live state as this viewer may see it: the agenda with clocks, entries and commitments. */
export async function liveState(ctx: AppContext, actor: Actor, id: string): Promise<LiveState> {
  const c = await loadRunnable(ctx.db, actor, id);
  const [cases, entries, commitments, institutions] = await Promise.all([
    casesOf(ctx.db, actor, c),
    entriesOf(ctx.db, eq(conferenceEntries.conferenceId, c.id)),
    presentCommitments(ctx.db, actor, sql`(cm.conference_id = ${c.id}::uuid OR ${carriedOverSql(c)})`, {
      orderBy: sql`cm.created_at, cm.id`,
    }),
    inviteesOf(ctx.db, c.id),
  ]);
  const made = commitments.filter((x) => x.conference.id === c.id);
  const item = (key: string) => ({
    entries: entries.filter((e) => e.item === key),
    commitments: made.filter((x) => (x.nominationId ?? 'commitments') === key),
  });
  const subjects = new Set([
    ...cases.filter((n) => n.visible).map((n) => n.client_id),
    ...commitments.flatMap((x) => (x.client?.visible ? [x.client.id] : [])),
  ]);
  if (readToRecord(actor, c.id))
    await auditActorMany(ctx.db, actor, [
      { action: 'conference.read', entityType: 'conference', entityId: c.id, details: { via: 'live' } },
      ...[...subjects].map((subjectClientId) => ({
        action: 'conference.read' as const,
        entityType: 'conference',
        entityId: c.id,
        subjectClientId,
        details: { via: 'live' },
      })),
    ]);
  const closedBecause = liveClosed(c);
  return {
    conference: {
      id: c.id,
      title: c.title,
      status: c.status as LiveState['conference']['status'],
      startsAt: c.startsAt.toISOString(),
    },
    open: closedBecause === null,
    closedBecause,
    current:
      c.liveItem && c.liveItemStartedAt
        ? { item: c.liveItem, startedAt: c.liveItemStartedAt.toISOString() }
        : null,
    items: [
      {
        key: 'commitments',
        kind: 'commitments',
        label: '',
        visible: false,
        question: null,
        slotMinutes: c.openCommitmentsMinutes,
        elapsedSeconds: c.commitmentsSeconds,
        discussedAt: null,
        ...item('commitments'),
      },
      ...cases.map((n, i) => ({
        key: n.id,
        kind: 'case' as const,
        label: n.visible ? n.label : `Case ${i + 1}`,
        visible: !!n.visible,
        question: n.question,
        slotMinutes: n.minutes ?? c.minutesPerCase,
        elapsedSeconds: Number(n.discussed_seconds),
        discussedAt: iso(n.discussed_at),
        ...item(n.id),
      })),
    ],
    carriedOver: commitments.filter((x) => x.conference.id !== c.id),
    institutions,
    serverTime: new Date().toISOString(),
  };
}

/**
 * Calls up an item (null: stops the clock). The seconds since the previous one was called up are
 * added to it; a case's first call is its `discussed_at`. Calling up the current item again (two
 * browsers pressing "next" at once) changes nothing.
 */
export async function moveToItem(ctx: AppContext, actor: Actor, id: string, body: LiveItemBody) {
  await ctx.db.transaction(async (tx) => {
    const c = await loadRunnable(tx, actor, id, 'update');
    assertLiveOpen(c);
    const target = body.item;
    if (target === c.liveItem) return;
    const now = new Date();
    if (target) await itemOf(tx, c, target);
    const seconds = c.liveItemStartedAt
      ? Math.max(0, Math.round((now.getTime() - c.liveItemStartedAt.getTime()) / 1000))
      : 0;
    if (c.liveItem && c.liveItem !== 'commitments' && seconds > 0)
      await tx
        .update(conferenceNominations)
        .set({ discussedSeconds: sql`${conferenceNominations.discussedSeconds} + ${seconds}` })
        .where(and(eq(conferenceNominations.id, c.liveItem), eq(conferenceNominations.conferenceId, c.id)));
    if (target && target !== 'commitments')
      await tx
        .update(conferenceNominations)
        .set({
          discussedAt: sql`coalesce(${conferenceNominations.discussedAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(eq(conferenceNominations.id, target));
    // Not a change of the conference's settings: its version stays, so no open page goes stale.
    await tx
      .update(conferences)
      .set({
        liveItem: target,
        liveItemStartedAt: target ? now : null,
        ...(c.liveItem === 'commitments' ? { commitmentsSeconds: c.commitmentsSeconds + seconds } : {}),
      })
      .where(eq(conferences.id, c.id));
    await audit(tx, actor, {
      action: 'conference.live_changed',
      entityType: 'conference',
      entityId: c.id,
      details: { item: target, from: c.liveItem, seconds },
    });
    await notifyLive(tx, c.id);
  });
  return liveState(ctx, actor, id);
}
