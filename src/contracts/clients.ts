import { z } from 'zod';
import {
  birthDate,
  emailSchema,
  eventDate,
  historyDate,
  jsonObject,
  optionalDate,
  optionalText,
  pageOf,
  pageQuery,
  text,
  timestamp,
  withVersion,
} from './common';
import { countryCodes } from './reference';

export const stages = [
  'intake',
  'profiling',
  'planning',
  'in_measures',
  'job_search',
  'placed',
  'closed',
] as const;
export const stageSchema = z.enum(stages);
export type Stage = z.infer<typeof stageSchema>;

export const closingOutcomes = [
  'employed_matching',
  'employed_below',
  'in_training',
  'moved_away',
  'no_contact',
  'other',
] as const;
export const closingOutcomeSchema = z.enum(closingOutcomes);

export const genders = ['female', 'male', 'diverse', 'not_stated'] as const;
export const referralSources = [
  'self',
  'social_environment',
  'job_centre',
  'employment_agency',
  'internet',
  'other_services',
  'other',
] as const;
/** Benefits are social data, a sensitive question: the person may choose not to answer. */
export const benefitTypes = ['sgb2', 'sgb3', 'asylblg', 'none', 'no_answer'] as const;
/** ESF Plus: the labour-market situation at entry. Sensitive questions allow "no answer". */
export const entryEmploymentStatuses = [
  'employed',
  'self_employed',
  'unemployed',
  'long_term_unemployed',
  'inactive',
  'no_answer',
] as const;
/** ESF Plus result within four weeks of leaving: employed and job-seeking exclude each other. */
export const exitLabourStatuses = ['employed', 'job_seeking', 'neither', 'no_answer'] as const;
/** Employment six months after leaving, qualification-adequate or not. */
export const followUpEmployments = [
  'employed_matching',
  'employed_below',
  'not_employed',
  'no_answer',
] as const;

export const countryCode = z.enum(countryCodes as [string, ...string[]]);
export const languageCode = z.string().regex(/^[a-z]{3}$/, 'ISO 639-3 code');
export const districtCode = z.string().regex(/^\d{5}$/, 'five-digit district key');

/** Everything about the person; only names and intake date are required. */
export const clientFields = {
  givenNames: text(120),
  familyName: text(120),
  givenNamesOriginal: optionalText(120),
  familyNameOriginal: optionalText(120),
  birthDate: optionalDate(birthDate),
  gender: z
    .enum(genders)
    .nullish()
    .transform((v) => v ?? null),
  citizenships: z.array(countryCode).max(5).default([]),
  birthCountry: countryCode.nullish().transform((v) => v ?? null),
  languages: z.array(languageCode).max(20).default([]),
  email: emailSchema.nullish().transform((v) => v ?? null),
  phone: optionalText(40),
  street: optionalText(200),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'five digits')
    .nullish()
    .transform((v) => v ?? null),
  city: optionalText(120),
  district: districtCode.nullish().transform((v) => v ?? null),
  /** The sector of the case (the organisation's list): conferences and matching use it. */
  sectorId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  arrivalDate: optionalDate(historyDate),
  referralSource: z
    .enum(referralSources)
    .nullish()
    .transform((v) => v ?? null),
  benefits: z
    .enum(benefitTypes)
    .nullish()
    .transform((v) => v ?? null),
  /** ESF Plus: the situation on the labour market when the case began (asked at intake). */
  employmentStatusAtEntry: z
    .enum(entryEmploymentStatuses)
    .nullish()
    .transform((v) => v ?? null),
  /** Social data from the job centre: shown masked, passed on only with a new legal basis. */
  jobcentreCustomerNumber: optionalText(40),
  currentEmployer: optionalText(200),
  currentHoursPerWeek: z
    .number()
    .min(0)
    .max(80)
    .nullish()
    .transform((v) => v ?? null),
  currentJobBelowQualification: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  intakeDate: eventDate,
  notes: optionalText(4000),
};

export const createClientBody = z.object({
  ...clientFields,
  /** Set to create the case although the duplicate check found a match. */
  ignoreDuplicates: z.boolean().default(false),
});
export type CreateClientBody = z.input<typeof createClientBody>;

export const updateClientBody = withVersion(clientFields);
export type UpdateClientBody = z.input<typeof updateClientBody>;

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

/**
 * ESF Plus results of a closed case: within four weeks of leaving (`exit…`) and six months later
 * (`followUp…`). The dates say when the person was asked: not in the future (the `birth` range ends
 * today), not before the case was closed (the server checks that). The card sends all of them.
 */
