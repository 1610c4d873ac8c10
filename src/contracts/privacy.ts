import { z } from 'zod';
import { deadlineDate, optionalText, pageOf, pageQuery, text, timestamp } from './common';

/**
 * Retention: each kind of record belongs to a class with a period and the event it counts from.
 * A closed case is due when every class that applies to it has run out (privacy/retention.ts).
 */
export const retentionClasses = ['counselling', 'esf', 'documents', 'accounting', 'audit'] as const;
export type RetentionClass = (typeof retentionClasses)[number];

/**
 * - `last_contact`: the last contact with the person, or the closing day if later;
 * - `case_closed`: the day the case was closed;
 * - `esf_payment_year_end`: 31 December of the year of the project's last ESF payment (from the grant
 *   decision, `esfLastPaymentOn` in the settings);
 * - `record_year_end`: 31 December of the year of the record (a funded measure's end);
 * - `entry`: the day the record was written (the audit log).
 */
export const retentionStartEvents = [
  'last_contact',
  'case_closed',
  'esf_payment_year_end',
  'record_year_end',
  'entry',
] as const;
export type RetentionStartEvent = (typeof retentionStartEvents)[number];

export interface RetentionRule {
  months: number;
  startEvent: RetentionStartEvent;
}

/** The defaults of ../shared/DOMAIN.md: counselling 3 years, ESF 5 years, accounting 10 years. */
export const defaultRetention: Record<RetentionClass, RetentionRule> = {
  counselling: { months: 36, startEvent: 'last_contact' },
  esf: { months: 60, startEvent: 'esf_payment_year_end' },
  documents: { months: 36, startEvent: 'last_contact' },
  accounting: { months: 120, startEvent: 'record_year_end' },
  audit: { months: 36, startEvent: 'entry' },
};

/** Which start events make sense for a class (the settings form offers only these). */
export const startEventsOf: Record<RetentionClass, readonly RetentionStartEvent[]> = {
  counselling: ['last_contact', 'case_closed'],
  esf: ['esf_payment_year_end', 'case_closed'],
  documents: ['last_contact', 'case_closed'],
  accounting: ['record_year_end'],
  audit: ['entry'],
};

/** The legal framework whose names the paperwork and the labels use (DOMAIN: church operators). */
export const privacyFrameworks = ['gdpr', 'kdg', 'dsg_ekd'] as const;
export type PrivacyFramework = (typeof privacyFrameworks)[number];

export const retentionRuleSchema = z.object({
  class: z.enum(retentionClasses),
  /** One month up to 30 years. */
  months: z.number().int().min(1).max(360),
  startEvent: z.enum(retentionStartEvents),
});

export const privacySettings = z.object({
  framework: z.enum(privacyFrameworks),
  /** The last ESF payment from the grant decision; without it the ESF class applies to no case. */
  esfLastPaymentOn: z.iso.date().nullable(),
  /** Days a case is listed for the dpo before the job anonymises it. */
  noticeDays: z.number().int().min(1).max(90),
  controller: z.string().nullable(),
  dpoContact: z.string().nullable(),
  rules: z.array(retentionRuleSchema),
  version: z.number().int(),
});
export type PrivacySettings = z.infer<typeof privacySettings>;

export const privacySettingsBody = z
  .object({
    framework: z.enum(privacyFrameworks),
    esfLastPaymentOn: deadlineDate.nullable(),
    noticeDays: z.number().int().min(1).max(90),
    controller: optionalText(1000),
    dpoContact: optionalText(500),
    rules: z.array(retentionRuleSchema).max(retentionClasses.length),
    version: z.number().int(),
  })
  .superRefine((b, ctx) => {
    b.rules.forEach((r, i) => {
      if (!startEventsOf[r.class].includes(r.startEvent))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'startEvent'],
          message: `${r.class} counts from ${startEventsOf[r.class].join(' or ')}`,
        });
    });
    const seen = new Set(b.rules.map((r) => r.class));
    if (seen.size !== b.rules.length)
      ctx.addIssue({ code: 'custom', path: ['rules'], message: 'a class twice' });
  });
