/**
 * The minutes of a conference: drafted per agenda item from what live mode recorded, edited by
 * the lead (versioned, from the moment the conference has begun until they are published), and
 * shown with what each invited institution will receive of each item. Publishing is in
 * minutes-publish.ts, the PDFs in minutes-pdf.ts.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { ConferenceMinutes, MinutesBody, MinutesRecipient } from '../../contracts/conferences-minutes';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { conferenceMinutes, conferenceNominations, outbox, users } from '../db/schema';
import { assertCan, can } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit, auditActorMany } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';
import { assertVersion, writeChange } from '../lib/versioned';
import { recipientsOf } from './invitations';
import { type ConferenceRow, loadConference } from './load';
import { type InstitutionCopy, institutionCopy, receiptsOf } from './minutes-share';
import { type MinutesSources, minutesSources } from './minutes-sources';
import { nominationsOf } from './nominations';

/** Published (or closed after): the minutes went out as they were and no longer change. */
export function assertNotPublished(c: Pick<ConferenceRow, 'status' | 'minutesPublishedAt'>) {
  if (c.minutesPublishedAt || c.status === 'minutes_published' || c.status === 'closed')
    throw new AppError('already_published', 'The minutes of this conference are already published');
}

/** The conference has begun (its agenda fixed and its time come) or is held, and is not cancelled. */
export const hasBegun = (c: Pick<ConferenceRow, 'status' | 'startsAt'>) =>
  c.status === 'held' || (c.status === 'agenda_fixed' && c.startsAt.getTime() <= Date.now());

/** Minutes are edited from the moment the conference begins until they are published. */
function assertEditable(c: ConferenceRow) {
  assertNotPublished(c);
  if (!hasBegun(c))
    throw new AppError('conflict', 'The minutes can be written once the conference has begun');
}

/** The copy each invited institution would receive now. */
export const copiesOf = (s: MinutesSources) => new Map(s.invited.map((i) => [i.id, institutionCopy(s, i)]));

/**
 * The invitations as recipients: how many cases their institution's copy carries and leaves out —
 * as decided when it was sent, once published — and where their mail is.
 */
async function recipientsNow(
  db: Db,
  c: ConferenceRow,
  copies: Map<string, InstitutionCopy>,
): Promise<MinutesRecipient[]> {
  const invitations = await recipientsOf(db, c.id);
  const ids = invitations.flatMap((r) => (r.row.minutesOutboxId ? [r.row.minutesOutboxId] : []));
  const mails = ids.length ? await db.select().from(outbox).where(inArray(outbox.id, ids)) : [];
  return invitations.map((r) => {
    const copy = copies.get(r.row.institutionId);
    const mail = mails.find((m) => m.id === r.row.minutesOutboxId);
    const delivery = mail
      ? mail.sentAt
        ? 'sent'
        : mail.lastError
          ? 'failed'
          : 'queued'
      : !r.email || c.minutesPublishedAt
        ? 'no_address'
        : 'not_sent';
    return {
      invitationId: r.id,
      institution: { id: r.row.institutionId, name: r.institution },
      contact: r.contact,
      email: r.email,
      cases: r.row.minutesCases ?? copy?.cases ?? 0,
      withheld: r.row.minutesWithheld ?? copy?.doc.withheld ?? 0,
      delivery,
      sentAt: mail?.sentAt?.toISOString() ?? null,
    };
  });
}

