/**
 * The agenda: a fixed first item for open commitments from earlier conferences, then the
 * nominated cases in their order, each in a timeboxed slot, against the conference's duration.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Agenda, AgendaBody, AgendaProposal, Nomination } from '../../contracts/conferences';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { conferenceNominations, conferences, institutions } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, invalidField } from '../lib/errors';
import { enqueueMail } from '../lib/mail';
import { loadForChange, writeChange } from '../lib/versioned';
import { agendaMail } from './agenda-mail';
import { invitationsOf } from './invitations';
import { assertOpen, type ConferenceRow, loadConference } from './load';
import { proposeOrder } from './optimiser';
import { moveStatus } from './service';

type Slot = { minutes: number; institutionIds: readonly string[] };

/**
 * Minutes representatives sit in the room: for every institution needed by some item, from the
 * start of its first item to the end of its last, summed. An institution whose items form one
 * contiguous block sits exactly as long as its cases take.
 */
export function sittingMinutes(slots: Slot[]): number {
  const span = new Map<string, { from: number; to: number }>();
  let at = 0;
  for (const s of slots) {
    for (const id of s.institutionIds) {
      const seen = span.get(id);
      span.set(id, { from: seen?.from ?? at, to: at + s.minutes });
    }
    at += s.minutes;
  }
  let total = 0;
  for (const { from, to } of span.values()) total += to - from;
  return total;
}

/** The institutions that need a case: those its nomination names, whatever they may receive. */
export const neededBy = (n: Pick<Nomination, 'recipients'>) => n.recipients.map((r) => r.institution.id);

export function agendaOf(
  c: Pick<ConferenceRow, 'startsAt' | 'durationMinutes' | 'minutesPerCase' | 'openCommitmentsMinutes'>,
  nominations: Pick<Nomination, 'id' | 'minutes' | 'position' | 'recipients'>[],
): Agenda {
  const ordered = [...nominations].sort((a, b) => a.position - b.position);
  const slots = [
    {
      kind: 'commitments' as const,
      nominationId: null,
      minutes: c.openCommitmentsMinutes,
      institutionIds: [],
    },
    ...ordered.map((n) => ({
      kind: 'case' as const,
      nominationId: n.id,
      minutes: n.minutes ?? c.minutesPerCase,
      institutionIds: neededBy(n),
    })),
  ];
  let at = c.startsAt.getTime();
  const items = slots.map((s) => {
    const item = { ...s, startsAt: new Date(at).toISOString() };
    at += s.minutes * 60_000;
    return item;
  });
  const totalMinutes = slots.reduce((sum, s) => sum + s.minutes, 0);
  return {
    items,
    totalMinutes,
    overBy: Math.max(0, totalMinutes - c.durationMinutes),
    sittingMinutes: sittingMinutes(slots),
  };
}

// --- changing the agenda ---

/**
 * The nominated cases as stored, in agenda order (position, then the order they came in). The
 * order, the optimiser and the fixed agenda work from these rows rather than from the page's
 * presented nominations, which are shaped for the viewer.
 */
async function storedCases(db: Db, c: Pick<ConferenceRow, 'id' | 'minutesPerCase'>) {
  const rows = await db
    .select({
      id: conferenceNominations.id,
      minutes: conferenceNominations.minutes,
      institutionIds: conferenceNominations.institutionIds,
      question: conferenceNominations.question,
    })
    .from(conferenceNominations)
    .where(eq(conferenceNominations.conferenceId, c.id))
    .orderBy(
      asc(conferenceNominations.position),
      asc(conferenceNominations.createdAt),
      asc(conferenceNominations.id),
    );
  return rows.map((r) => ({ ...r, minutes: r.minutes ?? c.minutesPerCase }));
}

/** The order may change until the agenda is fixed; a fixed one goes back to `invited` first. */
function assertAgendaOpen(c: Pick<ConferenceRow, 'status'>) {
  assertOpen(c);
  if (c.status === 'agenda_fixed')
    throw new AppError('conflict', 'The agenda is fixed; move the conference back to invited to change it', {
      details: { status: c.status },
    });
}

/** Every current nomination exactly once, else 400 on `order` saying what is wrong. */
function assertWholeOrder(order: readonly string[], current: readonly { id: string }[]) {
  const known = new Set(current.map((n) => n.id));
  const seen = new Set<string>();
  for (const id of order) {
    if (!known.has(id)) throw invalidField('order', `${id} is not a nomination of this conference`);
    if (seen.has(id)) throw invalidField('order', `${id} is named twice`);
    seen.add(id);
  }
  const missing = current.filter((n) => !seen.has(n.id)).length;
  if (missing > 0)
    throw invalidField('order', `every nomination once: ${missing} of ${current.length} missing`);
}

