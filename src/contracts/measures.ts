// The measures domain: the catalogue, a case's measures and offers, matching, follow-ups.
import { z } from 'zod';
import { districtCode } from './clients';
import { eventDate, optionalText, pageOf, pageQuery, text, timestamp, withVersion } from './common';
import { disclosure, institutionRef, involvedInstitution, opportunity, opportunityKinds } from './network';
import { compensationMeasures } from './recognition';
import { cefrLevels } from './reference';

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
  startDates: z.array(eventDate).max(24).default([]),
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
  startDate: eventDate.nullish(),
  endDate: eventDate.nullish(),
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
  /** Without the case's German level no language course is suggested: the counsellor is asked for it. */
  germanLevelKnown: z.boolean(),
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

export const followUpList = z.array(followUp);
export const measurePage = pageOf(measure);
export const candidateList = z.array(candidate);
export const acquisitionList = z.array(acquisition);
export const placementList = z.array(placement);
