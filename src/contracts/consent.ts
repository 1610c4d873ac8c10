import { z } from 'zod';
import { deadlineDate, eventDate, timestamp } from './common';

export const consentPurposes = [
  'counselling_record',
  'conference_sharing',
  'institution_sharing',
  'employer_profile',
] as const;
export const consentScopes = ['pseudonymised', 'identified'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export type ConsentScope = (typeof consentScopes)[number];
/** What may be shared; health and other special categories need explicit consent by name. */
export const dataCategories = [
  'identity',
  'contact',
  'qualifications',
  'recognition',
  'language',
  'employment',
  'residence',
  'benefits',
  'health',
] as const;

/**
 * The purposes that pass data to named recipients. Each needs at least one recipient, and a
 * recipient needs one of them: a named institution without such a purpose receives nothing, and
 * a record saying otherwise misleads whoever reads it.
 */
export const recipientPurposes = [
  'conference_sharing',
  'institution_sharing',
  'employer_profile',
] as const satisfies ConsentPurpose[];
export const consentContradictions = ['recipients_without_purpose', 'purpose_without_recipients'] as const;
export type ConsentContradiction = (typeof consentContradictions)[number];

/** Whether one of the purposes passes data to named recipients. */
export const passesToRecipients = (purposes: readonly string[]) =>
  purposes.some((p) => (recipientPurposes as readonly string[]).includes(p));

/** Whether purposes and recipients of a consent contradict each other, and how. */
export function consentContradiction(
  purposes: readonly string[],
  recipients: number,
): ConsentContradiction | null {
  const passes = passesToRecipients(purposes);
  if (recipients > 0 && !passes) return 'recipients_without_purpose';
  if (recipients === 0 && passes) return 'purpose_without_recipients';
  return null;
}

/**
 * The languages the printable consent form is written in (server/consent/form.ts), by the code a
 * consent records (ISO 639-3) → the code of the print link. The client signs the printed form,
 * so a consent is recorded in one of these; an interpreter who explains it in another language
 * signs on the form's own line for that.
 */
export const consentFormLanguages = { deu: 'de', eng: 'en' } as const;
export type ConsentFormLanguage = keyof typeof consentFormLanguages;
export type PrintLanguage = (typeof consentFormLanguages)[ConsentFormLanguage];
export const consentFormLanguageCodes = Object.keys(consentFormLanguages) as [
  ConsentFormLanguage,
  ...ConsentFormLanguage[],
];
const printLanguages = Object.values(consentFormLanguages) as [PrintLanguage, ...PrintLanguage[]];

export const consentFields = {
  purposes: z.array(z.enum(consentPurposes)).min(1).max(4),
  /**
   * The recipients: by name where they are not in the network directory, by directory id where
   * they are. Together they are the one list of recipients the signed form names; a blanket "to
   * the authorities" consent is invalid for sharing.
   */
  institutions: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  institutionIds: z.array(z.uuid()).max(30).default([]),
  dataCategories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
  scope: z.enum(consentScopes).default('pseudonymised'),
  formLanguage: z.enum(consentFormLanguageCodes).default('deu'),
  givenOn: eventDate,
  validUntil: deadlineDate.nullish().transform((v) => v ?? null),
  evidenceDocumentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  notes: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => v ?? null),
};
export const consentBody = z.object(consentFields);
export type ConsentBody = z.input<typeof consentBody>;

export const consent = z.object({
  id: z.uuid(),
  purposes: z.array(z.enum(consentPurposes)),
  institutions: z.array(z.string()),
  institutionIds: z.array(z.uuid()),
  /** The recipients as one list: each from the directory (with its id) or named in words. */
  recipients: z.array(z.object({ institutionId: z.uuid().nullable(), name: z.string() })),
  dataCategories: z.array(z.enum(dataCategories)),
  scope: z.enum(consentScopes),
  /** Records from before the form languages were fixed may hold another language. */
  formLanguage: z.string(),
  givenOn: z.string(),
  validUntil: z.string().nullable(),
  withdrawnAt: timestamp.nullable(),
  evidenceDocumentId: z.uuid().nullable(),
  notes: z.string().nullable(),
  /** Valid now: given, not expired, not withdrawn. */
  active: z.boolean(),
  /** A record that contradicts itself (see `consentContradiction`), to be corrected. */
  contradiction: z.enum(consentContradictions).nullable(),
  /** The record that corrected this one; it ended when the correction was recorded. */
  replacedBy: z.uuid().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: timestamp,
});
export type Consent = z.infer<typeof consent>;

/** What may be shared with whom right now, derived from the active consents. */
export const sharingSummary = z.object({
  counsellingRecord: z.boolean(),
  conferences: z.object({ allowed: z.boolean(), scope: z.enum(consentScopes).nullable() }),
  institutions: z.array(
    z.object({
      name: z.string(),
      scope: z.enum(consentScopes),
      dataCategories: z.array(z.string()),
      until: z.string().nullable(),
    }),
  ),
  employers: z.array(z.object({ name: z.string(), until: z.string().nullable() })),
});
export type SharingSummary = z.infer<typeof sharingSummary>;

export const consentOverview = z.object({ consents: z.array(consent), sharing: sharingSummary });
export type ConsentOverview = z.infer<typeof consentOverview>;

/** What the printable consent form is pre-filled with. */
export const consentFormQuery = z.object({
  language: z.enum(printLanguages).default('de'),
  purposes: z.union([z.array(z.string().max(40)).max(consentPurposes.length), z.string().max(40)]).optional(),
  institutions: z.string().max(2000).optional().describe('Receiving institutions, separated by ";"'),
  scope: z.enum(consentScopes).default('pseudonymised'),
});
export type ConsentFormQuery = z.infer<typeof consentFormQuery>;
