/**
 * Conference packs: per receiving institution, a PDF of the agenda and a page per brief, with
 * exactly what that institution's consent allows at the moment it is generated. Giving out a pack
 * is a disclosure: every brief in it about a person is written to the disclosure log.
 */
import type { Brief } from '../../contracts/conferences';
import type { AppContext } from '../context';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { type AuditInput, auditActorMany } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { pageDefaults, pdfDownload, renderPdf } from '../lib/pdf';
import { wallClock } from '../lib/zoned-time';
import { agendaOf } from './agenda';
import { categoriesIn, type Delivery, deliveries, invitedInstitution, loadSources } from './briefs';
import { assertOpen, type ConferenceRow, endOf, loadConference } from './load';
import { type NominationRow, nominationRows } from './nominations';
import { countryName, germanDate, languageName, packTexts as t } from './pack-texts';
import { conferenceConsents, type InstitutionRef, logDisclosures } from './sharing';

/**
 * The pack an institution receives now, as a PDF download, asked for by a lead. Only before the
 * meeting (a pack has no purpose once the conference is held or cancelled).
 */
export async function conferencePack(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  institutionId: string,
) {
  assertCan(actor, 'conferences.manage');
  const c = await loadConference(ctx.db, actor, conferenceId);
  assertOpen(c);
  const institution = await invitedInstitution(ctx.db, c, institutionId, 'institutionId');
  const rows = await nominationRows(ctx.db, c.id);
  const loaded = await loadSources(ctx.db, actor, rows, institution.id);
  return packFor(ctx, actor, { c, institution, rows, loaded }, (briefed) =>
    briefed.map((d) => ({
      action: 'conference.pack_disclosed',
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: d.n.clientId,
      details: { institution: institution.id, level: d.brief.level, consent: d.receipt?.consentId },
    })),
  );
}

/** What a pack is made of: the conference, its recipient, every nomination (the agenda) and the case data loaded. */
export interface PackRequest {
  c: ConferenceRow;
  institution: InstitutionRef;
  rows: readonly NominationRow[];
  loaded: Awaited<ReturnType<typeof loadSources>>;
}

/**
 * The pack of one institution as a PDF download, for a caller who has decided that this
 * institution may have one (a lead's `conferences.manage`; a partner's own invitation). Only
 * before the meeting. `auditOf` names the audit entries of the briefs given out (one per case).
 */
export async function packFor(
  ctx: AppContext,
  actor: Actor,
  { c, institution, rows, loaded }: PackRequest,
  auditOf: (briefed: (Delivery & { brief: Brief })[]) => AuditInput[],
) {
  assertOpen(c);
  const today = todayInGermany();
  // What may go is decided with the consents as they are in this transaction, which also writes
  // the log: a consent withdrawn a moment later finds the disclosure it has to be told about.
  const given = await ctx.db.transaction(async (tx) => {
    const consents = await conferenceConsents(
      tx,
      rows.map((n) => n.clientId),
    );
    const decided = deliveries(rows, institution, consents, loaded, today);
    const briefed = decided.filter((d): d is Delivery & { brief: Brief } => !!d.brief);
    // Anonymised briefs are not logged as disclosures: they carry no name, birth date, address or
    // case code, so the recipient receives no personal data, no consent is cited, and nobody is
    // to be told when a consent is withdrawn. The audit log below still records them per case.
    const personal = briefed.filter((d) => d.receipt?.level !== 'anonymised');
    await logDisclosures(
      tx,
      actor,
      c.id,
      personal.map((d) => ({
        institution,
        clientId: d.n.clientId,
        dataCategories: categoriesIn(d.brief),
        consentId: d.receipt?.consentId ?? null,
      })),
    );
    await auditActorMany(tx, actor, auditOf(briefed));
    return decided;
  });
  const buffer = await renderPdf(packDocument(c, institution, given, actor.organisationName));
  const day = wallClock(c.startsAt, c.timeZone).date;
  return pdfDownload(buffer, `Konferenzmappe-${day}-${institution.name}.pdf`);
}

/** How a case is named in the agenda of a pack. */
function caseTitle(b: Brief): string {
  if (b.level === 'anonymised') return t.anonymousCase;
  if (b.name) return `${b.name} (${b.caseCode})`;
  return t.caseOf(b.caseCode ?? '');
}

/**
 * The agenda as the institution reads it. A case it does not receive stays in the agenda as "a
 * further case (not shared with you)", with its time and nothing else: the times of the items
 * must be those of the meeting (its representative comes for its own cases), and a slot's time
 * says nothing about a person. Leaving such cases out would shift every later time or leave
 * unexplained gaps.
 */
