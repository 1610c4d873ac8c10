import { z } from 'zod';
import { districtCode, languageCode } from './clients';
import { emailSchema, isoDate, optionalText, pageQuery, text, timestamp, withVersion } from './common';
import { compensationMeasures } from './recognition';
import { cefrLevels } from './reference';

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
  consentDate: isoDate.nullish().transform((v) => v ?? null),
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

// --- measures ---

export const measureTypes = [
  'adaptation_qualification',
  'exam_preparation',
  'advanced_training',
  'language_course',
  'internship',
  'bridging_course',
  'coaching',
  'other',
] as const;
export const fundingTypes = [
  'recognition_grant',
  'recognition_grant_qualification',
  'placement_budget',
  'activation_voucher',
  'training_voucher',
  'iq_programme',
  'land_programme',
  'aufstiegs_bafoeg',
  'employer',
  'self_paid',
] as const;
const level = z.enum(cefrLevels);

export const measureFields = {
  title: text(300),
  type: z.enum(measureTypes),
  providerId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  sectorIds: z.array(z.uuid()).max(20).default([]),
  occupationIds: z.array(z.uuid()).max(30).default([]),
  online: z.boolean().default(false),
  place: optionalText(200),
  district: districtCode.nullish().transform((v) => v ?? null),
  startDates: z.array(isoDate).max(24).default([]),
  durationWeeks: z
    .number()
    .int()
    .min(0)
    .max(260)
    .nullish()
    .transform((v) => v ?? null),
  teachingUnits: z
    .number()
    .int()
    .min(0)
    .max(10000)
    .nullish()
    .transform((v) => v ?? null),
  capacity: z
    .number()
    .int()
    .min(0)
    .max(10000)
    .nullish()
    .transform((v) => v ?? null),
  costCents: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .nullish()
    .transform((v) => v ?? null),
  funders: z.array(z.enum(fundingTypes)).max(fundingTypes.length).default([]),
  minLanguageLevel: level.nullish().transform((v) => v ?? null),
  entryLevel: level.nullish().transform((v) => v ?? null),
  targetLevel: level.nullish().transform((v) => v ?? null),
  /** Compensation measures this measure prepares for (adaptation period, knowledge test, …). */
  compensates: z.array(z.enum(compensationMeasures)).max(compensationMeasures.length).default([]),
  description: optionalText(4000),
  active: z.boolean().default(true),
};
export const measureBody = z.object(measureFields);
export const measureUpdateBody = withVersion(measureFields);
export const measure = z.object({
  id: z.uuid(),
  title: z.string(),
  type: z.enum(measureTypes),
  provider: institutionRef.nullable(),
  sectors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  occupations: z.array(z.object({ id: z.uuid(), title: z.string() })),
  online: z.boolean(),
  place: z.string().nullable(),
  district: z.string().nullable(),
  startDates: z.array(z.string()),
  durationWeeks: z.number().nullable(),
  teachingUnits: z.number().nullable(),
  capacity: z.number().nullable(),
  /** Clients whose place in the measure is funded or who have started it. */
  participants: z.number().int(),
  costCents: z.number().nullable(),
  funders: z.array(z.enum(fundingTypes)),
  minLanguageLevel: level.nullable(),
  entryLevel: level.nullable(),
  targetLevel: level.nullable(),
  compensates: z.array(z.string()),
  description: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Measure = z.infer<typeof measure>;
export const measureQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(measureTypes).optional(),
  sectorId: z.uuid().optional(),
  providerId: z.uuid().optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  ...pageQuery.shape,
});

// --- a measure acquired for a client ---

export const acquisitionStatuses = [
  'proposed',
  'applied',
  'funding_requested',
  'funded',
  'started',
  'completed',
  'dropped',
  'rejected',
] as const;
export const acquisitionStatus = z.enum(acquisitionStatuses);

/**
 * How a status may move: forward along its path (skipping is allowed: a self-paid course needs
 * no funding), or to an early end; a final status stays.
 */
export interface StatusFlow {
  path: readonly string[];
  ends: readonly string[];
  finals: readonly string[];
}
export const acquisitionFlow: StatusFlow = {
  path: acquisitionStatuses.slice(0, 6),
  ends: ['dropped', 'rejected'],
  finals: ['completed', 'dropped', 'rejected'],
};
/** Why a move is not allowed, or null when it is. */
export function moveProblem(flow: StatusFlow, from: string, to: string): 'final' | 'back' | null {
  if (from === to) return null;
  if (flow.finals.includes(from)) return 'final';
  if (flow.ends.includes(to)) return null;
  return flow.path.indexOf(to) < flow.path.indexOf(from) ? 'back' : null;
}
/** The statuses an entry may move to from its current one (itself included). */
export const allowedStatuses = (flow: StatusFlow, from: string) =>
  [...flow.path, ...flow.ends].filter((to) => moveProblem(flow, from, to) === null);
