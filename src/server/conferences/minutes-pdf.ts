/**
 * The minutes as a PDF (pdfmake, like the packs): one copy per institution, carrying only the items
 * it may receive at the level its consents allow (minutes-share.ts decides), and the staff copy with
 * everything and who received what. German: the minutes go to German authorities and chambers.
 */
import { inArray, sql } from 'drizzle-orm';
import type { CommitmentStatus } from '../../contracts/commitments';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { type AuditInput, auditActorMany } from '../lib/audit';
import { pageDefaults, pdfDownload, renderPdf } from '../lib/pdf';
import { wallClock } from '../lib/zoned-time';
import { invitedInstitution } from './briefs';
import { type ConferenceRow, endOf, loadConference } from './load';
import {
  type Carried,
  type DocCommitment,
  type DocItem,
  disclosuresOf,
  institutionCopy,
  type MinutesDoc,
  staffCopy,
} from './minutes-share';
import { type MinutesSources, minutesSources } from './minutes-sources';
import { germanDate } from './pack-texts';
import { type InstitutionRef, logDisclosures } from './sharing';

/** What every copy says of the meeting itself. */
export interface MinutesHeader {
  organisation: string;
  moderator: string | null;
  minuteTaker: string | null;
  invited: string[];
}

export async function minutesHeader(db: Db, c: ConferenceRow, s: MinutesSources, organisation: string) {
  const ids = [c.moderatorId, c.minuteTakerId].filter((x): x is string => !!x);
  const names = ids.length
    ? new Map(
        (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map(
          (u) => [u.id, u.name],
        ),
      )
    : new Map<string, string>();
  return {
    organisation,
    moderator: c.moderatorId ? (names.get(c.moderatorId) ?? null) : null,
    minuteTaker: c.minuteTakerId ? (names.get(c.minuteTakerId) ?? null) : null,
    invited: s.invited.map((i) => i.name),
  } satisfies MinutesHeader;
}

const statusText: Record<CommitmentStatus, string> = {
  open: 'offen',
  done: 'erledigt',
  dropped: 'entfallen',
};

const stateOf = (cm: DocCommitment) =>
  [
    cm.reportedOn ? `${statusText[cm.status]} am ${germanDate(cm.reportedOn)}` : statusText[cm.status],
    cm.note,
  ]
    .filter(Boolean)
    .join(' – ');

function commitmentTable(list: DocCommitment[]) {
  if (list.length === 0) return [];
  const head = ['Wer', 'Was', 'Bis', 'Stand'].map((text) => ({ text, bold: true }));
  const body = list.map((cm) => [
    cm.responsible ? `${cm.institution} (${cm.responsible})` : cm.institution,
    cm.case ? `${cm.case}: ${cm.action}` : cm.action,
    germanDate(cm.dueDate),
    stateOf(cm),
  ]);
  return [
    { text: 'Zusagen', bold: true, margin: [0, 8, 0, 3] },
    {
      table: { headerRows: 1, widths: [110, '*', 55, 80], body: [head, ...body] },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    },
  ];
}

function itemBlock(item: DocItem, index: number) {
  return [
    { text: `${index + 1}. ${item.heading}`, fontSize: 12, bold: true, margin: [0, 16, 0, 4] },
    ...(item.question ? [{ text: [{ text: 'Fragestellung: ', bold: true }, item.question] }] : []),
    {
      text: item.text.trim() || 'Keine Aufzeichnungen zu diesem Punkt.',
      margin: [0, 6, 0, 0],
      ...(item.text.trim() ? {} : { italics: true, color: '#555' }),
    },
    ...commitmentTable(item.commitments),
    ...(item.distribution
      ? [
          { text: 'Verteilung', bold: true, margin: [0, 8, 0, 3] },
          { ul: item.distribution, fontSize: 9, color: '#333' },
        ]
      : []),
  ];
}

const withheldText = (n: number) =>
  n === 1
    ? '1 weiterer Fall wurde ohne Freigabe für Ihre Institution besprochen.'
    : `${n} weitere Fälle wurden ohne Freigabe für Ihre Institution besprochen.`;

/** A copy of the minutes as a pdfmake document. */
export function minutesDocument(c: ConferenceRow, doc: MinutesDoc, h: MinutesHeader) {
  const start = wallClock(c.startsAt, c.timeZone);
  const end = wallClock(endOf(c), c.timeZone);
  const title = doc.audience ? `Protokoll für ${doc.audience.name}` : 'Protokoll (interne Fassung)';
  const facts: [string, string | null][] = [
    ['Termin', `${germanDate(start.date)}, ${start.time}–${end.time} (${c.timeZone})`],
    ['Ort', c.place],
    ['Videokonferenz', c.videoUrl],
    ['Einladende Stelle', h.organisation],
    ['Moderation', h.moderator],
    ['Protokoll', h.minuteTaker],
    ['Eingeladen', h.invited.join(', ') || null],
  ];
  return {
    ...pageDefaults,
    info: { title: `${title}: ${c.title}`, creator: 'Lotse' },
    footer: {
      text: doc.audience
        ? `Vertraulich – Protokoll der Konferenz am ${germanDate(start.date)}, nur für ${doc.audience.name}. Nicht weitergeben.`
        : `Vertraulich – interne Fassung mit allen Fällen der Konferenz am ${germanDate(start.date)}.`,
      fontSize: 8,
      color: '#555',
      margin: [50, 10, 50, 0],
    },
    content: [
      { text: title, fontSize: 16, bold: true },
      { text: c.title, fontSize: 12, margin: [0, 2, 0, 10] },
      {
        table: { widths: [120, '*'], body: facts.filter((f): f is [string, string] => f[1] !== null) },
        layout: 'noBorders',
      },
      ...doc.items.flatMap(itemBlock),
      ...(doc.withheld > 0
        ? [{ text: withheldText(doc.withheld), italics: true, color: '#555', margin: [0, 16, 0, 0] }]
        : []),
    ],
  };
}

export const minutesFilename = (c: ConferenceRow, who: string) =>
  `Protokoll-${wallClock(c.startsAt, c.timeZone).date}-${who}.pdf`;

/**
 * The staff copy, or with `institutionId` the copy that institution would receive now (a preview
 * for the lead: nothing leaves the organisation, so no disclosure; a read of each case, audited).
 */
export async function minutesPdf(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  institutionId: string | undefined,
) {
  assertCan(actor, 'conferences.manage');
  const c = await loadConference(ctx.db, actor, conferenceId);
  const institution = institutionId
    ? await invitedInstitution(ctx.db, c, institutionId, 'institutionId')
    : null;
  const s = await minutesSources(ctx.db, actor, c);
  const copy = institution ? institutionCopy(s, institution) : null;
  const read = copy
    ? copy.carried.map((x) => x.clientId)
    : s.items.flatMap((i) => (i.n ? [i.n.clientId] : []));
  await auditActorMany(
    ctx.db,
    actor,
    [...new Set(read)].map((clientId) => ({
      action: 'conference.read' as const,
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: clientId,
      details: { minutesPdf: institution?.id ?? 'staff' },
    })),
  );
  const header = await minutesHeader(ctx.db, c, s, actor.organisationName);
  const buffer = await renderPdf(minutesDocument(c, copy?.doc ?? staffCopy(s), header));
  return pdfDownload(buffer, minutesFilename(c, institution?.name ?? 'intern'));
}

/**
 * The copy of published minutes one institution receives, built at this request with the consents
 * as they are now (the partner portal): a case whose consent was withdrawn or ran out since
 * publication is no longer in it. Like the mail at publication, every case it carries about a
 * person is written to the disclosure log, and the read is audited (`auditOf`) — in one transaction
 * with the decision; the PDF is rendered after it. The caller has decided that the institution
 * may have it (invited, minutes published).
 */
export async function minutesCopyPdf(
  ctx: AppContext,
  actor: Actor,
  c: ConferenceRow,
  institution: InstitutionRef,
  auditOf: (carried: Carried[]) => AuditInput[],
) {
  const { copy, header } = await ctx.db.transaction(async (tx) => {
    // Every commitment of the organisation: the copy takes of them what the institution may see.
    const s = await minutesSources(tx, actor, c, sql`true`);
    const made = institutionCopy(s, institution);
    await logDisclosures(tx, actor, c.id, disclosuresOf(s, [made]));
    await auditActorMany(tx, actor, auditOf(made.carried));
    return { copy: made, header: await minutesHeader(tx, c, s, actor.organisationName) };
  });
  const buffer = await renderPdf(minutesDocument(c, copy.doc, header));
  return pdfDownload(buffer, minutesFilename(c, institution.name));
}
