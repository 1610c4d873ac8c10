/**
 * Publishing the minutes (held → minutes published): per invitation with an address one mail with
 * its institution's copy as PDF; every case a copy carries about a person is written to the
 * disclosure log with the consent it cites, and audited; the counsellors of the cases, the
 * moderator and the minute-taker get a notice in Lotse.
 *
 * The PDFs are rendered before the transaction (PGlite runs one query at a time; a transaction
 * must not wait for pdfmake). Inside it, the copies are decided again from the consents as they
 * are at that moment: only if they are the same as those rendered does anything go out, so a
 * consent withdrawn meanwhile never travels in a PDF made a moment before. Otherwise they are
 * rendered anew.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { clientCounsellors, clients, conferenceInvitations, conferences, users } from '../db/schema';
import { assertCan, assertInOrganisation, notPartnerSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit, auditActorMany } from '../lib/audit';
import { AppError } from '../lib/errors';
import { enqueueMail } from '../lib/mail';
import { notifyUser } from '../lib/notifications';
import { renderPdf } from '../lib/pdf';
import { assertVersion } from '../lib/versioned';
import { recipientsOf } from './invitations';
import { type ConferenceRow, loadConference } from './load';
import { assertNotPublished, copiesOf, getMinutes } from './minutes';
import { minutesMail } from './minutes-mail';
import { type MinutesHeader, minutesDocument, minutesFilename, minutesHeader } from './minutes-pdf';
import { disclosuresOf, type InstitutionCopy } from './minutes-share';
import { type MinutesSources, minutesSources } from './minutes-sources';
import { moveStatus } from './service';
import { logDisclosures } from './sharing';

/** Published once, from a held conference, at the version the lead saw. */
async function assertPublishable(db: Db, c: ConferenceRow, version: number) {
  assertNotPublished(c);
  if (c.status !== 'held')
    throw new AppError('conflict', 'Mark the conference as held before publishing its minutes');
  await assertVersion(db, c, version);
}

export async function publishMinutes(ctx: AppContext, actor: Actor, id: string, body: { version: number }) {
  assertCan(actor, 'conferences.manage');
  for (let attempt = 0; attempt < 3; attempt++) {
    const c = await loadConference(ctx.db, actor, id);
    await assertPublishable(ctx.db, c, body.version);
    const s = await minutesSources(ctx.db, actor, c);
    const copies = [...copiesOf(s).values()];
    const header = await minutesHeader(ctx.db, c, s, actor.organisationName);
    const pdfs = new Map<string, Buffer>();
    for (const copy of copies)
      pdfs.set(copy.institution.id, await renderPdf(minutesDocument(c, copy.doc, header)));
    const published = await ctx.db.transaction(async (tx) => {
      // Locked: a second publish waits here, then finds the minutes published.
      const [current] = await tx.select().from(conferences).where(eq(conferences.id, id)).for('update');
      assertInOrganisation(actor, current, 'conference');
      await assertPublishable(tx, current, body.version);
      const now = [...copiesOf(await minutesSources(tx, actor, current)).values()];
      if (JSON.stringify(now) !== JSON.stringify(copies)) return false;
      await giveOut(tx, ctx, actor, current, { s, copies, pdfs, header });
      return true;
    });
    if (published) return getMinutes(ctx, actor, id);
  }
  throw new AppError('conflict', 'The minutes changed while they were being sent; please try again');
}

async function giveOut(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  c: ConferenceRow,
  p: { s: MinutesSources; copies: InstitutionCopy[]; pdfs: Map<string, Buffer>; header: MinutesHeader },
) {
  const byInstitution = new Map(p.copies.map((x) => [x.institution.id, x]));
  const mailed = new Set<string>();
  let mails = 0;
  for (const r of await recipientsOf(tx, c.id)) {
    const copy = byInstitution.get(r.row.institutionId);
    const pdf = copy && p.pdfs.get(copy.institution.id);
    if (!copy || !pdf) continue;
    const outboxId = r.email
      ? await enqueueMail(
          tx,
          ctx.config,
          minutesMail({
            c,
            organisation: p.header.organisation,
            recipient: { institution: r.institution, contact: r.contact, email: r.email },
            cases: copy.cases,
            withheld: copy.doc.withheld,
            pdf,
            filename: minutesFilename(c, copy.institution.name),
          }),
        )
      : null;
    if (outboxId) {
      mailed.add(copy.institution.id);
      mails++;
    }
    await tx
      .update(conferenceInvitations)
      .set({ minutesOutboxId: outboxId, minutesCases: copy.cases, minutesWithheld: copy.doc.withheld })
      .where(eq(conferenceInvitations.id, r.id));
  }
  // An institution without any address received nothing: nothing was disclosed to it.
  const sent = p.copies.filter((x) => mailed.has(x.institution.id));
  await logDisclosures(tx, actor, c.id, disclosuresOf(p.s, sent));
  await auditActorMany(
    tx,
    actor,
    sent.flatMap((x) =>
      x.carried.map((k) => ({
        action: 'conference.minutes_disclosed' as const,
        entityType: 'conference',
        entityId: c.id,
        subjectClientId: k.clientId,
        details: { institution: x.institution.id, level: k.level, consent: k.consentId },
      })),
    ),
  );
  await moveStatus(tx, ctx, actor, c, 'minutes_published');
  await tx
    .update(conferences)
    .set({ minutesPublishedAt: new Date(), minutesPublishedBy: actor.userId })
    .where(eq(conferences.id, c.id));
  await audit(tx, actor, {
    action: 'conference.minutes_published',
    entityType: 'conference',
    entityId: c.id,
    details: { mails, institutions: sent.map((x) => x.institution.id) },
  });
  await noticeStaff(tx, actor, c, p.s);
}

/** "In Lotse": the counsellors of the cases discussed, the moderator and the minute-taker. */
async function noticeStaff(tx: Db, actor: Actor, c: ConferenceRow, s: MinutesSources) {
  const clientIds = s.items.flatMap((i) => (i.n ? [i.n.clientId] : []));
  const [owners, further] = clientIds.length
    ? await Promise.all([
        tx.select({ id: clients.ownerId }).from(clients).where(inArray(clients.id, clientIds)),
        tx
          .select({ id: clientCounsellors.userId })
          .from(clientCounsellors)
          .where(inArray(clientCounsellors.clientId, clientIds)),
      ])
    : [[], []];
  const ids = [
    ...new Set([...owners, ...further].map((u) => u.id).concat([c.moderatorId ?? '', c.minuteTakerId ?? ''])),
  ].filter((u) => u && u !== actor.userId);
  if (ids.length === 0) return;
  const people = await tx
    .select({ id: users.id, language: users.language })
    .from(users)
    .where(
      and(
        inArray(users.id, ids),
        eq(users.organisationId, c.organisationId),
        eq(users.status, 'active'),
        notPartnerSql(users.roles),
      ),
    );
  for (const u of people)
    await notifyUser(tx, {
      organisationId: c.organisationId,
      userId: u.id,
      kind: 'conference_minutes',
      clientId: null,
      message:
        u.language === 'en' ? `Minutes published — ${c.title}` : `Protokoll veröffentlicht – ${c.title}`,
      link: `/conferences/${c.id}?tab=minutes`,
    });
}
