import { z } from 'zod';
import { languageCode } from './clients';
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

export const consentFields = {
  purposes: z.array(z.enum(consentPurposes)).min(1).max(4),
  /** Named receiving institutions; a blanket "to the authorities" consent is invalid for sharing. */
  institutions: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  institutionIds: z.array(z.uuid()).max(30).default([]),
  dataCategories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
  scope: z.enum(consentScopes).default('pseudonymised'),
  formLanguage: languageCode.default('deu'),
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
  dataCategories: z.array(z.enum(dataCategories)),
  scope: z.enum(consentScopes),
  formLanguage: z.string(),
  givenOn: z.string(),
  validUntil: z.string().nullable(),
  withdrawnAt: timestamp.nullable(),
  evidenceDocumentId: z.uuid().nullable(),
  notes: z.string().nullable(),
  /** Valid now: given, not expired, not withdrawn. */
  active: z.boolean(),
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
  language: z.enum(['de', 'en']).default('de'),
  purposes: z.union([z.array(z.string().max(40)).max(consentPurposes.length), z.string().max(40)]).optional(),
  institutions: z.string().max(2000).optional().describe('Receiving institutions, separated by ";"'),
  scope: z.enum(consentScopes).default('pseudonymised'),
});
export type ConsentFormQuery = z.infer<typeof consentFormQuery>;
