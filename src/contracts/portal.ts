// The partner portal: what a partner user sees of the organisation they chose — the conferences
// their institution is invited to, the cases a consent valid *now* shares with that institution,
// their institution's commitments, and the minutes. Every shape here is built for one
// institution; nothing names a case the institution does not receive (those are "a further case"
// on the agenda, without question or brief), and a record out of scope answers 404.
import { z } from 'zod';
import { commitment } from './commitments';
import { eventDate, optionalText, pageOf, pageQuery, text, timestamp } from './common';
import { brief, conferenceStatusSchema, rsvpAnswerSchema } from './conferences';

/**
 * A commitment of the institution. The case is named only by its place on its conference's agenda
 * ("Case 2", which the institution knows from the agenda) — no id, code or name: partners cannot
 * open cases. Once its consent no longer lets the institution receive the case, the commitment is
 * gone from the portal like the case; staff keep following it.
 */
export const portalCommitment = commitment.omit({ client: true }).extend({
  /** null: made for no case (the first agenda item). */
  case: z.object({ place: z.number().int().positive(), label: z.string() }).nullable(),
});
export type PortalCommitment = z.infer<typeof portalCommitment>;

/** A conference as a partner sees it in a list: theirs by invitation of their institution. */
export const portalConferenceSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  timeZone: z.string(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  status: conferenceStatusSchema,
  /** The institution's answer: attending or deputy when any of its invitations says so. */
  answer: rsvpAnswerSchema,
  /** Cases on the agenda this institution receives now (any level). */
  cases: z.number().int(),
  /** The minutes are published: the institution's copy can be read (built at each request). */
  minutesAvailable: z.boolean(),
});
export type PortalConferenceSummary = z.infer<typeof portalConferenceSummary>;

export const portalHome = z.object({
  institution: z.object({ id: z.uuid(), name: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  upcoming: z.array(portalConferenceSummary),
  /** Held conferences of the last two years, newest first, with or without minutes yet. */
  past: z.array(portalConferenceSummary),
  commitments: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    /** Open and due within the next 14 days. */
    dueSoon: z.number().int(),
  }),
});
export type PortalHome = z.infer<typeof portalHome>;

/** The institution's own written input on a case. */
export const portalInput = z.object({
  id: z.uuid(),
  text: z.string(),
  by: z.string().nullable(),
  at: timestamp,
});
export type PortalInput = z.infer<typeof portalInput>;

/**
 * One agenda item for this institution. `case`: a case it receives, with its brief at the level
 * consent allows now; `other_case`: a case it does not receive — only the time and "a further
 * case", no question, no label that could be matched with another list.
 */
export const portalAgendaItem = z.object({
  kind: z.enum(['commitments', 'case', 'other_case']),
  startsAt: timestamp,
  minutes: z.number().int(),
  /** Only for `case`: what the partner uses to open the brief and write input. */
  nominationId: z.uuid().nullable(),
  /** "Case 2" — its place on the agenda; null for the other kinds. */
  label: z.string().nullable(),
  brief: brief.nullable(),
  /** Only for `case`: this institution is among those the case needs. */
  needed: z.boolean(),
  inputs: z.array(portalInput),
});
export type PortalAgendaItem = z.infer<typeof portalAgendaItem>;

export const portalInvitation = z.object({
  id: z.uuid(),
  contact: z.string().nullable(),
  answer: rsvpAnswerSchema,
  deputyName: z.string().nullable(),
  respondedAt: timestamp.nullable(),
});

export const portalConference = portalConferenceSummary.extend({
  organisation: z.string(),
  durationMinutes: z.number().int(),
  invitations: z.array(portalInvitation),
  agenda: z.array(portalAgendaItem),
  /** The institution's commitments made at this conference (the portal's shape: no case id). */
  commitments: z.array(portalCommitment),
  /** What the partner may do now: answer (before it is held), write input (until it is held). */
  may: z.object({ answer: z.boolean(), writeInput: z.boolean() }),
});
export type PortalConference = z.infer<typeof portalConference>;

export const portalConferenceParams = z.object({ id: z.uuid() });
export const portalCaseParams = z.object({ id: z.uuid(), nominationId: z.uuid() });

/** The partner's answer for their institution (every invitation of it, or the one named). */
export const portalRsvpBody = z
  .object({
    answer: z.enum(['attending', 'declined', 'deputy']),
    deputyName: optionalText(200),
    invitationId: z.uuid().optional(),
  })
  .refine((b) => b.answer !== 'deputy' || !!b.deputyName, {
    message: 'the deputy’s name is needed',
    path: ['deputyName'],
  });
export type PortalRsvpBody = z.input<typeof portalRsvpBody>;

/** After an answer: the institution's answer as a whole, and each of its invitations. */
export const portalRsvpResult = z.object({
  answer: rsvpAnswerSchema,
  invitations: z.array(portalInvitation),
});
export type PortalRsvpResult = z.infer<typeof portalRsvpResult>;

export const portalInputBody = z.object({ text: text(4000) });
export type PortalInputBody = z.input<typeof portalInputBody>;

// --- commitments ---

export const portalCommitmentQuery = pageQuery.extend({
  /** open (default), done, dropped, overdue or all. */
  status: z.enum(['open', 'overdue', 'done', 'dropped', 'all']).optional(),
  conferenceId: z.uuid().optional(),
});
export type PortalCommitmentQuery = z.input<typeof portalCommitmentQuery>;

export const portalCommitmentPage = pageOf(portalCommitment);

/**
 * What the institution reports: progress (a note, the commitment stays open), done, or dropped
 * with the reason — on the day it happened (today by default).
 */
export const portalReportBody = z
  .object({
    status: z.enum(['progress', 'done', 'dropped']),
    note: optionalText(2000),
    reportedOn: eventDate.optional(),
    version: z.number().int(),
  })
  .refine((b) => b.status === 'done' || !!b.note, {
    message: 'a few words are needed',
    path: ['note'],
  });
export type PortalReportBody = z.input<typeof portalReportBody>;