function agendaTable(c: ConferenceRow, given: Delivery[]) {
  const agenda = agendaOf(
    c,
    given.map((d) => ({ id: d.n.id, minutes: d.n.minutes, position: d.n.position, recipients: [] })),
  );
  const byId = new Map(given.map((d) => [d.n.id, d]));
  const body = agenda.items.map((item) => {
    const time = wallClock(new Date(item.startsAt), c.timeZone).time;
    const d = item.nominationId ? byId.get(item.nominationId) : undefined;
    const what = !item.nominationId
      ? { text: t.commitments }
      : d?.brief
        ? {
            stack: [
              { text: caseTitle(d.brief), bold: true },
              { text: d.brief.question, color: '#333' },
            ],
          }
        : { text: t.withheld, italics: true, color: '#666' };
    return [time, what, t.minutes(item.minutes)];
  });
  return { table: { widths: [40, '*', 50], body }, layout: 'lightHorizontalLines' };
}

const list = (items: string[]) => (items.length ? { ul: items } : { text: t.none });

/** One page per brief: the fields it has, nothing in place of those it has not. */
function briefPage(b: Brief) {
  const f = t.fields;
  const facts: [string, string | null][] = [
    [f.level, t.level[b.level]],
    [f.name, b.name],
    [f.caseCode, b.caseCode],
    [f.birthDate, b.birthDate ? germanDate(b.birthDate) : null],
    [f.age, b.age === null ? null : String(b.age)],
    [f.address, b.address],
    [f.ageBand, b.age === null ? t.ageBands[b.ageBand] : null],
    [f.countryGroup, b.countries ? null : t.countryGroups[b.countryGroup]],
    [f.countries, b.countries ? b.countries.map(countryName).join(', ') : null],
    [f.referenceOccupation, b.referenceOccupation],
  ];
  const section = (title: string, content: unknown) => [
    { text: title, bold: true, margin: [0, 10, 0, 3] },
    content,
  ];
  return [
    {
      text: `${t.brief}: ${caseTitle(b)}`,
      fontSize: 14,
      bold: true,
      pageBreak: 'before',
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        widths: [170, '*'],
        body: facts.filter((x): x is [string, string] => x[1] !== null),
      },
      layout: 'lightHorizontalLines',
    },
    ...section(f.question, { text: b.question }),
    ...(b.brief ? section(f.brief, { text: b.brief }) : []),
    ...section(
      f.qualifications,
      list(b.qualifications.map((q) => (q.level ? `${q.title} – ${q.level}` : q.title))),
    ),
    ...section(
      f.recognition,
      list(
        b.recognition.map((r) =>
          [
            t.procedureStates[r.status] ?? r.status,
            r.outcome ? (t.outcomes[r.outcome] ?? r.outcome) : null,
            r.differences ? `${t.differences}: ${r.differences}` : null,
          ]
            .filter(Boolean)
            .join(' – '),
        ),
      ),
    ),
    ...section(
      f.languages,
      list(
        b.languages.map(
          (l) => `${languageName(l.language)}: ${l.level === 'native' ? t.native : (l.level ?? t.none)}`,
        ),
      ),
    ),
    ...section(
      f.measures,
      list(b.measures.map((m) => `${m.title} (${t.measureStates[m.status] ?? m.status})`)),
    ),
    ...section(f.institutionsNeeded, list(b.institutionsNeeded)),
  ];
}

function packDocument(
  c: ConferenceRow,
  institution: InstitutionRef,
  given: Delivery[],
  organisation: string,
) {
  const start = wallClock(c.startsAt, c.timeZone);
  const end = wallClock(endOf(c), c.timeZone);
  const briefs = given.flatMap((d) => (d.brief ? [d.brief] : []));
  return {
    ...pageDefaults,
    info: { title: t.title(institution.name), creator: 'Lotse' },
    footer: {
      text: t.confidential(germanDate(start.date)),
      fontSize: 8,
      color: '#555',
      margin: [50, 10, 50, 0],
    },
    content: [
      { text: t.title(institution.name), fontSize: 16, bold: true },
      { text: c.title, fontSize: 12, margin: [0, 2, 0, 10] },
      {
        table: {
          widths: [120, '*'],
          body: [
            [t.when, `${germanDate(start.date)}, ${start.time}–${end.time} (${c.timeZone})`],
            ...(c.place ? [[t.where, c.place]] : []),
            ...(c.videoUrl ? [[t.video, c.videoUrl]] : []),
            [t.organiser, organisation],
          ],
        },
        layout: 'noBorders',
      },
      { text: t.agenda, fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      agendaTable(c, given),
      ...(briefs.length === 0 ? [{ text: t.noCases, margin: [0, 10, 0, 0] }] : []),
      ...briefs.flatMap(briefPage),
    ],
  };
}
