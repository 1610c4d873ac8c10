import type { Consent } from '../../contracts/consent';
import type { consents } from '../db/schema';
import { isValidOn } from '../lib/consent';

/** A consent as the case file shows it, with whether it is in force today. */
export function presentConsent(
  c: typeof consents.$inferSelect,
  recordedBy: string | null,
  today: string,
): Consent {
  return {
    id: c.id,
    purposes: c.purposes as Consent['purposes'],
    institutions: c.institutions,
    institutionIds: c.institutionIds,
    dataCategories: c.dataCategories as Consent['dataCategories'],
    scope: c.scope as Consent['scope'],
    formLanguage: c.formLanguage,
    givenOn: c.givenOn,
    validUntil: c.validUntil,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    evidenceDocumentId: c.evidenceDocumentId,
    notes: c.notes,
    active: isValidOn(c, today),
    recordedBy,
    createdAt: c.createdAt.toISOString(),
  };
}