export type PrivacySettingsBody = z.infer<typeof privacySettingsBody>;

/** A class that ran out for a case: when, and by which rule. */
export const classEnd = z.object({
  class: z.enum(retentionClasses),
  months: z.number().int(),
  startEvent: z.enum(retentionStartEvents),
  startedOn: z.iso.date(),
  endsOn: z.iso.date(),
});
export type ClassEnd = z.infer<typeof classEnd>;

export const noticeStates = ['announced', 'files', 'done', 'withdrawn'] as const;

/** A case on the deletion list: the case number and owner (no content), the rule, when it goes. */
export const retentionNotice = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  caseCode: z.string(),
  owner: z.string(),
  retentionEndedOn: z.iso.date(),
  classes: z.array(classEnd),
  announcedAt: timestamp,
  deleteAfter: timestamp,
  state: z.enum(noticeStates),
  legalHold: z.boolean(),
});
export const noticesQuery = pageQuery.extend({
  state: z.enum(noticeStates).optional(),
});
export const noticeList = pageOf(retentionNotice);

export const proofReasons = ['retention', 'erasure'] as const;
export const deletionProof = z.object({
  id: z.uuid(),
  pseudonym: z.string(),
  reason: z.enum(proofReasons),
  classes: z.array(z.string()),
  rule: z.record(z.string(), z.unknown()),
  counts: z.record(z.string(), z.number()),
  announcedAt: timestamp.nullable(),
  deletedAt: timestamp,
});
export type DeletionProof = z.infer<typeof deletionProof>;
export const proofsQuery = pageQuery.extend({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const proofList = pageOf(deletionProof);

/** What a run of the deletion job did. */
export const retentionRunResult = z.object({
  announced: z.number().int(),
  withdrawn: z.number().int(),
  anonymised: z.number().int(),
  filesRemoved: z.number().int(),
  finishedFromEarlierRun: z.number().int(),
  auditEntriesExpired: z.number().int(),
});
export type RetentionRunResult = z.infer<typeof retentionRunResult>;

/** A legal hold on a case: the reason is required and shown to the case's counsellors. */
export const legalHoldBody = z.object({ reason: text(500) });
export type LegalHoldBody = z.infer<typeof legalHoldBody>;

/** What the case file shows about a hold or a restriction (everyone who may open the case). */
export const casePrivacyState = z.object({
  legalHold: z.object({ reason: z.string(), since: timestamp, by: z.string() }).nullable(),
  restrictedSince: timestamp.nullable(),
  /** Announced for deletion: the day it goes unless a hold is placed. */
  deletionAnnouncedFor: timestamp.nullable(),
});
export type CasePrivacyState = z.infer<typeof casePrivacyState>;

/**
 * Erasure (Art. 17) of a request's person: refused with a written reason while a legal hold or a
 * retention duty (ESF, accounting: Art. 17(3)(b)) runs; otherwise the case is anonymised at once,
 * as the deletion job would, and the proof of deletion is returned.
 */
export const erasureResult = z.object({
  outcome: z.enum(['erased', 'refused']),
  /** Why it was refused (stored on the request as its outcome), in English; the web words it from `refusal`. */
  reason: z.string().nullable(),
  refusal: z
    .object({
      kind: z.enum(['legal_hold', 'retention_duty', 'open_case']),
      /** The duty's class and when it ends (retention_duty); the hold's reason (legal_hold). */
      class: z.enum(retentionClasses).nullable(),
      endsOn: z.iso.date().nullable(),
      holdReason: z.string().nullable(),
    })
    .nullable(),
  proofId: z.uuid().nullable(),
});
export type ErasureResult = z.infer<typeof erasureResult>;
