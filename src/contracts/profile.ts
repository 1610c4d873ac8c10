import { z } from 'zod';
import { countryCode, languageCode } from './clients';
import {
  deadlineDate,
  historyDate,
  optionalDate,
  optionalText,
  text,
  timestamp,
  withVersion,
} from './common';
import { cefrLevels, languageLevels } from './reference';

// --- residence status (a history: each change is a new entry) ---

export const commonLegalBases = [
  '§16d Abs. 1 AufenthG',
  '§16d Abs. 3 AufenthG',
  '§16d Abs. 5 AufenthG',
  '§16d Abs. 6 AufenthG',
  '§18a AufenthG',
  '§18b AufenthG',
  '§18g AufenthG',
  '§19c Abs. 2 AufenthG',
  '§20a AufenthG',
  '§20b AufenthG',
  '§24 AufenthG',
  '§25 AufenthG',
  '§9 AufenthG',
  '§9a AufenthG',
  'Aufenthaltsgestattung',
  'Duldung',
  'Fiktionsbescheinigung',
  'EU-Freizügigkeit',
] as const;
export const employmentPermissions = ['allowed', 'restricted', 'with_permission', 'not_allowed'] as const;

export const residenceFields = {
  legalBasis: text(120),
  validFrom: optionalDate(historyDate),
  validUntil: optionalDate(deadlineDate),
  employmentPermission: z
    .enum(employmentPermissions)
    .nullish()
    .transform((v) => v ?? null),
  weeklyHoursLimit: z
    .number()
    .int()
    .min(0)
    .max(60)
    .nullish()
    .transform((v) => v ?? null),
  residenceObligation: optionalText(200),
  notes: optionalText(2000),
};
export const residenceBody = z.object(residenceFields);
export const residenceUpdateBody = withVersion(residenceFields);
export const residenceEntry = z.object({
  id: z.uuid(),
  legalBasis: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  employmentPermission: z.enum(employmentPermissions).nullable(),
  weeklyHoursLimit: z.number().nullable(),
  residenceObligation: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: timestamp,
  version: z.number().int(),
});
export type ResidenceEntry = z.infer<typeof residenceEntry>;

// --- reference occupations ---

export const occupationSchemes = ['builtin', 'kldb2010', 'esco'] as const;
export const occupation = z.object({
  id: z.uuid(),
  scheme: z.enum(occupationSchemes),
  code: z.string(),
  title: z.string(),
  /** KldB requirement level: 1 helper, 2 skilled, 3 specialist, 4 expert. */
  level: z.number().int().nullable(),
  iscoGroup: z.string().nullable(),
  regulated: z.boolean().nullable(),
});
export type Occupation = z.infer<typeof occupation>;
export const occupationList = z.array(occupation);
export const occupationQuery = z.object({
  q: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
/** How many occupations each scheme holds. */
export const occupationCounts = z.record(z.string(), z.number());
export type OccupationCounts = z.infer<typeof occupationCounts>;
export const occupationImportResult = z.object({ scheme: z.string(), imported: z.number() });
export type OccupationImportResult = z.infer<typeof occupationImportResult>;

// --- foreign qualifications ---

export const anabinStatuses = ['h_plus', 'h_plus_minus', 'h_minus', 'unknown'] as const;
export const qualificationKinds = ['vocational', 'academic'] as const;
export const lawTypes = ['federal', 'state'] as const;

export const qualificationFields = {
  titleOriginal: text(300),
  titleTranslation: optionalText(300),
  country: countryCode,
  institution: optionalText(300),
  anabinStatus: z
    .enum(anabinStatuses)
    .nullish()
    .transform((v) => v ?? null),
  year: z
    .number()
    .int()
    .min(1930)
    .max(2100)
    .nullish()
    .transform((v) => v ?? null),
  iscedLevel: z
    .number()
    .int()
    .min(0)
    .max(8)
    .nullish()
    .transform((v) => v ?? null),
  field: optionalText(200),
  kind: z.enum(qualificationKinds),
  referenceOccupationId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  regulated: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  law: z
    .enum(lawTypes)
    .nullish()
    .transform((v) => v ?? null),
};
export const qualificationBody = z.object(qualificationFields);
export const qualificationUpdateBody = withVersion(qualificationFields);
export const qualification = z.object({
  id: z.uuid(),
  titleOriginal: z.string(),
  titleTranslation: z.string().nullable(),
  country: z.string(),
  institution: z.string().nullable(),
  anabinStatus: z.enum(anabinStatuses).nullable(),
  year: z.number().nullable(),
  iscedLevel: z.number().nullable(),
  field: z.string().nullable(),
  kind: z.enum(qualificationKinds),
  referenceOccupation: occupation.nullable(),
  regulated: z.boolean().nullable(),
  law: z.enum(lawTypes).nullable(),
  version: z.number().int(),
});
export type Qualification = z.infer<typeof qualification>;

// --- work experience ---

export const experienceFields = {
  role: text(200),
  employer: optionalText(200),
  country: countryCode.nullish().transform((v) => v ?? null),
  fromDate: optionalDate(historyDate),
  toDate: optionalDate(historyDate),
  description: optionalText(2000),
};
export const experienceBody = z.object(experienceFields);
export const experienceUpdateBody = withVersion(experienceFields);
export const experience = z.object({
  id: z.uuid(),
  role: z.string(),
  employer: z.string().nullable(),
  country: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  description: z.string().nullable(),
  version: z.number().int(),
});
export type Experience = z.infer<typeof experience>;

// --- language skills ---

export const languageEvidence = [
  'self_assessment',
  'placement_test',
  'goethe',
  'telc',
  'osd',
  'testdaf',
  'dsh',
  'dtz',
  'telc_pflege',
  'medical_language_exam',
  'other_certificate',
] as const;
const level = z
  .enum(cefrLevels)
  .nullish()
  .transform((v) => v ?? null);
export const languageSkillFields = {
  language: languageCode,
  level: z.enum(languageLevels),
  listening: level,
  reading: level,
  writing: level,
  speaking: level,
  evidence: z
    .enum(languageEvidence)
    .nullish()
    .transform((v) => v ?? null),
  assessedOn: optionalDate(historyDate),
};
export const languageSkillBody = z.object(languageSkillFields);
export const languageSkillUpdateBody = withVersion(languageSkillFields);
export const languageSkill = z.object({
  id: z.uuid(),
  language: z.string(),
  level: z.enum(languageLevels),
  listening: z.enum(cefrLevels).nullable(),
  reading: z.enum(cefrLevels).nullable(),
  writing: z.enum(cefrLevels).nullable(),
  speaking: z.enum(cefrLevels).nullable(),
  evidence: z.enum(languageEvidence).nullable(),
  assessedOn: z.string().nullable(),
  version: z.number().int(),
});
export type LanguageSkill = z.infer<typeof languageSkill>;

export { languageCode };