/** A new order of the cases; the conference's version rises, so two leads reordering at once get a 409. */
export async function reorderAgenda(ctx: AppContext, actor: Actor, id: string, body: AgendaBody) {
  assertCan(actor, 'conferences.manage');
  await ctx.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, conferences, id, body.version, 'conference');
    assertAgendaOpen(c);
    const current = await storedCases(tx, c);
    assertWholeOrder(body.order, current);
    if (body.order.length > 0) {
      const positions = sql.join(
        body.order.map((nominationId, position) => sql`(${nominationId}::uuid, ${position}::int)`),
        sql`, `,
      );
      await tx.execute(sql`UPDATE conference_nominations n SET position = v.position
        FROM (VALUES ${positions}) AS v(id, position)
        WHERE n.id = v.id AND n.conference_id = ${c.id}`);
    }
    await writeChange(tx, actor, conferences, id, body.version, {});
    await audit(tx, actor, {
      action: 'conference.changed',
      entityType: 'conference',
      entityId: id,
      details: { agendaOrder: body.order.length },
    });
  });
}

/** The optimiser's proposal for the current order; nothing is saved (the lead applies it with the PUT). */
export async function proposeAgenda(ctx: AppContext, actor: Actor, id: string): Promise<AgendaProposal> {
  assertCan(actor, 'conferences.manage');
  const c = await loadConference(ctx.db, actor, id);
  assertAgendaOpen(c);
  const p = proposeOrder(await storedCases(ctx.db, c));
  return {
    order: p.order,
    before: { sittingMinutes: p.before.sittingMinutes },
    after: { sittingMinutes: p.after.sittingMinutes },
    contiguousInstitutions: p.after.contiguousInstitutions,
    institutions: p.institutions,
  };
}

/**
 * Fixes the agenda (invited → agenda fixed) and mails it to every invitee who has not declined,
 * in the same transaction as the step. Refused while it overruns the conference.
 */
export async function fixAgenda(ctx: AppContext, actor: Actor, id: string, body: { version: number }) {
  assertCan(actor, 'conferences.manage');
  await ctx.db.transaction(async (tx) => {
    const c = await loadForChange(tx, actor, conferences, id, body.version, 'conference');
    if (c.status !== 'invited')
      throw new AppError(
        'conflict',
        c.status === 'planned'
          ? 'The agenda can be fixed once the invitations have been sent; the conference is still planned'
          : `The conference is ${c.status.replace('_', ' ')}; only the agenda of an invited conference can be fixed`,
        { details: { status: c.status } },
      );
    const cases = await storedCases(tx, c);
    const totalMinutes = c.openCommitmentsMinutes + cases.reduce((sum, k) => sum + k.minutes, 0);
    if (totalMinutes > c.durationMinutes)
      throw new AppError(
        'agenda_over_time',
        `The agenda takes ${totalMinutes} minutes, ${totalMinutes - c.durationMinutes} more than the conference's ${c.durationMinutes}`,
        { details: { totalMinutes, durationMinutes: c.durationMinutes } },
      );
    const fixed = await moveStatus(tx, ctx, actor, c, 'agenda_fixed');
    const sent = await mailAgenda(tx, ctx, actor, fixed, cases);
    await audit(tx, actor, {
      action: 'conference.changed',
      entityType: 'conference',
      entityId: id,
      details: { agendaMailed: sent },
    });
  });
}

/** One mail per invitee not declined with an address (one per address and institution). */
async function mailAgenda(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  c: ConferenceRow,
  cases: Awaited<ReturnType<typeof storedCases>>,
) {
  const neededIds = [...new Set(cases.flatMap((k) => k.institutionIds))];
  const names = new Map(
    neededIds.length === 0
      ? []
      : (
          await tx
            .select({ id: institutions.id, name: institutions.name })
            .from(institutions)
            .where(inArray(institutions.id, neededIds))
        ).map((r) => [r.id, r.name]),
  );
  const mailed = cases.map((k) => ({
    minutes: k.minutes,
    question: k.question,
    institutions: k.institutionIds.map((iid) => ({ id: iid, name: names.get(iid) ?? '—' })),
  }));
  const done = new Set<string>();
  for (const i of await invitationsOf(tx, c)) {
    const key = `${i.email?.toLowerCase()} ${i.institution.id}`;
    if (!i.email || i.answer === 'declined' || done.has(key)) continue;
    done.add(key);
    const mail = agendaMail({
      conference: c,
      cases: mailed,
      organisation: actor.organisationName,
      recipient: {
        institutionId: i.institution.id,
        institution: i.institution.name,
        contact: i.contact?.name ?? null,
      },
    });
    await enqueueMail(tx, ctx.config, { organisationId: c.organisationId, to: i.email, ...mail });
  }
  return done.size;
}
