/**
 * The partner portal: the home page and the conferences of the partner's institution. Every
 * function starts with `partnerScope(actor)` — the institution is always the session's — and asks
 * `receipts` (scope.ts) which cases that institution receives at this moment; what it does not
 * receive is answered exactly like what does not exist (404). The conference domain builds what
 * is shown (agenda times, briefs, packs, minutes) once the portal has decided; the commitments
 * domain presents the commitments (portal/commitments.ts chooses them).
 */
import { inArray, sql } from 'drizzle-orm';
import type {
  PortalAgendaItem,
  PortalConference,
  PortalHome,
  PortalInputBody,
  PortalRsvpBody,
  PortalRsvpResult,
} from '../../contracts/portal';
import {
  answerInvitations,
  type ConferenceRow,
  endOf,
  loadReceivedSources,
  minutesCopyPdf,
  nominationRows,
  packFor,
  storeWrittenInput,
} from '../conferences/service';
import type { AppContext } from '../context';
import { conferenceNominations, conferences } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit, auditActorMany } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';
import { agendaFor, caseRead, shownBrief } from './agenda';
import { portalCommitmentCounts, portalCommitmentsWhere } from './commitments';
import {
  afterTheTable,
  answerOf,
  beforeTheTable,
  conferenceInScope,
  invitedConferences,
  ownInvitations,
  summaryOf,
} from './invited';
import { partnerScope, receipts } from './scope';

const YEAR = 365.25 * 24 * 3_600_000;

/**
 * The start page: upcoming conferences (not yet held; a cancelled one until its day), those held
 * in the last two years, newest first, each with the number of cases the institution receives
 * now, and the counts of its commitments. Counts only: nothing of a person, so no read to audit.
 */
export async function portalHome(ctx: AppContext, actor: Actor): Promise<PortalHome> {
  const scope = partnerScope(actor);
  const now = Date.now();
  const rows = await invitedConferences(
    ctx.db,
    scope,
    sql`${conferences.startsAt} >= ${new Date(now - 2 * YEAR).toISOString()}::timestamptz`,
  );
  // A conference stays "upcoming" through its day (as the staff's list does), until marked held.
  const upcoming = rows
    .filter((c) => !afterTheTable.includes(c.status) && endOf(c).getTime() >= now - 12 * 3_600_000)
    .filter((c) => c.status !== 'cancelled' || c.startsAt.getTime() >= now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = rows
    .filter((c) => afterTheTable.includes(c.status))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  const shown = [...upcoming, ...past].map((c) => c.id);
  const nominations = shown.length
    ? await ctx.db
        .select({ id: conferenceNominations.id })
        .from(conferenceNominations)
        .where(inArray(conferenceNominations.conferenceId, shown))
    : [];
  const [received, invitations, commitments] = await Promise.all([
    receipts(
      ctx.db,
      scope,
      nominations.map((n) => n.id),
    ),
    ownInvitations(ctx.db, scope, shown),
    portalCommitmentCounts(ctx.db, scope),
  ]);
  const summary = (c: ConferenceRow) =>
    summaryOf(
      c,
      invitations.filter((i) => i.conferenceId === c.id),
      [...received.values()].filter((r) => r.n.conferenceId === c.id).length,
    );
  return {
    institution: scope.institution,
    organisation: { id: scope.organisationId, name: actor.organisationName },
    upcoming: upcoming.map(summary),
    past: past.map(summary),
    commitments,
  };
}

/** A conference as the partner's institution sees it now; out of scope → 404. */
export async function portalConference(ctx: AppContext, actor: Actor, id: string): Promise<PortalConference> {
  const scope = partnerScope(actor);
  const c = await conferenceInScope(ctx.db, scope, id);
  const [{ items, given }, invitations, commitments] = await Promise.all([
    agendaFor(ctx.db, scope, c),
    ownInvitations(ctx.db, scope, [c.id]),
    portalCommitmentsWhere(ctx.db, scope, sql`cm.conference_id = ${c.id}::uuid`),
  ]);
  await auditActorMany(ctx.db, actor, [
    { action: 'portal.conference_read', entityType: 'conference', entityId: c.id },
    ...given.map((d) => caseRead('portal.brief_read', c, shownBrief(d))),
  ]);
  const open = beforeTheTable.includes(c.status);
  return {
    ...summaryOf(c, invitations, given.length),
    organisation: actor.organisationName,
    durationMinutes: c.durationMinutes,
    invitations,
    agenda: items,
    commitments,
    may: { answer: open, writeInput: open },
  };
}

/** One case the institution receives now, with its input; 404 like a missing one otherwise. */
export async function portalCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  nominationId: string,
): Promise<PortalAgendaItem> {
  const scope = partnerScope(actor);
  const c = await conferenceInScope(ctx.db, scope, id);
  const { items, given } = await agendaFor(ctx.db, scope, c, nominationId);
  const item = items.find((x) => x.kind === 'case' && x.nominationId === nominationId);
  const d = given[0];
  if (!item || !d) throw notFound('nomination');
  await audit(ctx.db, actor, caseRead('portal.brief_read', c, shownBrief(d)));
  return item;
}