export type AcquisitionStatus = z.infer<typeof acquisitionStatus>;
export const acquisitionBody = z.object({
  measureId: z.uuid(),
  note: optionalText(2000),
});
export const acquisitionUpdateBody = z.object({
  version: z.number().int(),
  status: acquisitionStatus.optional(),
  funderId: z.uuid().nullish(),
  fundingType: z.enum(fundingTypes).nullish(),
  amountCents: z.number().int().min(0).max(100_000_000).nullish(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  outcomeNote: z.string().trim().max(2000).nullish(),
});
export const acquisition = z.object({
  id: z.uuid(),
  measure: z.object({
    id: z.uuid(),
    title: z.string(),
    type: z.enum(measureTypes),
    provider: z.string().nullable(),
  }),
  status: acquisitionStatus,
  history: z.array(z.object({ status: acquisitionStatus, at: timestamp, by: z.string().nullable() })),
  funder: institutionRef.nullable(),
  fundingType: z.enum(fundingTypes).nullable(),
  amountCents: z.number().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  version: z.number().int(),
});
export type Acquisition = z.infer<typeof acquisition>;

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
  startDate: isoDate.nullish().transform((v) => v ?? null),
  endDate: isoDate.nullish().transform((v) => v ?? null),
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

export const placementStatuses = [
  'suggested',
  'introduced',
  'interview',
  'offer',
  'started',
  'declined',
] as const;
export const placementStatus = z.enum(placementStatuses);
export type PlacementStatus = z.infer<typeof placementStatus>;
export const placementFlow: StatusFlow = {
  path: placementStatuses.slice(0, 5),
  ends: ['declined'],
  finals: ['started', 'declined'],
};
export const placementBody = z.object({ opportunityId: z.uuid() });
export const placementUpdateBody = z.object({
  version: z.number().int(),
  status: placementStatus.optional(),
  employerFeedback: z.string().trim().max(2000).nullish(),
});
export const placement = z.object({
  id: z.uuid(),
  opportunity: z.object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(opportunityKinds),
    employer: institutionRef,
  }),
  status: placementStatus,
  history: z.array(z.object({ status: placementStatus, at: timestamp, by: z.string().nullable() })),
  employerFeedback: z.string().nullable(),
  version: z.number().int(),
});
export type Placement = z.infer<typeof placement>;

// --- matching ---

export const reasonSchema = z.object({ code: z.string(), detail: z.string().nullable() });
export const measureSuggestion = z.object({
  measure,
  score: z.number(),
  reasons: z.array(reasonSchema),
  warnings: z.array(reasonSchema),
});
export const opportunitySuggestion = z.object({
  opportunity,
  score: z.number(),
  reasons: z.array(reasonSchema),
  warnings: z.array(reasonSchema),
});
export const suggestions = z.object({
  measures: z.array(measureSuggestion),
  opportunities: z.array(opportunitySuggestion),
});
export type Suggestions = z.infer<typeof suggestions>;
export const candidate = z.object({
  client: z.object({
    id: z.uuid(),
    caseCode: z.string(),
    name: z.string(),
    stage: z.string(),
    owner: z.string(),
  }),
  /** Where the case stands with this offer, if it was suggested already. */
  placement: z.enum(placementStatuses).nullable(),
  score: z.number(),
  reasons: z.array(reasonSchema),
  warnings: z.array(reasonSchema),
});
export type Candidate = z.infer<typeof candidate>;

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
export const followUp = z.object({
  id: z.uuid(),
  kind: z.enum(['measure', 'offer']),
  client: z.object({ id: z.uuid(), caseCode: z.string(), name: z.string() }),
  title: z.string(),
  counterpart: z.string().nullable(),
  status: z.string(),
  since: timestamp,
});
export type FollowUp = z.infer<typeof followUp>;

/** The network part of a case file: measures acquired, offers pursued, who is involved, what went out. */
export const caseNetwork = z.object({
  acquisitions: z.array(acquisition),
  placements: z.array(placement),
  involved: z.array(involvedInstitution),
  disclosures: z.array(disclosure),
});
export type CaseNetwork = z.infer<typeof caseNetwork>;
