import { z } from 'zod';
import { clientListQuery, duplicateCandidate } from './clients';

/** The fields a client list can be imported into, in the order the import form shows them. */
export const importFields = [
  'familyName',
  'givenNames',
  'familyNameOriginal',
  'givenNamesOriginal',
  'birthDate',
  'gender',
  'citizenships',
  'birthCountry',
  'languages',
  'email',
  'phone',
  'street',
  'postcode',
  'city',
  'district',
  'arrivalDate',
  'referralSource',
  'benefits',
  'intakeDate',
  'notes',
] as const;
export const importFieldSchema = z.enum(importFields);
export type ImportField = z.infer<typeof importFieldSchema>;

export const caseExportQuery = clientListQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** Which column of the sheet (0-based) goes into which field. */
export const importMappingBody = z.object({
  mapping: z.partialRecord(importFieldSchema, z.number().int().min(0).max(500)),
});
export type ImportMapping = z.infer<typeof importMappingBody>['mapping'];

export const importUpload = z.object({
  id: z.uuid(),
  filename: z.string(),
  columns: z.array(z.string()),
  rowCount: z.number(),
  sample: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.number()),
});
export type ImportUpload = z.infer<typeof importUpload>;

export const importProblem = z.object({
  row: z.number(),
  field: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  /** A case already in Lotse that may be this row's person, as the duplicate check at intake shows it. */
  duplicate: duplicateCandidate.optional(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importCheck = z.object({
  rowCount: z.number(),
  validCount: z.number(),
  errorRows: z.number(),
  problems: z.array(importProblem),
  canCommit: z.boolean(),
});
export type ImportCheck = z.infer<typeof importCheck>;

export const importCommitted = z.object({ imported: z.number() });
