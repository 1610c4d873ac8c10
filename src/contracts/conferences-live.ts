// Live mode of a donor conference: one screen for moderator and minute-taker that walks the
// agenda with a timer per item and takes, per item, notes, decisions, dissent and commitments.
// Browsers send their own ids, so that an entry queued while offline and sent twice is stored once.
import { z } from 'zod';
import { commitment, commitmentBody } from './commitments';
import { text, timestamp } from './common';
import { conferenceStatusSchema } from './conferences';

export const liveEntryKinds = ['note', 'decision', 'dissent'] as const;
export const liveEntryKindSchema = z.enum(liveEntryKinds);
export type LiveEntryKind = z.infer<typeof liveEntryKindSchema>;

/** An agenda item: `commitments` (the first: open commitments of earlier conferences) or a nomination id. */
export const liveItemKey = z.union([z.literal('commitments'), z.uuid()]);
export type LiveItemKey = z.infer<typeof liveItemKey>;

export const liveEntry = z.object({
  id: z.uuid(),
  item: liveItemKey,
  kind: liveEntryKindSchema,
  text: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  at: timestamp,
  changedAt: timestamp,
  version: z.number().int(),
  /**
   * This entry is an edit made on an older version of the one named here: both are kept (neither
   * overwrote the other), and both show "two versions — both kept".
   */
  conflictOf: z.uuid().nullable(),
});
export type LiveEntry = z.infer<typeof liveEntry>;

export const liveItem = z.object({
  key: liveItemKey,
  kind: z.enum(['commitments', 'case']),
  /** The case as the viewer may see it (code and name, or "Case n"); empty for the first item. */
  label: z.string(),
  /** The viewer may open the case (the label names it); otherwise it is shown by its place only. */
  visible: z.boolean(),
  question: z.string().nullable(),
  slotMinutes: z.number().int(),
  /** Seconds spent on the item before now; the current item's running part is counted from `current.startedAt`. */
  elapsedSeconds: z.number().int(),
  /** When the case was first called up. */
  discussedAt: timestamp.nullable(),
  entries: z.array(liveEntry),
  /** Commitments made on this item at this conference. */
  commitments: z.array(commitment),
});
export type LiveItem = z.infer<typeof liveItem>;

/** Why entries are not taken now: before the start, after the minutes were published, cancelled. */
export const liveClosedReasons = ['not_begun', 'published', 'cancelled', 'not_ready'] as const;

export const liveState = z.object({
  conference: z.object({
    id: z.uuid(),
    title: z.string(),
    status: conferenceStatusSchema,
    startsAt: timestamp,
  }),
  /** Entries and commitments are taken now; otherwise `closedBecause` says why. */
  open: z.boolean(),
  closedBecause: z.enum(liveClosedReasons).nullable(),
  /** The item being discussed and since when (null: the clock is stopped). */
  current: z.object({ item: liveItemKey, startedAt: timestamp }).nullable(),
  items: z.array(liveItem),
  /** The first item: commitments still open from the series' earlier conferences. */
  carriedOver: z.array(commitment),
  /** The invited institutions with their contact persons, for the commitment form. */
  institutions: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      contacts: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  ),
  /** The server's clock, so that a browser whose clock is off still counts the timer right. */
  serverTime: timestamp,
});
export type LiveState = z.infer<typeof liveState>;

/** Call up an item (null: stop the clock); the time spent on the previous one is added to it. */
export const liveItemBody = z.object({ item: liveItemKey.nullable() });
export type LiveItemBody = z.input<typeof liveItemBody>;

export const liveEntryBody = z.object({
  /** Made by the browser, so that a resend after a lost answer is stored once. */
  id: z.uuid().optional(),
  item: liveItemKey,
  kind: liveEntryKindSchema,
  text: text(4000),
});
export type LiveEntryBody = z.input<typeof liveEntryBody>;

/** An edit names the version it was made on; made on an older one, it is kept beside it. */
export const liveEntryEditBody = z.object({
  kind: liveEntryKindSchema.optional(),
  text: text(4000),
  version: z.number().int(),
});
export type LiveEntryEditBody = z.input<typeof liveEntryEditBody>;

export const liveEntrySaved = z.object({
  entry: liveEntry,
  /** The edit was made on an older version: it was kept as a new entry beside the other one. */
  conflict: z.boolean(),
});
export type LiveEntrySaved = z.infer<typeof liveEntrySaved>;

/** A commitment made at the table, as in `commitmentBody`. */
export const liveCommitmentBody = commitmentBody;
export type LiveCommitmentBody = z.input<typeof liveCommitmentBody>;
/** As the server has it after validation (empty references and names null). */
export type LiveCommitmentInput = z.output<typeof liveCommitmentBody>;
/** A change of a commitment made at the table: all its fields again, and the version it was read at. */
export const liveCommitmentEditBody = commitmentBody.omit({ id: true }).extend({ version: z.number().int() });
export type LiveCommitmentEditBody = z.input<typeof liveCommitmentEditBody>;
export type LiveCommitmentEditInput = z.output<typeof liveCommitmentEditBody>;