/**
 * The institution's answer: on all its invitations, or on the one named (another's → 404). Until
 * the conference is held (409 after, or once cancelled); the organiser is told.
 */
export async function portalRsvp(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: PortalRsvpBody,
): Promise<PortalRsvpResult> {
  const scope = partnerScope(actor);
  await ctx.db.transaction(async (tx) => {
    const c = await conferenceInScope(tx, scope, id);
    const own = await ownInvitations(tx, scope, [c.id]);
    const chosen = own.filter((i) => !body.invitationId || i.id === body.invitationId);
    if (chosen.length === 0) throw notFound('invitation');
    const ids = chosen.map((i) => i.id);
    await answerInvitations(tx, c, scope.institution.name, ids, body);
    await audit(tx, actor, {
      action: 'portal.rsvp',
      entityType: 'conference',
      entityId: c.id,
      details: { invitations: ids, answer: body.answer },
    });
  });
  const invitations = await ownInvitations(ctx.db, scope, [id]);
  return { answer: answerOf(invitations), invitations };
}

/**
 * The institution's written input on a case it receives now (404 otherwise), until the conference
 * is held (409 after). The lead sees it on the conference page with the institution's name.
 */
export async function portalWriteInput(
  ctx: AppContext,
  actor: Actor,
  id: string,
  nominationId: string,
  body: PortalInputBody,
): Promise<PortalAgendaItem> {
  const scope = partnerScope(actor);
  await ctx.db.transaction(async (tx) => {
    const c = await conferenceInScope(tx, scope, id);
    const got = (await receipts(tx, scope, [nominationId])).get(nominationId);
    if (!got || got.n.conferenceId !== c.id) throw notFound('nomination');
    if (!beforeTheTable.includes(c.status))
      throw new AppError('conflict', 'The conference has taken place; written input is closed');
    const written = await storeWrittenInput(tx, actor, {
      nominationId,
      institutionId: scope.institution.id,
      text: body.text,
    });
    await audit(tx, actor, {
      action: 'portal.input_written',
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: got.n.clientId,
      details: { nomination: nominationId, writtenInput: written },
    });
  });
  return portalCase(ctx, actor, id, nominationId);
}

/**
 * The institution's pack, made at this request with the consents as they are now: the case data
 * of exactly the cases it receives is read, then the pack decides again in its transaction and
 * writes the disclosure log.
 */
export async function portalPack(ctx: AppContext, actor: Actor, id: string) {
  const scope = partnerScope(actor);
  const c = await conferenceInScope(ctx.db, scope, id);
  const rows = await nominationRows(ctx.db, c.id);
  const received = await receipts(
    ctx.db,
    scope,
    rows.map((n) => n.id),
  );
  const loaded = await loadReceivedSources(
    ctx.db,
    scope.organisationId,
    rows.filter((n) => received.has(n.id)),
  );
  return packFor(ctx, actor, { c, institution: scope.institution, rows, loaded }, (briefed) => [
    { action: 'portal.pack_read', entityType: 'conference', entityId: c.id },
    ...briefed.map((d) => caseRead('portal.pack_read', c, shownBrief({ n: d.n, level: d.brief.level }))),
  ]);
}

/**
 * The institution's copy of the published minutes (404 before), made at this request: a case
 * whose consent was withdrawn or ran out since publication is no longer in it.
 */
export async function portalMinutes(ctx: AppContext, actor: Actor, id: string) {
  const scope = partnerScope(actor);
  const c = await conferenceInScope(ctx.db, scope, id);
  if (!c.minutesPublishedAt) throw notFound('minutes');
  return minutesCopyPdf(ctx, actor, c, scope.institution, (carried) => [
    { action: 'portal.minutes_read', entityType: 'conference', entityId: c.id },
    ...carried.map((k) => caseRead('portal.minutes_read', c, k)),
  ]);
}
