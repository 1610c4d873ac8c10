/**
 * Case briefs: one case as one institution may see it now, a page each in its pack. A brief is
 * built field by field from what the level and the cited consent allow — never from a row as it
 * is — so a field added to the case file reaches no institution until someone decides it here.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Brief, BriefPreview } from '../../contracts/conferences';
import { countryGroupOf } from '../../contracts/country-groups';
import { briefEntries } from '../casefile/service';
import { type ClientRow, casesWithAccess } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { clients } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { auditActorMany } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { invalidField } from '../lib/errors';
import { measuresOf } from '../measures/service';
import { type ConferenceRow, loadConference } from './load';
import { type NominationRow, nominationRows } from './nominations';
import { ageBandOf, ageOn, mainQualification } from './profile';
import {
  type ConsentRow,
  conferenceConsents,
  type InstitutionRef,
  institutionNames,
  invitedInstitutions,
  type Receipt,
  receiptOf,
  shareWith,
} from './sharing';

/** The case data a brief is made of. */
export interface BriefSources {
  row: ClientRow;
  qualifications: Awaited<ReturnType<typeof briefEntries.qualifications>>;
  procedures: Awaited<ReturnType<typeof briefEntries.procedures>>;
  languages: Awaited<ReturnType<typeof briefEntries.languages>>;
  measures: Awaited<ReturnType<typeof measuresOf>>;
}

async function sourcesOf(db: Db, row: ClientRow): Promise<BriefSources> {
  const [qualifications, procedures, languages, measures] = await Promise.all([
    briefEntries.qualifications(db, row.id),
    briefEntries.procedures(db, row.id),
    briefEntries.languages(db, row.id),
    measuresOf(db, row.id),
  ]);
  return { row, qualifications, procedures, languages, measures };
}

/** Where a recognition procedure stands, as a code the reader translates. */
const procedureState = (p: BriefSources['procedures'][number]) =>
  p.decidedOn
    ? 'decided'
    : p.documentsCompleteOn
      ? 'documents_complete'
      : p.submittedOn
        ? 'submitted'
        : 'preparing';

/**
 * One case for one institution. Always: the conference's own question and brief, the institutions
 * needed, age band and country group (what an anonymised brief shows too). The case code unless
 * anonymised. Name, birth date, age, address and the qualifications' countries only when
 * identified — birth date and age under the consent's category `identity`, the address under
 * `contact`. The sections under the consent's categories: qualifications, reference occupation
 * and measures (`qualifications`), recognition (`recognition`), languages (`language`). An
 * anonymised brief is not about a person one can name, so it needs no consent and has them all.
 */
export function buildBrief(
  n: Pick<NominationRow, 'id' | 'question' | 'brief'>,
  receipt: Receipt,
  categories: readonly string[],
  s: BriefSources,
  institutionsNeeded: string[],
  today: string,
): Brief {
  const identified = receipt.level === 'identified';
  const allows = (category: string) => receipt.level === 'anonymised' || categories.includes(category);
  const main = mainQualification(s.qualifications);
  const person = identified && allows('identity');
  const address = [s.row.street, [s.row.postcode, s.row.city].filter(Boolean).join(' ')].filter(Boolean);
  return {
    nominationId: n.id,
    level: receipt.level,
    caseCode: receipt.level === 'anonymised' ? null : s.row.caseCode,
    name: identified ? `${s.row.givenNames} ${s.row.familyName}` : null,
    birthDate: person ? s.row.birthDate : null,
    address: identified && allows('contact') && address.length > 0 ? address.join(', ') : null,
    age: person && s.row.birthDate ? ageOn(s.row.birthDate, today) : null,
    ageBand: ageBandOf(s.row.birthDate, today),
    countryGroup: countryGroupOf(main?.country),
    countries:
      identified && allows('qualifications') ? [...new Set(s.qualifications.map((q) => q.country))] : null,
    qualifications: allows('qualifications')
      ? s.qualifications.map((q) => ({
          title: q.titleTranslation ? `${q.titleOriginal} (${q.titleTranslation})` : q.titleOriginal,
          level: q.iscedLevel !== null ? `ISCED ${q.iscedLevel}` : q.kind,
        }))
      : [],
    referenceOccupation: allows('qualifications') ? (main?.referenceOccupation?.title ?? null) : null,
    recognition: allows('recognition')
      ? s.procedures.map((p) => ({
          status: procedureState(p),
          outcome: p.outcome === 'pending' ? null : p.outcome,
          differences: p.substantialDifferences,
        }))
      : [],
    languages: allows('language') ? s.languages.map((l) => ({ language: l.language, level: l.level })) : [],
    measures: allows('qualifications') ? s.measures.map((m) => ({ title: m.title, status: m.status })) : [],
    question: n.question,
    brief: n.brief,
    institutionsNeeded,
  };
}

/** The data categories a brief carries, as the disclosure log records them. */
export function categoriesIn(b: Brief): string[] {
  return [
    ...(b.name || b.birthDate ? ['identity'] : []),
    ...(b.address ? ['contact'] : []),
    ...(b.qualifications.length || b.referenceOccupation || b.measures.length ? ['qualifications'] : []),
    ...(b.recognition.length ? ['recognition'] : []),
    ...(b.languages.length ? ['language'] : []),
  ];
}

