// The conference report for the steering group and the funder: what the conferences of a scope
// achieved — cases discussed, commitments kept, cases that moved on, pathways followed. Every
// figure is a count of cases or commitments; the report names no person, case code or client id.
import { z } from 'zod';
import { isoDate, languageSchema, timestamp } from './common';
import { conferenceStatusSchema } from './conferences';

const scopeFields = {
  conferenceId: z.uuid().optional(),
  seriesId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
type ScopeFields = { conferenceId?: string; seriesId?: string; from?: string; to?: string };

/** A scope names one conference or one series, and its period does not end before it begins. */
const scopeRules = <T extends z.ZodType<ScopeFields>>(schema: T) =>
  schema
    .refine((q) => !(q.conferenceId && q.seriesId), {
      message: 'a report is of one conference or of a series, not both',
      path: ['seriesId'],
    })
    .refine((q) => !(q.from && q.to && q.from > q.to), {
      message: 'the period ends before it begins',
      path: ['to'],
    });

/**
 * One conference (`conferenceId`; the period is its day), the conferences of a series in a period
 * (`seriesId`), or every conference of the organisation in a period (neither). The period runs
 * from `from` to `to`, both included, by the conference's local date; the last 12 months when left out.
 */
export const conferenceReportQuery = scopeRules(z.object(scopeFields));
export type ConferenceReportQuery = z.input<typeof conferenceReportQuery>;

/** The same scope as a document; `lang` is the language of the document's words (German by default). */
export const conferenceReportExportQuery = scopeRules(
  z.object({ ...scopeFields, lang: languageSchema.default('de') }),
);
export type ConferenceReportExportQuery = z.input<typeof conferenceReportExportQuery>;

const count = z.number().int().min(0);

/**
 * Commitments by their state on the report's day (`asOf`): done on time (reported on or before
 * the due date), done late, open and not yet due, open and overdue, dropped. The five add up to `made`.
 */
export const commitmentCounts = z.object({
  made: count,
  doneOnTime: count,
  doneLate: count,
  openNotDue: count,
  overdue: count,
  dropped: count,
});
export type CommitmentCounts = z.infer<typeof commitmentCounts>;
/** The states of a commitment in the report, in the order they are shown and stacked. */
export const commitmentStates = ['doneOnTime', 'doneLate', 'openNotDue', 'overdue', 'dropped'] as const;
export type CommitmentState = (typeof commitmentStates)[number];

const named = z.object({ id: z.uuid(), name: z.string() });
const conferenceRef = z.object({ id: z.uuid(), title: z.string(), startsAt: timestamp });

export const reportScopeKinds = ['conference', 'series', 'organisation'] as const;

export const conferenceReport = z.object({
  scope: z.object({
    kind: z.enum(reportScopeKinds),
    conference: conferenceRef.nullable(),
    series: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    from: isoDate,
    to: isoDate,
  }),
  generatedAt: timestamp,
  /** The day commitments are measured on (overdue, not yet due): today in Germany. */
  asOf: isoDate,
  /** No conference in scope: a valid report that says so. */
  empty: z.boolean(),
  totals: z.object({
    /** Conferences in scope, cancelled ones left out. */
    conferences: count,
    /** Of them held (held, minutes published or closed). */
    conferencesHeld: count,
    /**
     * Case discussions: a nomination counts when live mode marked it discussed, or — at a held
     * conference where live mode was not used — when the conference was held. A case discussed
     * at two conferences counts at each.
     */
    casesDiscussed: count,
    /**
     * Of them, cases that moved on after the start of the conference they were discussed at: a
     * transition to a later stage (contracts/clients `stages`); closing counts only with a
     * work or training outcome (a case closed as moved away or out of contact did not move on).
     */
    casesMovedOn: count,
    commitments: commitmentCounts,
  }),
  conferences: z.array(
    conferenceRef.extend({
      status: conferenceStatusSchema,
      casesDiscussed: count,
      casesMovedOn: count,
      commitmentsMade: count,
    }),
  ),
  /** By the institution that made the commitment. */
  commitmentsByInstitution: z.array(commitmentCounts.extend({ institution: named })),
  /** By each institution the nomination named as needed for the case. */
  casesByInstitution: z.array(z.object({ institution: named, casesDiscussed: count, casesMovedOn: count })),
  /** Pathways adopted at a conference in scope, or followed by a case discussed in scope. */
  pathways: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      occupationGroup: z.string(),
      adoptedAt: conferenceRef.nullable(),
      /** Cases with an objective made from the pathway (anywhere in the organisation). */
      casesFollowing: count,
      /** Those cases' steps made from the pathway: done, and in all. */
      stepsDone: count,
      stepsTotal: count,
      /** Cases that have done every one of their steps of the pathway. */
      casesCompleted: count,
    }),
  ),
});
export type ConferenceReport = z.infer<typeof conferenceReport>;