/** The minutes page: every item with its text, commitments and recipients, for staff of the organisation. */
export async function getMinutes(ctx: AppContext, actor: Actor, id: string): Promise<ConferenceMinutes> {
  const c = await loadConference(ctx.db, actor, id);
  const manage = can(actor, 'conferences.manage');
  const [s, nominations] = await Promise.all([
    minutesSources(ctx.db, actor, c),
    nominationsOf(ctx.db, actor, c),
  ]);
  const items = s.items.map((item) => {
    const n = item.n ? nominations.find((x) => x.id === item.n?.id) : undefined;
    // A case the caller cannot open is listed by its neutral label, without what was said of it.
    const readable = !item.n || !!n?.client.visible;
    return {
      item: item.key,
      kind: item.n ? ('case' as const) : ('commitments' as const),
      nomination: n
        ? { id: n.id, client: n.client, question: n.question, anonymised: n.anonymised, position: n.position }
        : null,
      draft: readable ? item.draft : null,
      text: readable ? (item.edit?.text ?? null) : null,
      edited: item.edit
        ? {
            at: item.edit.updatedAt.toISOString(),
            by: item.edit.updatedBy ? (s.editors.get(item.edit.updatedBy) ?? null) : null,
          }
        : null,
      conflicts: readable ? item.conflicts : 0,
      commitments: item.commitments,
      recipients: receiptsOf(s, item),
      version: item.edit?.version ?? 0,
    };
  });
  const [publisher] = c.minutesPublishedBy
    ? await ctx.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.id, c.minutesPublishedBy))
    : [];
  await auditActorMany(ctx.db, actor, [
    { action: 'conference.read', entityType: 'conference', entityId: c.id, details: { minutes: true } },
    ...nominations
      .filter((n) => n.client.visible)
      .map((n) => ({
        action: 'conference.read' as const,
        entityType: 'conference',
        entityId: c.id,
        subjectClientId: n.client.id,
        details: { minutes: true },
      })),
  ]);
  return {
    conferenceId: c.id,
    status: c.status as ConferenceMinutes['status'],
    editable: manage && hasBegun(c) && !c.minutesPublishedAt,
    items,
    recipients: manage ? await recipientsNow(ctx.db, c, copiesOf(s)) : [],
    published: c.minutesPublishedAt
      ? { at: c.minutesPublishedAt.toISOString(), by: publisher ?? null }
      : null,
    may: { manage },
    version: c.version,
  };
}

/**
 * The text of one item as edited. Version 0 writes the first edit over the draft; a version that
 * is no longer current is refused (409 with who changed it when), so two editors never overwrite
 * each other unseen.
 */
export async function editMinutes(
  ctx: AppContext,
  actor: Actor,
  id: string,
  item: string,
  body: MinutesBody,
): Promise<ConferenceMinutes> {
  assertCan(actor, 'conferences.manage');
  await ctx.db.transaction(async (tx) => {
    const c = await loadConference(tx, actor, id);
    assertEditable(c);
    let clientId: string | null = null;
    if (item !== 'commitments') {
      const [n] = await tx
        .select({ clientId: conferenceNominations.clientId })
        .from(conferenceNominations)
        .where(and(eq(conferenceNominations.id, item), eq(conferenceNominations.conferenceId, c.id)));
      if (!n) throw notFound('agenda item');
      clientId = n.clientId;
    }
    const [current] = await tx
      .select()
      .from(conferenceMinutes)
      .where(and(eq(conferenceMinutes.conferenceId, c.id), eq(conferenceMinutes.item, item)))
      .for('update');
    if (current) {
      await assertVersion(tx, current, body.version);
      await writeChange(tx, actor, conferenceMinutes, current.id, body.version, { text: body.text });
    } else {
      if (body.version !== 0) throw new AppError('version_conflict', 'These minutes are no longer as read');
      const [created] = await tx
        .insert(conferenceMinutes)
        .values({
          organisationId: actor.organisationId,
          conferenceId: c.id,
          item,
          text: body.text,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning({ id: conferenceMinutes.id });
      if (!created) throw new AppError('version_conflict', 'Someone else edited these minutes just now');
    }
    await audit(tx, actor, {
      action: 'conference.minutes_changed',
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: clientId,
      // Which item and version, not the text: it may say more of the person than the log should.
      details: { item, version: body.version + 1 },
    });
  });
  return getMinutes(ctx, actor, id);
}