/** What an institution receives of one nomination now: the receipt, and the brief when it receives one. */
export interface Delivery {
  n: NominationRow;
  receipt: Receipt | null;
  brief: Brief | null;
}

/** The case data of these cases, and the names of the institutions the nominations need. */
async function sourcesFor(db: Db, rows: readonly NominationRow[], cases: readonly ClientRow[]) {
  const sources = new Map<string, BriefSources>();
  for (const row of cases) sources.set(row.id, await sourcesOf(db, row));
  const names = await institutionNames(db, [...new Set(rows.flatMap((n) => n.institutionIds))]);
  return { sources, names };
}

/** The case data of the nominations an institution might receive (the decision follows with the consents). */
export async function loadSources(
  db: Db,
  actor: Actor,
  rows: readonly NominationRow[],
  institutionId: string,
) {
  const wanted = rows.filter((n) => n.anonymised || n.institutionIds.includes(institutionId));
  const cases = await casesWithAccess(
    db,
    actor,
    wanted.map((n) => n.clientId),
  );
  return sourcesFor(
    db,
    wanted,
    cases.map((x) => x.row),
  );
}

/**
 * The case data of exactly these nominations, for a caller who has already decided by the
 * consents now that the institution receives each of them (the partner portal's `receipts`): a
 * partner can open no case, so no case-access rule can choose for it, and nothing beyond the
 * decision is read. A case another organisation's is never read.
 */
export async function loadReceivedSources(
  db: Db,
  organisationId: string,
  received: readonly NominationRow[],
) {
  const ids = [...new Set(received.map((n) => n.clientId))];
  const cases = ids.length
    ? await db
        .select()
        .from(clients)
        .where(and(inArray(clients.id, ids), eq(clients.organisationId, organisationId)))
    : [];
  return sourcesFor(db, received, cases);
}

/**
 * What the institution receives of each nomination (in agenda order), decided by the consents
 * given — read by the caller at the moment of giving out — and built from the case data loaded.
 */
export function deliveries(
  rows: readonly NominationRow[],
  institution: InstitutionRef,
  consents: Map<string, ConsentRow[]>,
  loaded: Awaited<ReturnType<typeof loadSources>>,
  today: string,
): Delivery[] {
  return rows.map((n) => {
    const own = consents.get(n.clientId) ?? [];
    const receipt = receiptOf(n, shareWith(own, institution, today));
    const s = loaded.sources.get(n.clientId);
    if (!receipt || !s) return { n, receipt: null, brief: null };
    const categories = own.find((k) => k.id === receipt.consentId)?.dataCategories ?? [];
    const needed = n.institutionIds.map((id) => loaded.names.get(id) ?? '—');
    return { n, receipt, brief: buildBrief(n, receipt, categories, s, needed, today) };
  });
}

/**
 * The briefs of the nominations an institution receives now, as the caller decided by the
 * consents (`received`; the partner portal's `receipts`): built from exactly those cases, the
 * consents read again for the data categories — a case whose consent went meanwhile gets none.
 */
export async function receivedBriefs(
  db: Db,
  organisationId: string,
  institution: InstitutionRef,
  received: readonly NominationRow[],
  today = todayInGermany(),
): Promise<Delivery[]> {
  const loaded = await loadReceivedSources(db, organisationId, received);
  const consents = await conferenceConsents(
    db,
    received.map((n) => n.clientId),
  );
  return deliveries(received, institution, consents, loaded, today);
}

/** An institution invited to the conference, or 400 naming the field. */
export async function invitedInstitution(db: Db, c: ConferenceRow, institutionId: string, field: string) {
  const found = (await invitedInstitutions(db, c.id)).find((i) => i.id === institutionId);
  if (!found) throw invalidField(field, 'not invited to this conference');
  return found;
}

/**
 * The briefs an institution would receive now, for the lead to look over before giving out the
 * pack. Not a disclosure (nothing leaves the organisation); a read of each case, audited.
 */
export async function previewBriefs(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  institutionId: string,
): Promise<BriefPreview> {
  assertCan(actor, 'conferences.manage');
  const c = await loadConference(ctx.db, actor, conferenceId);
  const institution = await invitedInstitution(ctx.db, c, institutionId, 'institutionId');
  const rows = await nominationRows(ctx.db, c.id);
  const loaded = await loadSources(ctx.db, actor, rows, institution.id);
  const consents = await conferenceConsents(
    ctx.db,
    rows.map((n) => n.clientId),
  );
  const given = deliveries(rows, institution, consents, loaded, todayInGermany());
  const briefs = given.flatMap((d) => (d.brief ? [d.brief] : []));
  await auditActorMany(
    ctx.db,
    actor,
    given.flatMap((d) =>
      d.brief
        ? [
            {
              action: 'conference.briefs_read' as const,
              entityType: 'conference',
              entityId: c.id,
              subjectClientId: d.n.clientId,
              details: { institution: institution.id, level: d.brief.level },
            },
          ]
        : [],
    ),
  );
  return {
    institution,
    scope: briefs.some((b) => b.level === 'identified')
      ? 'identified'
      : briefs.some((b) => b.level === 'pseudonymised')
        ? 'pseudonymised'
        : null,
    briefs,
    withheld: given.length - briefs.length,
  };
}
