// Donor conferences, part 1: series, conferences, invitations with RSVP, nominations checked
// against consent, the agenda and its optimiser, case briefs and per-institution packs.
import { z } from 'zod';
import { userRef } from './clients';
import { isoDate, optionalText, pageOf, pageQuery, text, timestamp, withVersion } from './common';
import { consentScopes } from './consent';
import { cefrLevels } from './reference';

// --- time ---

/** A time of day, 24 h: "09:30". */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 09:30');
/** An IANA time zone the server's Intl knows ("Europe/Berlin"). */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Berlin');
export const defaultTimeZone = 'Europe/Berlin';

// --- status ---

export const conferenceStatuses = [
  'planned',
  'invited',
  'agenda_fixed',
  'held',
  'minutes_published',
  'closed',
  'cancelled',
] as const;
export const conferenceStatusSchema = z.enum(conferenceStatuses);
export type ConferenceStatus = z.infer<typeof conferenceStatusSchema>;

/**
 * The steps a conference may take. Forward one step at a time (sending the invitations and fixing
 * the agenda are their own actions, which take these steps themselves); back from a fixed agenda
 * to `invited` to change it; cancelled from anything before it is held.
 */
export const conferenceTransitions: Record<ConferenceStatus, readonly ConferenceStatus[]> = {
  planned: ['invited', 'cancelled'],
  invited: ['agenda_fixed', 'cancelled'],
  agenda_fixed: ['invited', 'held', 'cancelled'],
  held: ['minutes_published'],
  minutes_published: ['closed'],
  closed: [],
  cancelled: [],
};

// --- series ---

export const seriesFields = {
  title: text(200),
  sectorId: z.uuid(),
  /** Conferences a year; the next one is suggested 12 / perYear months after the last. */
  perYear: z.number().int().min(1).max(12).default(3),
  durationMinutes: z.number().int().min(30).max(480).default(120),
  minutesPerCase: z.number().int().min(5).max(60).default(10),
  /** The first agenda item, "open commitments from earlier conferences". */
  openCommitmentsMinutes: z.number().int().min(0).max(60).default(10),
  startTime: timeOfDay.default('09:30'),
  timeZone: timeZoneSchema.default(defaultTimeZone),
  place: optionalText(300),
  videoUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https:\/\/\S+$/, 'a web address starting with https://')
    .nullish()
    .transform((v) => v ?? null),
  moderatorId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  minuteTakerId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** The invitees every conference of the series starts with: institutions, and their contact persons. */
  institutionIds: z.array(z.uuid()).max(40).default([]),
  contactIds: z.array(z.uuid()).max(120).default([]),
};
export const seriesBody = z.object(seriesFields);
export type SeriesBody = z.input<typeof seriesBody>;
export const seriesUpdateBody = withVersion(seriesFields);
export type SeriesUpdateBody = z.input<typeof seriesUpdateBody>;

export const institutionName = z.object({ id: z.uuid(), name: z.string() });

