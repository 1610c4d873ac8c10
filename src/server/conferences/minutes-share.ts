/**
 * Who receives what of the minutes: per invited institution and agenda item, decided by part 1's
 * consent checks (`shareWith`, `receiptOf` in sharing.ts) — nothing here decides on its own — and
 * the copy that follows from it, as plain data: the PDF renders it, publishing compares it before
 * and inside its transaction, the minutes page counts it.
 */
import type { Commitment, CommitmentStatus } from '../../contracts/commitments';
import type { MinutesLevel, MinutesReceipt } from '../../contracts/conferences-minutes';
import { todayInGermany } from '../lib/calendar';
import type { ItemSource, MinutesSources } from './minutes-sources';
import { textOf } from './minutes-sources';
import { packTexts } from './pack-texts';
import { type InstitutionRef, receiptOf, shareWith } from './sharing';

type Reason = MinutesReceipt['reason'];

/** How one case reaches one institution: the level, the consent cited, or why not at all. */
export interface CaseShare {
  level: MinutesLevel;
  consentId: string | null;
  reason: Reason;
}

/** A nominated case for an institution: `receiptOf` decides; the reason says why it is held back. */
export function caseShare(s: MinutesSources, item: ItemSource, institution: InstitutionRef, today: string) {
  const n = item.n;
  if (!n) throw new Error('the first item is no case');
  const share = shareWith(s.consents.get(n.clientId) ?? [], institution, today);
  const receipt = receiptOf(n, share);
  if (receipt) return { level: receipt.level, consentId: receipt.consentId, reason: null } as CaseShare;
  const reason: Reason = n.institutionIds.includes(institution.id) ? share.reason : 'not_needed';
  return { level: 'none', consentId: null, reason } as CaseShare;
}

/**
 * A commitment of the first item for an institution: on no case, it goes to all; on a case
 * discussed anonymised, anonymised; else as the case's consent allows that institution, and its
 * own commitments always — without naming a case its consent does not share. Undefined: left out.
 */
export function commitmentShare(
  s: MinutesSources,
  cm: Commitment,
  institution: InstitutionRef,
  today: string,
): CaseShare | null | undefined {
  if (!cm.client) return null;
  if (cm.nominationId && s.anonymisedNominations.has(cm.nominationId))
    return { level: 'anonymised', consentId: null, reason: null };
  const share = shareWith(s.consents.get(cm.client.id) ?? [], institution, today);
  if (share.level !== 'none') return { level: share.level, consentId: share.consentId, reason: null };
  return cm.institution.id === institution.id ? { level: 'none', consentId: null, reason: null } : undefined;
}

const t = packTexts;

/** A case as a reader of the given level sees it named. */
function caseName(s: MinutesSources, clientId: string, level: MinutesLevel | 'staff'): string {
  const row = s.cases.get(clientId)?.row;
  if (level === 'anonymised') return t.anonymousCase;
  if (!row || level === 'none') return 'Fall (nicht für Sie freigegeben)';
  if (level === 'pseudonymised') return t.caseOf(row.caseCode);
  return `${row.givenNames} ${row.familyName} (${row.caseCode})`;
}

export interface DocCommitment {
  case: string | null;
  institution: string;
  responsible: string | null;
  action: string;
  dueDate: string;
  status: CommitmentStatus;
  reportedOn: string | null;
  note: string | null;
}
export interface DocItem {
  heading: string;
  question: string | null;
  text: string;
  commitments: DocCommitment[];
  /** The staff copy: who received the item how. */
  distribution: string[] | null;
}
/** One copy of the minutes, as data. `audience` null: the staff copy. */
export interface MinutesDoc {
  audience: InstitutionRef | null;
  items: DocItem[];
  withheld: number;
}
/** A case an institution's copy carries, for the disclosure log and the audit. */
export interface Carried {
  clientId: string;
  level: MinutesLevel;
  consentId: string | null;
}
export interface InstitutionCopy {
  institution: InstitutionRef;
  doc: MinutesDoc;
  carried: Carried[];
  cases: number;
}

const docCommitment = (cm: Commitment, label: string | null): DocCommitment => ({
  case: label,
  institution: cm.institution.name,
  responsible: cm.contact?.name ?? cm.responsibleName,
  action: cm.action,
  dueDate: cm.dueDate,
  status: cm.status,
  reportedOn: cm.reportedOn,
  note: cm.statusNote,
});

