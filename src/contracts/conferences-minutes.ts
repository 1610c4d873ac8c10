// The minutes of a donor conference as the staff see them: per agenda item the text drafted from
// live mode or as edited since, the item's commitments, and what each invited institution will
// receive of it — decided by the same consent checks as the packs. Then published: one PDF per
// institution by mail, a notice in Lotse.
import { z } from 'zod';
import { userRef } from './clients';
import { commitment } from './commitments';
import { text, timestamp } from './common';
import { conferenceStatusSchema, consentCheckItem, institutionName, nomination } from './conferences';

/** An agenda item: `commitments` (the first, open commitments from earlier conferences) or a nomination id. */
export const minutesItemKey = z.union([z.literal('commitments'), z.uuid()]);
export type MinutesItemKey = z.infer<typeof minutesItemKey>;
export const minutesItemParams = z.object({ id: z.uuid(), item: minutesItemKey });

/** The edited text of one item, at the version it was read at (0: not edited yet, the draft was shown). */
export const minutesBody = z.object({
  text: text(20_000),
  version: z.number().int().min(0),
});
export type MinutesBody = z.input<typeof minutesBody>;

/** Publishing at the conference's version (as every action on the whole conference). */
export const minutesPublishBody = z.object({ version: z.number().int() });

/** The staff version, or with `institutionId` the copy that institution would receive (a preview). */
export const minutesPdfQuery = z.object({ institutionId: z.uuid().optional() });

export const minutesLevels = ['identified', 'pseudonymised', 'anonymised', 'none'] as const;
export type MinutesLevel = (typeof minutesLevels)[number];

/** What one invited institution receives of one item. */
export const minutesReceipt = z.object({
  institution: institutionName,
  /**
   * How the case appears in its copy; `none`: left out (only counted). Null on the first item,
   * which goes to every institution with those of its commitments it may see.
   */
  level: z.enum(minutesLevels).nullable(),
  /** Why a case is left out: what the consent check says, or `not_needed` (not among its institutions). */
  reason: z.enum([...consentCheckItem.shape.reason.unwrap().options, 'not_needed']).nullable(),
  /** How many of the item's commitments its copy lists. */
  commitments: z.number().int(),
});
export type MinutesReceipt = z.infer<typeof minutesReceipt>;

export const minutesItem = z.object({
  item: minutesItemKey,
  kind: z.enum(['commitments', 'case']),
  /** The case as the caller may see it (labels as on the conference page); null on the first item. */
  nomination: nomination
    .pick({ id: true, client: true, question: true, anonymised: true, position: true })
    .nullable(),
  /** Drafted from live mode's decisions, notes and dissent; null where the caller may not read the case. */
  draft: z.string().nullable(),
  /** The text as edited since; null: not edited, the draft is what goes out. */
  text: z.string().nullable(),
  edited: z.object({ at: timestamp, by: z.string().nullable() }).nullable(),
  /** Entries live mode kept beside another as a second version written at the same time. */
  conflicts: z.number().int(),
  commitments: z.array(commitment),
  recipients: z.array(minutesReceipt),
  /** Of the edited text; 0 while there is none. */
  version: z.number().int(),
});
export type MinutesItem = z.infer<typeof minutesItem>;

export const minutesDeliveries = ['not_sent', 'no_address', 'queued', 'sent', 'failed'] as const;

/** An invitation as a recipient of the minutes: its institution's copy, and (once published) its mail. */
export const minutesRecipient = z.object({
  invitationId: z.uuid(),
  institution: institutionName,
  contact: z.string().nullable(),
  email: z.string().nullable(),
  /** Cases its copy carries, and cases left out of it (as decided now, or when it was sent). */
  cases: z.number().int(),
  withheld: z.number().int(),
  /** `not_sent` before publishing; then `queued` in the outbox, `sent`, or `failed` (tried, not yet delivered). */
  delivery: z.enum(minutesDeliveries),
  sentAt: timestamp.nullable(),
});
export type MinutesRecipient = z.infer<typeof minutesRecipient>;

export const conferenceMinutes = z.object({
  conferenceId: z.uuid(),
  status: conferenceStatusSchema,
  /** The conference has begun and its minutes are not published: items may be edited (by leads). */
  editable: z.boolean(),
  items: z.array(minutesItem),
  /** Leads only; empty for others. */
  recipients: z.array(minutesRecipient),
  published: z.object({ at: timestamp, by: userRef.nullable() }).nullable(),
  may: z.object({ manage: z.boolean() }),
  /** The conference's version, for publishing. */
  version: z.number().int(),
});
export type ConferenceMinutes = z.infer<typeof conferenceMinutes>;
