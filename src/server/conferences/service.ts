/**
 * Donor conferences: the conference itself — creating, changing, its status, the page. The files
 * beside it hold the rest, each used through this page: series (series.ts), invitations, RSVP
 * and calendar mail (invitations.ts, rsvp.ts), nominated cases and the consent check
 * (nominations.ts), the agenda and its optimiser (agenda.ts, optimiser.ts), case briefs and
 * per-institution packs (briefs.ts, packs.ts).
 */
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import {
  type ConferenceBody,
  type ConferenceListQuery,
  type ConferenceStatus,
  conferenceTransitions,
  type StatusBody,
} from '../../contracts/conferences';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { conferences, sectors, users } from '../db/schema';
import { assertCan, can, notPartnerSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit, auditActorMany } from '../lib/audit';
import { AppError, invalidField } from '../lib/errors';
import { likeEscape, normalise } from '../lib/search-text';
import { randomToken } from '../lib/secrets';
import { loadForChange, writeChange } from '../lib/versioned';
import { instantOf, wallClock } from '../lib/zoned-time';
import { assertSectors } from '../network/service';
import { agendaOf } from './agenda';
import { invitationsOf, notifyInvitees } from './invitations';
import { assertOpen, type ConferenceRow, endOf, loadConference } from './load';
import { nominationsOf } from './nominations';

// What the partner portal builds its view of a conference from, once it has decided what the
// partner's institution may have: the agenda's times, the briefs of the cases it receives, its
// written input, its answer, its pack and its copy of the minutes.
export { agendaOf } from './agenda';
export { type Delivery, loadReceivedSources, receivedBriefs } from './briefs';
export { type ConferenceRow, endOf } from './load';
export { minutesCopyPdf } from './minutes-pdf';
export { nominationRows, storeWrittenInput, writtenInputsOf } from './nominations';
export { packFor } from './packs';
export { sendDueReminders } from './reminders';
export { commitmentStateSql, heldStatuses } from './report-sql';
export { answerInvitations, assertAnswerable } from './rsvp';
/** The one decision of what an institution receives of a nominated case, for the partner portal. */
export { conferenceConsents, receiptOf, shareWith } from './sharing';

/** Moderator and minute-taker are staff of the organisation. */
async function assertStaff(db: Db, actor: Actor, ids: (string | null | undefined)[], fields: string[]) {
  for (const [i, id] of ids.entries()) {
    if (!id) continue;
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, id),
          eq(users.organisationId, actor.organisationId),
          eq(users.status, 'active'),
          notPartnerSql(users.roles),
        ),
      );
    if (!u) throw invalidField(fields[i] ?? 'user', 'not an active user of the organisation');
  }
}

/** What the list's search finds a conference by: its title and place, as search-text compares them. */
export const searchTextOf = (c: { title?: string | null; place?: string | null }) =>
  normalise(`${c.title ?? ''} ${c.place ?? ''}`).slice(0, 1000);

type Timing = { date?: string; startTime?: string; timeZone?: string };

/** The instant of a local date and time; a conference cannot begin in the past. */
function startOf(t: Required<Timing>, now = new Date()) {
  const at = instantOf(t.date, t.startTime, t.timeZone);
  if (at.getTime() < now.getTime()) throw invalidField('date', 'the conference would begin in the past');
  return at;
}

const history = (c: Pick<ConferenceRow, 'statusHistory'> | null, status: ConferenceStatus, actor: Actor) => [
  ...(c?.statusHistory ?? []),
  { status, at: new Date().toISOString(), by: actor.userId },
];

export async function createConference(
  ctx: AppContext,
  actor: Actor,
  body: ConferenceBody & Required<Timing>,
) {
  assertCan(actor, 'conferences.manage');
  const { date, startTime, timeZone, ...rest } = body;
  const id = await ctx.db.transaction(async (tx) => {
    await assertSectors(tx, actor, [body.sectorId], 'sectorId');
    await assertStaff(tx, actor, [body.moderatorId, body.minuteTakerId], ['moderatorId', 'minuteTakerId']);
    const [row] = await tx
      .insert(conferences)
      .values({
        ...(rest as Omit<typeof conferences.$inferInsert, 'organisationId' | 'startsAt' | 'icsUid'>),
        organisationId: actor.organisationId,
        startsAt: startOf({ date, startTime, timeZone }),
        timeZone,
        icsUid: `${randomToken(18)}@lotse`,
        searchText: searchTextOf(body),
        statusHistory: history(null, 'planned', actor),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: conferences.id });
    if (!row) throw new Error('no conference row');
    await audit(tx, actor, {
      action: 'conference.changed',
      entityType: 'conference',
      entityId: row.id,
      details: { created: body.title },
    });
    return row.id;
  });
  return getConference(ctx, actor, id);
}

/** Fields whose change invitees must hear of: a new ICS with a higher SEQUENCE goes out. */
const calendarFields = ['title', 'startsAt', 'durationMinutes', 'place', 'videoUrl', 'timeZone'] as const;

