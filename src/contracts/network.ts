// The network domain: sectors, the institution directory with contact persons, employers' offers,
// the institutions involved in a case and what was disclosed to them.
import { z } from 'zod';
import { districtCode, languageCode } from './clients';
import {
  emailSchema,
  eventDate,
  optionalText,
  pageOf,
  pageQuery,
  text,
  timestamp,
  withVersion,
} from './common';
import { cefrLevels } from './reference';

const level = z.enum(cefrLevels);

export const institutionTypes = [
  'recognition_authority',
  'employment_agency',
  'job_centre',
  'chamber_ihk',
  'chamber_hwk',
  'chamber_professional',
  'training_provider',
  'language_school',
  'immigration_authority',
  'company',
  'counselling_centre',
  'other',
] as const;
export const institutionTypeSchema = z.enum(institutionTypes);
export type InstitutionType = z.infer<typeof institutionTypeSchema>;

export const sector = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() });
export type Sector = z.infer<typeof sector>;
export const sectorBody = z.object({ name: text(100), active: z.boolean().default(true) });

export const institutionFields = {
  name: text(200),
  type: institutionTypeSchema,
  sectorIds: z.array(z.uuid()).max(20).default([]),
  district: districtCode.nullish().transform((v) => v ?? null),
  street: optionalText(200),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'five digits')
    .nullish()
    .transform((v) => v ?? null),
  city: optionalText(120),
  website: z
    .string()
    .trim()
    .max(300)
    .regex(/^https?:\/\/\S+$/, 'a web address starting with http:// or https://')
    .nullish()
    .transform((v) => v ?? null),
  email: emailSchema.nullish().transform((v) => v ?? null),
  phone: optionalText(40),
  notes: optionalText(4000),
  /** False for an institution that closed or no longer works with the centre (kept for the records). */
  active: z.boolean().default(true),
};
export const institutionBody = z.object({
  ...institutionFields,
  ignoreDuplicates: z.boolean().default(false),
});
export const institutionUpdateBody = withVersion(institutionFields);
/** Merges the institution of the path (the duplicate, at its version) into `intoId`. */
export const institutionMergeBody = z.object({ intoId: z.uuid(), version: z.number().int() });

export const contactPersonFields = {
  name: text(160),
  function: optionalText(160),
  email: emailSchema.nullish().transform((v) => v ?? null),
  phone: optionalText(40),
  language: languageCode.nullish().transform((v) => v ?? null),
  /** The person agreed to be contacted (and to be kept in this directory). */
  consentToContact: z.boolean().default(false),
  consentDate: eventDate.nullish().transform((v) => v ?? null),
};
export const contactPersonBody = z.object(contactPersonFields);
export const contactPersonUpdateBody = withVersion(contactPersonFields);
export const contactPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  function: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  consentToContact: z.boolean(),
  consentDate: z.string().nullable(),
  version: z.number().int(),
});
export type ContactPerson = z.infer<typeof contactPerson>;

export const institution = z.object({
  id: z.uuid(),
  name: z.string(),
  type: institutionTypeSchema,
  sectors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  district: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  contacts: z.array(contactPerson),
  version: z.number().int(),
});
export type Institution = z.infer<typeof institution>;

export const institutionListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  type: institutionTypeSchema,
  sectors: z.array(z.string()),
  city: z.string().nullable(),
  district: z.string().nullable(),
  active: z.boolean(),
  contactCount: z.number().int(),
});
export type InstitutionListItem = z.infer<typeof institutionListItem>;

export const institutionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z
    .union([z.array(institutionTypeSchema), institutionTypeSchema])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  sectorId: z.uuid().optional(),
  district: districtCode.optional(),
  /** Inactive institutions are left out unless asked for. */
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  ...pageQuery.shape,
});

export const institutionRef = z.object({ id: z.uuid(), name: z.string(), type: institutionTypeSchema });
export type InstitutionRef = z.infer<typeof institutionRef>;

// --- employers' opportunities ---

export const opportunityKinds = ['internship', 'job', 'trial_work', 'qualification'] as const;
export const opportunityStatuses = ['open', 'filled', 'closed'] as const;
export const opportunityFields = {
  employerId: z.uuid(),
  kind: z.enum(opportunityKinds),
  title: text(300),
  sectorId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  occupationId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  district: districtCode.nullish().transform((v) => v ?? null),
  minLanguageLevel: level.nullish().transform((v) => v ?? null),
  startDate: eventDate.nullish().transform((v) => v ?? null),
  endDate: eventDate.nullish().transform((v) => v ?? null),
  places: z.number().int().min(1).max(1000).default(1),
  status: z.enum(opportunityStatuses).default('open'),
  description: optionalText(4000),
};
export const opportunityBody = z.object(opportunityFields);
export const opportunityUpdateBody = withVersion(opportunityFields);
export const opportunity = z.object({
  id: z.uuid(),
  employer: institutionRef,
  kind: z.enum(opportunityKinds),
  title: z.string(),
  sector: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  occupation: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  district: z.string().nullable(),
  minLanguageLevel: level.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  places: z.number(),
  status: z.enum(opportunityStatuses),
  description: z.string().nullable(),
  version: z.number().int(),
});
export type Opportunity = z.infer<typeof opportunity>;
export const opportunityQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(opportunityKinds).optional(),
  status: z.enum(opportunityStatuses).optional(),
  employerId: z.uuid().optional(),
  sectorId: z.uuid().optional(),
  ...pageQuery.shape,
});

export const involvedInstitution = z.object({
  institution: institutionRef,
  roles: z.array(z.string()),
  lastContact: z
    .object({ on: z.string(), topic: z.string().nullable(), result: z.string().nullable() })
    .nullable(),
});
export type InvolvedInstitution = z.infer<typeof involvedInstitution>;

/** A case the institution is involved in, as the caller may see it. */
export const institutionCase = z.object({
  client: z.object({ id: z.uuid(), caseCode: z.string(), name: z.string(), stage: z.string() }),
  roles: z.array(z.string()),
});
export type InstitutionCase = z.infer<typeof institutionCase>;

export const disclosure = z.object({
  id: z.uuid(),
  recipient: z.string(),
  purpose: z.string(),
  dataCategories: z.array(z.string()),
  at: timestamp,
  by: z.string().nullable(),
});
export type Disclosure = z.infer<typeof disclosure>;

/** A measure or offer of a case that waits for an answer (funding, an employer) for two weeks or more. */

export const sectorList = z.array(sector);
export const institutionPage = pageOf(institutionListItem);
export const institutionCaseList = z.array(institutionCase);
export const opportunityPage = pageOf(opportunity);
/** A contact person of an institution: /api/institutions/:id/contacts/:contactId. */
export const contactParams = z.object({ id: z.uuid(), contactId: z.uuid() });
export const institutionImportResult = z.object({ imported: z.number(), skipped: z.number() });