/** The copy one institution receives now: its cases at their level, the others counted only. */
export function institutionCopy(
  s: MinutesSources,
  institution: InstitutionRef,
  today = todayInGermany(),
): InstitutionCopy {
  const carried = new Map<string, Carried>();
  const carry = (clientId: string, share: CaseShare) => {
    if (share.level === 'none' || share.level === 'anonymised' || carried.has(clientId)) return;
    carried.set(clientId, { clientId, ...share });
  };
  const [first, ...cases] = s.items;
  const items: DocItem[] = [];
  if (first) {
    const commitments = first.commitments.flatMap((cm) => {
      const share = commitmentShare(s, cm, institution, today);
      if (share === undefined) return [];
      if (share && cm.client) carry(cm.client.id, share);
      return [docCommitment(cm, share && cm.client ? caseName(s, cm.client.id, share.level) : null)];
    });
    items.push({
      heading: t.commitments,
      question: null,
      text: textOf(first),
      commitments,
      distribution: null,
    });
  }
  let withheld = 0;
  const anonymised: Carried[] = [];
  for (const item of cases) {
    const n = item.n;
    if (!n) continue;
    const share = caseShare(s, item, institution, today);
    if (share.level === 'none') {
      withheld++;
      continue;
    }
    carry(n.clientId, share);
    if (share.level === 'anonymised') anonymised.push({ clientId: n.clientId, ...share });
    items.push({
      heading: caseName(s, n.clientId, share.level),
      question: n.question,
      text: textOf(item),
      commitments: item.commitments.map((cm) => docCommitment(cm, null)),
      distribution: null,
    });
  }
  return {
    institution,
    doc: { audience: institution, items, withheld },
    // Anonymised cases are audited, not logged as disclosures (as the packs do): they name no one.
    carried: [...carried.values(), ...anonymised],
    cases: cases.length - withheld,
  };
}

/** The categories a case's minutes carry: its name when identified, what was said within what the consent covers. */
function categoriesOf(s: MinutesSources, x: Carried): string[] {
  const consent = (s.consents.get(x.clientId) ?? []).find((k) => k.id === x.consentId);
  const covered = (consent?.dataCategories ?? []).filter((k) => k !== 'identity' && k !== 'contact');
  return [...(x.level === 'identified' ? ['identity'] : []), ...covered];
}

/**
 * What the disclosure log records of copies given out: every case a copy carries about a person,
 * with the consent cited. Anonymised cases are audited, not logged (they name no one).
 */
export function disclosuresOf(s: MinutesSources, copies: readonly InstitutionCopy[]) {
  return copies.flatMap((x) =>
    x.carried
      .filter((k) => k.level !== 'anonymised')
      .map((k) => ({
        institution: x.institution,
        clientId: k.clientId,
        dataCategories: categoriesOf(s, k),
        consentId: k.consentId,
      })),
  );
}

/** Why a case is held back, in the staff copy's words. */
const reasons: Record<NonNullable<Reason>, string> = {
  no_consent: 'keine Einwilligung',
  not_named: 'nicht in der Einwilligung genannt',
  expired: 'Einwilligung abgelaufen',
  withdrawn: 'Einwilligung widerrufen',
  not_needed: 'nicht beteiligt',
};

/** The staff copy: every item, every case named, and per case who received it how. */
export function staffCopy(s: MinutesSources, today = todayInGermany()): MinutesDoc {
  const items = s.items.map((item): DocItem => {
    const n = item.n;
    const label = (cm: Commitment) => (cm.client ? caseName(s, cm.client.id, 'staff') : null);
    if (!n)
      return {
        heading: t.commitments,
        question: null,
        text: textOf(item),
        commitments: item.commitments.map((cm) => docCommitment(cm, label(cm))),
        distribution: null,
      };
    const distribution = s.invited.map((i) => {
      const share = caseShare(s, item, i, today);
      return `${i.name}: ${share.level === 'none' ? `nicht freigegeben (${reasons[share.reason ?? 'no_consent']})` : t.level[share.level]}`;
    });
    return {
      heading: `${caseName(s, n.clientId, 'staff')}${n.anonymised ? ' – anonymisiert besprochen' : ''}`,
      question: n.question,
      text: textOf(item),
      commitments: item.commitments.map((cm) => docCommitment(cm, null)),
      distribution,
    };
  });
  return { audience: null, items, withheld: 0 };
}

/** What one institution receives of each item, for the minutes page. */
export function receiptsOf(s: MinutesSources, item: ItemSource, today = todayInGermany()): MinutesReceipt[] {
  return s.invited.map((institution) => {
    if (!item.n) {
      const count = item.commitments.filter(
        (cm) => commitmentShare(s, cm, institution, today) !== undefined,
      ).length;
      return { institution, level: null, reason: null, commitments: count };
    }
    const share = caseShare(s, item, institution, today);
    return {
      institution,
      level: share.level,
      reason: share.reason,
      commitments: share.level === 'none' ? 0 : item.commitments.length,
    };
  });
}
