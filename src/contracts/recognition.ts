import { z } from 'zod';
import { eventDate, optionalDate, optionalText, text, withVersion } from './common';
import { occupation } from './profile';

export const procedureTypes = ['recognition', 'zab'] as const;
/** Outcomes of both kinds; the web offers the ones that fit the type and whether the occupation is regulated. */
export const procedureOutcomes = [
  'pending',
  'full',
  'partial',
  'none',
  'equivalent',
  'compensation_required',
  'rejected',
  'rejected_no_cooperation',
  'withdrawn',
  'objection_pending',
  'zab_comparable',
  'zab_partly_comparable',
  'zab_not_comparable',
] as const;
export const outcomesFor = {
  nonRegulated: [
    'pending',
    'full',
    'partial',
    'none',
    'rejected_no_cooperation',
    'withdrawn',
    'objection_pending',
  ],
  regulated: [
    'pending',
    'equivalent',
    'compensation_required',
    'rejected',
    'rejected_no_cooperation',
    'withdrawn',
    'objection_pending',
  ],
  zab: ['pending', 'zab_comparable', 'zab_partly_comparable', 'zab_not_comparable', 'withdrawn'],
} as const;
export const compensationMeasures = [
  'adaptation_period',
  'aptitude_test',
  'knowledge_test',
  'adaptation_qualification',
  'skills_analysis',
] as const;
export const documentKinds = [
  'application',
  'cv',
  'id',
  'certificate',
  'transcript',
  'proof_of_experience',
  'translation',
  'other',
] as const;

export const checklistItem = z.object({
  kind: z.enum(documentKinds),
  label: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v ?? null),
  present: z.boolean().default(false),
  certifiedCopy: z.boolean().default(false),
  translated: z.boolean().default(false),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const suspension = z.object({
  from: eventDate,
  to: eventDate,
  reason: z
    .string()
    .trim()
    .max(300)
    .nullish()
    .transform((v) => v ?? null),
});

export const procedureFields = {
  type: z.enum(procedureTypes),
  qualificationId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  referenceOccupationId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** Free text until the institution directory names the competent authority. */
  authorityName: optionalText(300),
  authorityInstitutionId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** §81a AufenthG: the decision is due in 2 months instead of 3. */
  accelerated: z.boolean().default(false),
  submittedOn: optionalDate(eventDate),
  receiptConfirmedOn: optionalDate(eventDate),
  documentsCompleteOn: optionalDate(eventDate),
  extensionMonths: z.number().int().min(0).max(4).default(0),
  extensionReason: optionalText(500),
  suspensions: z.array(suspension).max(20).default([]),
  decidedOn: optionalDate(eventDate),
  outcome: z.enum(procedureOutcomes).default('pending'),
  substantialDifferences: optionalText(4000),
  compensationMeasure: z
    .enum(compensationMeasures)
    .nullish()
    .transform((v) => v ?? null),
  checklist: z.array(checklistItem).max(40).default([]),
  notes: optionalText(4000),
};
export const procedureBody = z.object(procedureFields);
export const procedureUpdateBody = withVersion(procedureFields);
export type ProcedureBody = z.input<typeof procedureBody>;

export const procedure = z.object({
  id: z.uuid(),
  type: z.enum(procedureTypes),
  qualificationId: z.uuid().nullable(),
  qualificationTitle: z.string().nullable(),
  referenceOccupation: occupation.nullable(),
  authorityName: z.string().nullable(),
  authorityInstitutionId: z.uuid().nullable(),
  accelerated: z.boolean(),
  submittedOn: z.string().nullable(),
  receiptConfirmedOn: z.string().nullable(),
  documentsCompleteOn: z.string().nullable(),
  extensionMonths: z.number().int(),
  extensionReason: z.string().nullable(),
  suspensions: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string().nullable() })),
  decidedOn: z.string().nullable(),
  outcome: z.enum(procedureOutcomes),
  substantialDifferences: z.string().nullable(),
  compensationMeasure: z.enum(compensationMeasures).nullable(),
  checklist: z.array(
    z.object({
      kind: z.enum(documentKinds),
      label: z.string().nullable(),
      present: z.boolean(),
      certifiedCopy: z.boolean(),
      translated: z.boolean(),
    }),
  ),
  notes: z.string().nullable(),
  /** Computed: documents complete + 3 (accelerated 2) months + extension + suspensions, moved to a working day. */
  decisionDueOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Procedure = z.infer<typeof procedure>;

export const procedureTitle = text(300);