export const exitResultsBody = z.object({
  exitRecordedOn: optionalDate(birthDate),
  exitLabour: nullable(z.enum(exitLabourStatuses)),
  exitInEducation: nullable(z.boolean()),
  exitQualificationGained: nullable(z.boolean()),
  followUpRecordedOn: optionalDate(birthDate),
  followUpEmployment: nullable(z.enum(followUpEmployments)),
  version: z.number().int(),
});
export type ExitResultsBody = z.input<typeof exitResultsBody>;
export type ExitResults = Omit<z.output<typeof exitResultsBody>, 'version'>;
const exitFields = [
  'exitRecordedOn',
  'exitLabour',
  'exitInEducation',
  'exitQualificationGained',
  'followUpRecordedOn',
  'followUpEmployment',
] as const;

/** Why answers do not fit together or the case: the server refuses with it, the form says it first. */
export type ExitResultsProblem = {
  path: (typeof exitFields)[number];
  code: 'not_closed' | 'date_needed' | 'answer_needed' | 'before_closing';
};

/**
 * The first problem of results for a case closed on `closedOn` (null: open): only a closed case has
 * them; each part has the day it was asked, not before the closing day, and its answer ("no
 * answer" is one).
 */
export function exitResultsProblem(r: ExitResults, closedOn: string | null): ExitResultsProblem | null {
  const problem = (path: ExitResultsProblem['path'], code: ExitResultsProblem['code']) => ({ path, code });
  if (!closedOn) {
    const given = exitFields.find((k) => r[k] !== null);
    return given ? problem(given, 'not_closed') : null;
  }
  const atExit = r.exitLabour !== null || r.exitInEducation !== null || r.exitQualificationGained !== null;
  if (atExit && !r.exitRecordedOn) return problem('exitRecordedOn', 'date_needed');
  if (r.exitRecordedOn) {
    if (r.exitRecordedOn < closedOn) return problem('exitRecordedOn', 'before_closing');
    if (r.exitLabour === null) return problem('exitLabour', 'answer_needed');
    if (r.exitInEducation === null) return problem('exitInEducation', 'answer_needed');
    if (r.exitQualificationGained === null) return problem('exitQualificationGained', 'answer_needed');
  }
  if (r.followUpEmployment !== null && !r.followUpRecordedOn)
    return problem('followUpRecordedOn', 'date_needed');
  if (r.followUpRecordedOn) {
    if (r.followUpRecordedOn < closedOn) return problem('followUpRecordedOn', 'before_closing');
    if (r.followUpEmployment === null) return problem('followUpEmployment', 'answer_needed');
  }
  return null;
}

const exitResultsShape = {
  exitRecordedOn: z.string().nullable(),
  exitLabour: z.enum(exitLabourStatuses).nullable(),
  exitInEducation: z.boolean().nullable(),
  exitQualificationGained: z.boolean().nullable(),
  followUpRecordedOn: z.string().nullable(),
  followUpEmployment: z.enum(followUpEmployments).nullable(),
};

export const userRef = z.object({ id: z.uuid(), name: z.string() });
export type UserRef = z.infer<typeof userRef>;

export const clientDetail = z.object({
  id: z.uuid(),
  caseCode: z.string(),
  stage: stageSchema,
  closingOutcome: closingOutcomeSchema.nullable(),
  owner: userRef,
  counsellors: z.array(userRef),
  givenNames: z.string(),
  familyName: z.string(),
  givenNamesOriginal: z.string().nullable(),
  familyNameOriginal: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.enum(genders).nullable(),
  citizenships: z.array(z.string()),
  birthCountry: z.string().nullable(),
  languages: z.array(z.string()),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  sectorId: z.uuid().nullable(),
  arrivalDate: z.string().nullable(),
  referralSource: z.enum(referralSources).nullable(),
  benefits: z.enum(benefitTypes).nullable(),
  employmentStatusAtEntry: z.enum(entryEmploymentStatuses).nullable(),
  jobcentreCustomerNumber: z.string().nullable(),
  currentEmployer: z.string().nullable(),
  currentHoursPerWeek: z.number().nullable(),
  currentJobBelowQualification: z.boolean().nullable(),
  intakeDate: z.string(),
  notes: z.string().nullable(),
  /** The day the case was closed (in Germany); null while it is open. */
  closedOn: z.string().nullable(),
  ...exitResultsShape,
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string().nullable(),
  version: z.number().int(),
  /** What the viewer may do with this case. */
  canEdit: z.boolean(),
  canReassign: z.boolean(),
});
export type ClientDetail = z.infer<typeof clientDetail>;

