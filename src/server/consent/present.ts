import { type Consent, consentContradiction } from '../../contracts/consent';
import type { consents } from '../db/schema';
import { isValidOn, nameKeys } from '../lib/consent';
import { normalise } from '../lib/search-text';

type ConsentRow = typeof consents.$inferSelect;

/** Whether a stored record contradicts itself (records from before the rule was enforced may). */
export const contradictionOf = (c: Pick<ConsentRow, 'purposes' | 'institutions' | 'institutionIds'>) =>
  consentContradiction(c.purposes, c.institutions.length + c.institutionIds.length);

/**
 * The recipients as one list: those picked from the directory under its current name, then the
 * names written in that are not one of them (the record keeps the directory's names in words too).
 */
function recipientsOf(c: ConsentRow, directory: Map<string, string>): Consent['recipients'] {
  const picked = c.institutionIds.flatMap((id) => {
    const name = directory.get(id);
    return name ? [{ institutionId: id, name }] : [];
  });
  const pickedKeys = new Set(nameKeys(picked.map((p) => p.name)));
  const named = c.institutions
    .filter((n) => !pickedKeys.has(normalise(n)))
    .map((name) => ({ institutionId: null, name }));
  return [...picked, ...named];
}

/** A consent as the case file shows it, with whether it is in force today. */
export function presentConsent(
  c: ConsentRow,
  recordedBy: string | null,
  today: string,
  directory: Map<string, string>,
): Consent {
  return {
    id: c.id,
    purposes: c.purposes as Consent['purposes'],
    institutions: c.institutions,
    institutionIds: c.institutionIds,
    recipients: recipientsOf(c, directory),
    dataCategories: c.dataCategories as Consent['dataCategories'],
    scope: c.scope as Consent['scope'],
    formLanguage: c.formLanguage,
    givenOn: c.givenOn,
    validUntil: c.validUntil,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    evidenceDocumentId: c.evidenceDocumentId,
    notes: c.notes,
    active: isValidOn(c, today),
    contradiction: contradictionOf(c),
    replacedBy: c.replacedBy,
    recordedBy,
    createdAt: c.createdAt.toISOString(),
  };
}
