// Commitments: who (institution and person) does what for which case by when — the heart of the
// donor-conference format. Made in live mode, followed up in the commitments list, rolled over
// onto the first agenda item of the series' next conference while open.
import { z } from 'zod';
import { deadlineDate, eventDate, isoDate, optionalText, pageOf, pageQuery, text, timestamp } from './common';
import { conferenceStatusSchema } from './conferences';

export const commitmentStatuses = ['open', 'done', 'dropped'] as const;
export const commitmentStatusSchema = z.enum(commitmentStatuses);
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>;

/** Made in live mode. `id` may come from the browser, so that a resend after a lost answer is stored once. */
export const commitmentBody = z.object({
  id: z.uuid().optional(),
  /** The case (a nomination of this conference); null: on the first item, for no case. */
  nominationId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  institutionId: z.uuid({ error: 'the institution is needed' }),
  /** The responsible person from the directory, or a name as said at the table (or both). */
  contactId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  responsibleName: optionalText(200),
  action: text(1000),
  dueDate: deadlineDate,
});
export type CommitmentBody = z.input<typeof commitmentBody>;

/**
 * What the institution reported: done or dropped (with why), on the day it said so. Done and
 * dropped are final; `open` is a lead taking back a report recorded by mistake, with the reason.
 */
export const commitmentReportBody = z
  .object({
    status: commitmentStatusSchema,
    note: optionalText(2000),
    /** The day it was reported; today when left out. Not in the future, not before it was made. */
    reportedOn: eventDate.optional(),
    version: z.number().int(),
  })
  .refine((b) => b.status !== 'dropped' || !!b.note, {
    message: 'say why it was dropped',
    path: ['note'],
  })
  .refine((b) => b.status !== 'open' || !!b.note, {
    message: 'say why the report is taken back',
    path: ['note'],
  });
export type CommitmentReportBody = z.input<typeof commitmentReportBody>;

export const commitment = z.object({
  id: z.uuid(),
  conference: z.object({ id: z.uuid(), title: z.string(), startsAt: timestamp }),
  /**
   * The case as the caller may see it: label is case code and name for those who may open it,
   * a neutral "Case n" otherwise, n being `place`, its place on that conference's agenda (null
   * when it was not nominated there); null for no case.
   */
  client: z
    .object({ id: z.uuid(), label: z.string(), visible: z.boolean(), place: z.number().int().nullable() })
    .nullable(),
  nominationId: z.uuid().nullable(),
  institution: z.object({ id: z.uuid(), name: z.string() }),
  contact: z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() }).nullable(),
  responsibleName: z.string().nullable(),
  action: z.string(),
  dueDate: isoDate,
  status: commitmentStatusSchema,
  /** Open and past its due date (in Germany's calendar). */
  overdue: z.boolean(),
  /** Done by the due date (reported on or before it); null while open or dropped. */
  onTime: z.boolean().nullable(),
  statusNote: z.string().nullable(),
  reportedOn: isoDate.nullable(),
  reportedBy: z.string().nullable(),
  /** The institution's latest word on how it is going (partner portal); the commitment stays open. */
  progressNote: z.string().nullable(),
  progressAt: timestamp.nullable(),
  createdAt: timestamp,
  version: z.number().int(),
});
export type Commitment = z.infer<typeof commitment>;
/** Commitments without paging: a conference's first agenda item, a case's. */
export const commitmentList = z.array(commitment);

export const commitmentListQuery = pageQuery.extend({
  institutionId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  conferenceId: z.uuid().optional(),
  seriesId: z.uuid().optional(),
  /** `overdue`: open and past due. */
  status: z.enum([...commitmentStatuses, 'overdue']).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['dueDate', '-dueDate', 'institution', 'createdAt']).default('dueDate'),
});
export type CommitmentListQuery = z.input<typeof commitmentListQuery>;
export const commitmentPage = pageOf(commitment);
export type CommitmentPage = z.infer<typeof commitmentPage>;

/**
 * The conference part of a case file: where the case was nominated (and discussed), the decisions
 * made on it, and the commitments made for it.
 */
export const caseConferences = z.object({
  nominations: z.array(
    z.object({
      id: z.uuid(),
      conference: z.object({
        id: z.uuid(),
        title: z.string(),
        startsAt: timestamp,
        status: conferenceStatusSchema,
      }),
      question: z.string(),
      nominatedAt: timestamp,
      nominatedBy: z.string().nullable(),
      /** When live mode first called the case up; null while it has not been discussed. */
      discussedAt: timestamp.nullable(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.uuid(),
      conferenceId: z.uuid(),
      nominationId: z.uuid(),
      text: z.string(),
      at: timestamp,
      by: z.string().nullable(),
    }),
  ),
  commitments: commitmentList,
});
export type CaseConferences = z.infer<typeof caseConferences>;

/** The list's filters for its CSV export (every row, not a page). */
export const commitmentExportQuery = commitmentListQuery.omit({ limit: true, offset: true });