export async function updateConference(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: Partial<ConferenceBody> & { version: number },
) {
  assertCan(actor, 'conferences.manage');
  const { version, date, startTime, timeZone, ...rest } = body;
  await ctx.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, conferences, id, version, 'conference');
    assertOpen(current);
    if (rest.sectorId) await assertSectors(tx, actor, [rest.sectorId], 'sectorId');
    await assertStaff(tx, actor, [rest.moderatorId, rest.minuteTakerId], ['moderatorId', 'minuteTakerId']);
    const values: Partial<ConferenceRow> = { ...(rest as Partial<ConferenceRow>) };
    if (date || startTime || timeZone) {
      const zone = timeZone ?? current.timeZone;
      const local = wallClock(current.startsAt, current.timeZone);
      const timing = { date: date ?? local.date, startTime: startTime ?? local.time, timeZone: zone };
      const at = instantOf(timing.date, timing.startTime, timing.timeZone);
      if (at.getTime() !== current.startsAt.getTime()) values.startsAt = startOf(timing);
      values.timeZone = zone;
    }
    const changed = calendarFields.filter((f) => {
      const v = values[f];
      if (v === undefined) return false;
      const old = current[f];
      return v instanceof Date && old instanceof Date ? v.getTime() !== old.getTime() : v !== old;
    });
    if (changed.length > 0) values.icsSequence = current.icsSequence + 1;
    values.searchText = searchTextOf({ ...current, ...values });
    await writeChange(tx, actor, conferences, id, version, values);
    await audit(tx, actor, {
      action: 'conference.changed',
      entityType: 'conference',
      entityId: id,
      details: { fields: Object.keys(body).filter((k) => k !== 'version') },
    });
    if (changed.length > 0) await notifyInvitees(tx, ctx, { ...current, ...values }, 'update');
  });
  return getConference(ctx, actor, id);
}

/**
 * A step of the status. Sending invitations and fixing the agenda have their own actions (they
 * mail); this one moves the others and cancels, which mails the cancellation (METHOD:CANCEL).
 */
export async function changeStatus(ctx: AppContext, actor: Actor, id: string, body: StatusBody) {
  assertCan(actor, 'conferences.manage');
  await ctx.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, conferences, id, body.version, 'conference');
    await moveStatus(tx, ctx, actor, current, body.status, body.reason ?? null);
  });
  return getConference(ctx, actor, id);
}

/** The one place a conference's status moves: the transition table, the history, the audit, the mail. */
export async function moveStatus(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  current: ConferenceRow,
  status: ConferenceStatus,
  reason: string | null = null,
) {
  const from = current.status as ConferenceStatus;
  if (!conferenceTransitions[from].includes(status))
    throw new AppError('conflict', `A conference that is ${from} cannot become ${status}`, {
      details: { from, to: status, allowed: conferenceTransitions[from] },
    });
  if (status === 'held' && current.startsAt.getTime() > Date.now())
    throw new AppError('conflict', 'A conference can be marked held once it has begun');
  const values: Partial<ConferenceRow> = { status, statusHistory: history(current, status, actor) };
  if (status === 'cancelled') {
    values.cancelReason = reason;
    values.icsSequence = current.icsSequence + 1;
  }
  if (status === 'agenda_fixed') values.agendaFixedAt = new Date();
  await writeChange(tx, actor, conferences, current.id, current.version, values);
  await audit(tx, actor, {
    action: 'conference.changed',
    entityType: 'conference',
    entityId: current.id,
    details: { status: { from, to: status } },
  });
  if (status === 'cancelled') await notifyInvitees(tx, ctx, { ...current, ...values }, 'cancel');
  return { ...current, ...values, version: current.version + 1 };
}