/**
 * A case that may be the same person. Id, case code, name and birth date only for a case the
 * caller may open; of any other the caller learns only that it exists and whom to ask: its owner,
 * who knows the person and can share or hand the case over.
 */
export const duplicateCandidate = z.object({
  visible: z.boolean(),
  id: z.uuid().nullable(),
  caseCode: z.string().nullable(),
  name: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** Whom to ask: the owner of the case (a name). */
  owner: z.string(),
  reason: z.enum(['name_and_birth_date', 'email']),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;
export const duplicateCandidateList = z.array(duplicateCandidate);
/** Checked are the full family name with the birth date (given names too, when typed), or the e-mail. */
export const duplicateCheckBody = z.object({
  givenNames: z.string().trim().max(120).default(''),
  familyName: z.string().trim().max(120).default(''),
  birthDate: birthDate.nullish(),
  email: z.string().trim().max(254).nullish(),
  excludeId: z.uuid().optional(),
});

export const clientSorts = [
  'name',
  '-name',
  'intake',
  '-intake',
  'updated',
  '-updated',
  'stage',
  '-stage',
  'code',
  '-code',
] as const;

const csv = <T extends z.ZodType>(item: T) =>
  z
    .union([z.array(item), item])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));

export const clientListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  stage: csv(stageSchema),
  counsellorId: z.uuid().optional(),
  occupationId: z.uuid().optional(),
  country: countryCode.optional().describe('Country of a foreign qualification'),
  outcome: z.string().max(40).optional().describe('Recognition outcome of any procedure'),
  language: languageCode.optional().describe('Language skill (default: German) at or above minLevel'),
  minLevel: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).optional(),
  overdueSteps: z.coerce.boolean().optional(),
  includeClosed: z.coerce.boolean().optional(),
  sort: z.enum(clientSorts).default('name'),
});
export type ClientListQuery = z.input<typeof clientListQuery>;
export type ClientListFilter = z.infer<typeof clientListQuery>;

export const clientListItem = z.object({
  id: z.uuid(),
  caseCode: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  originalName: z.string().nullable(),
  birthDate: z.string().nullable(),
  stage: stageSchema,
  owner: userRef,
  intakeDate: z.string(),
  updatedAt: timestamp,
  referenceOccupation: z.string().nullable(),
  overdueSteps: z.number().int(),
  /** Restricted (Art. 18): listed so that its counsellors see it, but it cannot be opened. */
  restricted: z.boolean(),
});
export type ClientListItem = z.infer<typeof clientListItem>;
export const clientPage = pageOf(clientListItem).extend({
  /** The count stopped at `total`: there are more. */
  totalCapped: z.boolean(),
});
export type ClientPage = z.infer<typeof clientPage>;

export const transitionBody = z.object({
  to: stageSchema,
  version: z.number().int(),
  reason: z.string().trim().max(1000).optional(),
  outcome: closingOutcomeSchema.optional(),
});
export type TransitionBody = z.input<typeof transitionBody>;

export const handoverBody = z.object({
  toUserId: z.uuid(),
  note: z.string().trim().max(2000).optional(),
  keepPreviousOwner: z.boolean().default(true),
  version: z.number().int(),
});
export const counsellorsBody = z.object({ userIds: z.array(z.uuid()).max(20), version: z.number().int() });
/** The case after its further counsellors changed; null when the caller no longer sees it. */
export const counsellorsResult = z.object({ client: clientDetail.nullable() });
export const bulkReassignResult = z.object({ moved: z.number() });
export const bulkReassignBody = z.object({
  clientIds: z.array(z.uuid()).min(1).max(500),
  toUserId: z.uuid(),
  note: z.string().trim().max(2000).optional(),
});

export const savedFilter = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
});
export type SavedFilter = z.infer<typeof savedFilter>;
export const savedFilterList = z.array(savedFilter);
/** The query is the case list's address parameters (a search of 100 characters, some ids and codes). */
export const savedFilterBody = z.object({ name: text(80), query: jsonObject(2000) });

export const timelineEntry = z.object({
  at: timestamp,
  kind: z.string(),
  /** Codes the web translates (stages, outcomes, purposes); the title is shown as it is. */
  codes: z.array(z.string()),
  title: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;