export const series = z.object({
  id: z.uuid(),
  title: z.string(),
  sector: institutionName,
  perYear: z.number().int(),
  durationMinutes: z.number().int(),
  minutesPerCase: z.number().int(),
  openCommitmentsMinutes: z.number().int(),
  startTime: z.string(),
  timeZone: z.string(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  moderator: userRef.nullable(),
  minuteTaker: userRef.nullable(),
  institutions: z.array(institutionName),
  contactIds: z.array(z.uuid()),
  /** The newest conference of the series, and the date suggested for the next. */
  lastConference: z.object({ id: z.uuid(), startsAt: timestamp, status: conferenceStatusSchema }).nullable(),
  suggestedNextDate: isoDate,
  version: z.number().int(),
});
export type Series = z.infer<typeof series>;
export const seriesList = z.array(series);

/** The next conference of a series: its invitees are copied; date and time default to the suggestion. */
export const nextConferenceBody = z.object({
  date: isoDate.optional(),
  startTime: timeOfDay.optional(),
});

// --- conference ---

export const conferenceFields = {
  title: text(200),
  sectorId: z.uuid(),
  seriesId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** The local date and time in `timeZone`; the server stores the instant and the zone. */
  date: isoDate,
  startTime: timeOfDay,
  timeZone: timeZoneSchema.default(defaultTimeZone),
  durationMinutes: seriesFields.durationMinutes,
  minutesPerCase: seriesFields.minutesPerCase,
  openCommitmentsMinutes: seriesFields.openCommitmentsMinutes,
  place: seriesFields.place,
  videoUrl: seriesFields.videoUrl,
  moderatorId: seriesFields.moderatorId,
  minuteTakerId: seriesFields.minuteTakerId,
};
export const conferenceBody = z.object(conferenceFields);
export type ConferenceBody = z.input<typeof conferenceBody>;
export const conferenceUpdateBody = withVersion(conferenceFields);
export type ConferenceUpdateBody = z.input<typeof conferenceUpdateBody>;

export const statusBody = z.object({
  status: conferenceStatusSchema,
  version: z.number().int(),
  /** Why, for a cancellation: it goes into the cancellation mail. */
  reason: optionalText(1000),
});
export type StatusBody = z.input<typeof statusBody>;

/** Warnings on a conference: shown, never blocking. */
export const conferenceWarnings = [
  'moderator_is_minute_taker',
  'fewer_than_three_confirmed',
  'agenda_over_time',
  'no_place',
  'no_moderator',
] as const;
export const conferenceWarning = z.enum(conferenceWarnings);

export const conferenceListQuery = pageQuery.extend({
  status: conferenceStatusSchema.optional(),
  seriesId: z.uuid().optional(),
  sectorId: z.uuid().optional(),
  /** `upcoming` (not yet held, not cancelled, from today), `past`, or all. */
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  q: z.string().trim().max(200).optional(),
});
export type ConferenceListQuery = z.input<typeof conferenceListQuery>;

/** What the list and the page both say of a conference. */
const conferenceHead = {
  id: z.uuid(),
  title: z.string(),
  sector: institutionName,
  seriesId: z.uuid().nullable(),
  startsAt: timestamp,
  endsAt: timestamp,
  timeZone: z.string(),
  status: conferenceStatusSchema,
  place: z.string().nullable(),
};

export const conferenceListItem = z.object({
  ...conferenceHead,
  invitedInstitutions: z.number().int(),
  confirmedInstitutions: z.number().int(),
  nominations: z.number().int(),
  /** Nominations of the caller's own cases (counsellors look for these). */
  myNominations: z.number().int(),
});
export type ConferenceListItem = z.infer<typeof conferenceListItem>;
export const conferencePage = pageOf(conferenceListItem);

// --- invitations ---

export const rsvpAnswers = ['pending', 'attending', 'declined', 'deputy'] as const;
export const rsvpAnswerSchema = z.enum(rsvpAnswers);
export type RsvpAnswer = z.infer<typeof rsvpAnswerSchema>;

/** Invite an institution; with contact persons each gets a mail, without one the institution's address does. */
export const invitationBody = z.object({
  institutionId: z.uuid(),
  contactIds: z.array(z.uuid()).max(20).default([]),
});
export type InvitationBody = z.input<typeof invitationBody>;

/** An answer recorded by the lead (by phone) or given through the RSVP link. */
export const rsvpBody = z
  .object({
    answer: z.enum(['attending', 'declined', 'deputy']),
    deputyName: optionalText(200),
  })
  .refine((b) => b.answer !== 'deputy' || !!b.deputyName, {
    message: 'the deputy’s name is needed',
    path: ['deputyName'],
  });
export type RsvpBody = z.input<typeof rsvpBody>;

export const invitation = z.object({
  id: z.uuid(),
  institution: institutionName,
  contact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Where the invitation goes; null when neither contact nor institution has an address. */
  email: z.string().nullable(),
  answer: rsvpAnswerSchema,
  deputyName: z.string().nullable(),
  respondedAt: timestamp.nullable(),
  /** When the invitation (or its latest update) was mailed; null: not sent yet. */
  sentAt: timestamp.nullable(),
  /** The ICS SEQUENCE this invitee last received. */
  sequence: z.number().int(),
});
export type Invitation = z.infer<typeof invitation>;

/** What the public RSVP page shows: no case data, only the meeting. */
export const rsvpView = z.object({
  conference: z.object({
    title: z.string(),
    startsAt: timestamp,
    endsAt: timestamp,
    timeZone: z.string(),
    place: z.string().nullable(),
    videoUrl: z.string().nullable(),
    status: conferenceStatusSchema,
    organisation: z.string(),
  }),
  institution: z.string(),
  contact: z.string().nullable(),
  answer: rsvpAnswerSchema,
  deputyName: z.string().nullable(),
  expiresAt: timestamp,
});
export type RsvpView = z.infer<typeof rsvpView>;
export const rsvpParams = z.object({ conferenceId: z.uuid(), token: z.string().min(10).max(500) });

// --- consent check, nominations ---

/** What one institution may receive of a case, decided by the consent policy now. */
export const shareLevels = ['identified', 'pseudonymised', 'none'] as const;
export const shareLevelSchema = z.enum(shareLevels);
export type ShareLevel = z.infer<typeof shareLevelSchema>;

export const consentCheckQuery = z.object({ clientId: z.uuid() });
export const consentCheckItem = z.object({
  institution: institutionName,
  level: shareLevelSchema,
  /** The consent the share would cite; null when none allows it. */
  consentId: z.uuid().nullable(),
  /** Why nothing may go: no conference consent at all, none naming this institution, expired, withdrawn. */
  reason: z.enum(['no_consent', 'not_named', 'expired', 'withdrawn']).nullable(),
});
export const consentCheck = z.object({
  institutions: z.array(consentCheckItem),
  /** For an anonymised nomination: fewer than 5 cases of the organisation share occupation, country group and age band. */
  rare: z.boolean(),
});
export type ConsentCheck = z.infer<typeof consentCheck>;

export const nominationFields = {
  clientId: z.uuid(),
  question: text(1000),
  brief: optionalText(3000),
  /** The invited institutions the case needs; the pack of each gets it only as far as consent allows. */
  institutionIds: z.array(z.uuid()).min(1).max(30),
  /** Discussed without name, birth date, address or case code, with age band and country group. */
  anonymised: z.boolean().default(false),
  /** The case's slot; null: the conference's minutes per case. */
  minutes: z
    .number()
    .int()
    .min(5)
    .max(60)
    .nullish()
    .transform((v) => v ?? null),
};
export const nominationBody = z.object(nominationFields);
export type NominationBody = z.input<typeof nominationBody>;
const { clientId: _client, ...changeable } = nominationFields;
export const nominationUpdateBody = withVersion(changeable);
export type NominationUpdateBody = z.input<typeof nominationUpdateBody>;

export const writtenInputBody = z.object({ institutionId: z.uuid(), text: text(4000) });
export type WrittenInputBody = z.input<typeof writtenInputBody>;
export const writtenInput = z.object({
  id: z.uuid(),
  institution: institutionName,
  text: z.string(),
  by: z.string().nullable(),
  at: timestamp,
});

export const nomination = z.object({
  id: z.uuid(),
  /**
   * Staff see the case; the label is the case code and name for those who may open it. For a case
   * the caller cannot open (`visible: false`) the label is neutral ("Case 3", its place on the
   * agenda), the case code empty, and brief, talks and written input are left out.
   */
  client: z.object({ id: z.uuid(), label: z.string(), caseCode: z.string(), visible: z.boolean() }),
  nominatedBy: userRef.nullable(),
  question: z.string(),
  brief: z.string().nullable(),
  anonymised: z.boolean(),
  minutes: z.number().int().nullable(),
  position: z.number().int(),
  /**
   * Per needed institution: what it receives now. `none` means the case is held back from it;
   * held back from all of them, the nomination is held back entirely. An anonymised nomination
   * goes to every invited institution as an anonymised brief whatever these say: then they show
   * what consent would allow if it were not anonymised.
   */
  recipients: z.array(consentCheckItem),
  /** Coordination talks with an institution about this case, linked to this conference. */
  agreedBeforehand: z.array(
    z.object({
      contactId: z.uuid(),
      institution: institutionName,
      occurredOn: isoDate,
      topic: z.string().nullable(),
    }),
  ),
  writtenInputs: z.array(writtenInput),
  /** Anonymised and pointing to fewer than 5 cases of the organisation. */
  rare: z.boolean(),
  version: z.number().int(),
});
export type Nomination = z.infer<typeof nomination>;

// --- agenda ---

export const agendaItem = z.object({
  /** `commitments`: the fixed first item; `case`: a nomination. */
  kind: z.enum(['commitments', 'case']),
  nominationId: z.uuid().nullable(),
  startsAt: timestamp,
  minutes: z.number().int(),
  /** The institutions needed for the item (all, for the first). */
  institutionIds: z.array(z.uuid()),
});
export const agenda = z.object({
  items: z.array(agendaItem),
  totalMinutes: z.number().int(),
  overBy: z.number().int(),
  /** Minutes representatives sit in the room, summed over institutions, attending from their first to their last item. */
  sittingMinutes: z.number().int(),
});
export type Agenda = z.infer<typeof agenda>;

export const agendaBody = z.object({
  /** Every current nomination once, in the new order. */
  order: z.array(z.uuid()).max(100),
  version: z.number().int(),
});
export type AgendaBody = z.input<typeof agendaBody>;

export const agendaProposal = z.object({
  order: z.array(z.uuid()),
  before: z.object({ sittingMinutes: z.number().int() }),
  after: z.object({ sittingMinutes: z.number().int() }),
  /** Institutions whose cases now form one contiguous block. */
  contiguousInstitutions: z.number().int(),
  institutions: z.number().int(),
});
export type AgendaProposal = z.infer<typeof agendaProposal>;

// --- the conference page ---

export const conference = z.object({
  ...conferenceHead,
  /** Date and time in the conference's own zone, as entered. */
  date: isoDate,
  startTime: z.string(),
  durationMinutes: z.number().int(),
  minutesPerCase: z.number().int(),
  openCommitmentsMinutes: z.number().int(),
  videoUrl: z.string().nullable(),
  moderator: userRef.nullable(),
  minuteTaker: userRef.nullable(),
  statusHistory: z.array(
    z.object({ status: conferenceStatusSchema, at: timestamp, by: z.string().nullable() }),
  ),
  cancelReason: z.string().nullable(),
  /** The ICS SEQUENCE of the current state. */
  sequence: z.number().int(),
  warnings: z.array(conferenceWarning),
  invitations: z.array(invitation),
  nominations: z.array(nomination),
  agenda,
  /** What the caller may do here (the server checks again). */
  may: z.object({ manage: z.boolean(), nominate: z.boolean() }),
  version: z.number().int(),
});
export type Conference = z.infer<typeof conference>;

// --- briefs ---

export const countryGroups = [
  'eu_eea_ch',
  'europe_other',
  'middle_east_north_africa',
  'sub_saharan_africa',
  'asia',
  'americas',
  'oceania',
  'unknown',
] as const;
export type CountryGroup = (typeof countryGroups)[number];
export const ageBands = ['under_25', '25_34', '35_44', '45_54', '55_plus', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

/**
 * One case as one institution may see it now. Identifying fields are null unless consent says
 * identified for that institution; an anonymised case has no case code either.
 */
export const brief = z.object({
  nominationId: z.uuid(),
  level: z.enum(['identified', 'pseudonymised', 'anonymised']),
  caseCode: z.string().nullable(),
  name: z.string().nullable(),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  age: z.number().int().nullable(),
  ageBand: z.enum(ageBands),
  countryGroup: z.enum(countryGroups),
  /** Countries of the qualifications; null where only the group may be shown. */
  countries: z.array(z.string()).nullable(),
  qualifications: z.array(z.object({ title: z.string(), level: z.string().nullable() })),
  referenceOccupation: z.string().nullable(),
  recognition: z.array(
    z.object({ status: z.string(), outcome: z.string().nullable(), differences: z.string().nullable() }),
  ),
  languages: z.array(z.object({ language: z.string(), level: z.enum([...cefrLevels, 'native']).nullable() })),
  measures: z.array(z.object({ title: z.string(), status: z.string() })),
  question: z.string(),
  brief: z.string().nullable(),
  institutionsNeeded: z.array(z.string()),
});
export type Brief = z.infer<typeof brief>;

export const briefsQuery = z.object({ institutionId: z.uuid() });
export const briefPreview = z.object({
  institution: institutionName,
  scope: z.enum(consentScopes).nullable(),
  briefs: z.array(brief),
  /** Nominations this institution does not receive, counted (staff see why on the agenda). */
  withheld: z.number().int(),
});
export type BriefPreview = z.infer<typeof briefPreview>;
export const packParams = z.object({ id: z.uuid(), institutionId: z.uuid() });

/** An action on the whole conference at the version it was read at (fixing the agenda, sending invitations). */
export const conferenceVersionBody = z.object({ version: z.number().int() });