export async function listConferences(
  ctx: AppContext,
  actor: Actor,
  q: ConferenceListQuery & { limit: number; offset: number },
) {
  assertCan(actor, 'conferences.read');
  const now = new Date();
  const where: SQL[] = [eq(conferences.organisationId, actor.organisationId)];
  if (q.status) where.push(eq(conferences.status, q.status));
  if (q.seriesId) where.push(eq(conferences.seriesId, q.seriesId));
  if (q.sectorId) where.push(eq(conferences.sectorId, q.sectorId));
  const today = new Date(now.getTime() - 12 * 3_600_000);
  if (q.when === 'upcoming')
    where.push(
      gte(conferences.startsAt, today),
      inArray(conferences.status, ['planned', 'invited', 'agenda_fixed']),
    );
  if (q.when === 'past')
    where.push(
      sql`(${lt(conferences.startsAt, today)} OR ${conferences.status} IN ('held', 'minutes_published', 'closed', 'cancelled'))`,
    );
  for (const w of normalise(q.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 6))
    where.push(sql`${conferences.searchText} LIKE ${`%${likeEscape(w)}%`}`);
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        c: conferences,
        sector: sectors.name,
        invited: sql<number>`(SELECT count(DISTINCT i.institution_id)::int FROM conference_invitations i WHERE i.conference_id = ${conferences.id})`,
        confirmed: sql<number>`(SELECT count(DISTINCT i.institution_id)::int FROM conference_invitations i WHERE i.conference_id = ${conferences.id} AND i.answer IN ('attending', 'deputy'))`,
        nominations: sql<number>`(SELECT count(*)::int FROM conference_nominations n WHERE n.conference_id = ${conferences.id})`,
        mine: sql<number>`(SELECT count(*)::int FROM conference_nominations n JOIN clients ON clients.id = n.client_id WHERE n.conference_id = ${conferences.id} AND clients.owner_id = ${actor.userId}::uuid)`,
      })
      .from(conferences)
      .innerJoin(sectors, eq(sectors.id, conferences.sectorId))
      .where(condition)
      .orderBy(q.when === 'past' ? desc(conferences.startsAt) : asc(conferences.startsAt))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(conferences).where(condition),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.c.id,
      title: r.c.title,
      sector: { id: r.c.sectorId, name: r.sector },
      seriesId: r.c.seriesId,
      startsAt: r.c.startsAt.toISOString(),
      endsAt: endOf(r.c).toISOString(),
      timeZone: r.c.timeZone,
      status: r.c.status as ConferenceStatus,
      place: r.c.place,
      invitedInstitutions: Number(r.invited),
      confirmedInstitutions: Number(r.confirmed),
      nominations: Number(r.nominations),
      myNominations: Number(r.mine),
    })),
    total: total?.n ?? 0,
    limit: q.limit,
    offset: q.offset,
  };
}

async function userRefs(db: Db, ids: (string | null)[]) {
  const wanted = ids.filter((x): x is string => !!x);
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The conference page: the conference, its invitations, nominated cases and agenda, and warnings. */
export async function getConference(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadConference(ctx.db, actor, id);
  const [invitations, nominations, [sector], names] = await Promise.all([
    invitationsOf(ctx.db, c),
    nominationsOf(ctx.db, actor, c),
    ctx.db.select({ name: sectors.name }).from(sectors).where(eq(sectors.id, c.sectorId)),
    userRefs(ctx.db, [c.moderatorId, c.minuteTakerId, ...c.statusHistory.map((h) => h.by)]),
  ]);
  const agenda = agendaOf(c, nominations);
  const confirmed = new Set(
    invitations.filter((i) => i.answer === 'attending' || i.answer === 'deputy').map((i) => i.institution.id),
  );
  const warnings = [
    ...(c.moderatorId && c.moderatorId === c.minuteTakerId ? (['moderator_is_minute_taker'] as const) : []),
    ...(invitations.some((i) => i.sentAt) && confirmed.size < 3
      ? (['fewer_than_three_confirmed'] as const)
      : []),
    ...(agenda.overBy > 0 ? (['agenda_over_time'] as const) : []),
    ...(!c.place && !c.videoUrl ? (['no_place'] as const) : []),
    ...(!c.moderatorId ? (['no_moderator'] as const) : []),
  ];
  // The page names the cases the caller may open: a read of each of those persons' data.
  const named = nominations.filter((n) => n.client.visible);
  await auditActorMany(ctx.db, actor, [
    { action: 'conference.read', entityType: 'conference', entityId: c.id },
    ...named.map((n) => ({
      action: 'conference.read' as const,
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: n.client.id,
    })),
  ]);
  const ref = (uid: string | null) => (uid ? { id: uid, name: names.get(uid) ?? '—' } : null);
  const local = wallClock(c.startsAt, c.timeZone);
  return {
    id: c.id,
    title: c.title,
    sector: { id: c.sectorId, name: sector?.name ?? '—' },
    seriesId: c.seriesId,
    startsAt: c.startsAt.toISOString(),
    endsAt: endOf(c).toISOString(),
    timeZone: c.timeZone,
    date: local.date,
    startTime: local.time,
    durationMinutes: c.durationMinutes,
    minutesPerCase: c.minutesPerCase,
    openCommitmentsMinutes: c.openCommitmentsMinutes,
    place: c.place,
    videoUrl: c.videoUrl,
    moderator: ref(c.moderatorId),
    minuteTaker: ref(c.minuteTakerId),
    status: c.status as ConferenceStatus,
    statusHistory: c.statusHistory.map((h) => ({
      status: h.status as ConferenceStatus,
      at: h.at,
      by: h.by ? (names.get(h.by) ?? null) : null,
    })),
    cancelReason: c.cancelReason,
    sequence: c.icsSequence,
    warnings,
    invitations,
    nominations,
    agenda,
    may: { manage: can(actor, 'conferences.manage'), nominate: can(actor, 'conferences.nominate') },
    version: c.version,
  };
}
