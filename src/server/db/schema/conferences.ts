/** Donor conferences: series, conferences, invitations, nominated cases and written input. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { clients } from './clients';
import { created, org } from './columns';
import { institutionContacts, institutions, sectors } from './network';
import { outbox } from './system';

/** A sector's conferences, three a year by default; the next one is made from it with its invitees. */
export const conferenceSeries = pgTable(
  'conference_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    title: text('title').notNull(),
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => sectors.id),
    perYear: integer('per_year').notNull().default(3),
    durationMinutes: integer('duration_minutes').notNull().default(120),
    minutesPerCase: integer('minutes_per_case').notNull().default(10),
    openCommitmentsMinutes: integer('open_commitments_minutes').notNull().default(10),
    startTime: text('start_time').notNull().default('09:30'),
    timeZone: text('time_zone').notNull().default('Europe/Berlin'),
    place: text('place'),
    videoUrl: text('video_url'),
    moderatorId: uuid('moderator_id').references(() => users.id),
    minuteTakerId: uuid('minute_taker_id').references(() => users.id),
    institutionIds: uuid('institution_ids').array().notNull().default(sql`'{}'`),
    contactIds: uuid('contact_ids').array().notNull().default(sql`'{}'`),
    ...created(),
  },
  (t) => [index('conference_series_org_idx').on(t.organisationId)],
);

/**
 * One conference. `starts_at` is the instant; `time_zone` the zone it was planned in, so that the
 * ICS names it and the local time survives a change of summer/winter time. `ics_uid` never
 * changes; `ics_sequence` is raised on every change that invitees must hear of.
 */
export const conferences = pgTable(
  'conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    seriesId: uuid('series_id').references(() => conferenceSeries.id, { onDelete: 'set null' }),
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => sectors.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Berlin'),
    durationMinutes: integer('duration_minutes').notNull().default(120),
    minutesPerCase: integer('minutes_per_case').notNull().default(10),
    openCommitmentsMinutes: integer('open_commitments_minutes').notNull().default(10),
    place: text('place'),
    videoUrl: text('video_url'),
    moderatorId: uuid('moderator_id').references(() => users.id),
    minuteTakerId: uuid('minute_taker_id').references(() => users.id),
    status: text('status').notNull().default('planned'),
    statusHistory: jsonb('status_history')
      .$type<{ status: string; at: string; by: string | null }[]>()
      .notNull()
      .default([]),
    cancelReason: text('cancel_reason'),
    icsUid: text('ics_uid').notNull(),
    icsSequence: integer('ics_sequence').notNull().default(0),
    agendaFixedAt: timestamp('agenda_fixed_at', { withTimezone: true }),
    /** Live mode: the agenda item being discussed (`commitments` or a nomination id) and since when. */
    liveItem: text('live_item'),
    liveItemStartedAt: timestamp('live_item_started_at', { withTimezone: true }),
    /** Live mode: the seconds spent on the first item (a case's are kept on its nomination). */
    commitmentsSeconds: integer('commitments_seconds').notNull().default(0),
    minutesPublishedAt: timestamp('minutes_published_at', { withTimezone: true }),
    minutesPublishedBy: uuid('minutes_published_by').references(() => users.id),
    /** Lower-case, unaccented title and place (lib/search-text), for the list's search. */
    searchText: text('search_text').notNull().default(''),
    ...created(),
  },
  (t) => [
    uniqueIndex('conferences_ics_uid_key').on(t.icsUid),
    index('conferences_org_starts_idx').on(t.organisationId, t.startsAt),
    index('conferences_series_idx').on(t.seriesId, t.startsAt),
  ],
);

/**
 * An invited institution, through one contact person or (without one) its own address. The RSVP
 * is per invitation; an institution has confirmed when one of its invitations says attending or
 * deputy. `token_nonce` is part of the signed RSVP link: a new one makes older links void.
 */
export const conferenceInvitations = pgTable(
  'conference_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    contactId: uuid('contact_id').references(() => institutionContacts.id, { onDelete: 'set null' }),
    answer: text('answer').notNull().default('pending'),
    deputyName: text('deputy_name'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The SEQUENCE of the last ICS this invitee received. */
    sentSequence: integer('sent_sequence').notNull().default(0),
    tokenNonce: text('token_nonce').notNull(),
    reminded7At: timestamp('reminded_7_at', { withTimezone: true }),
    reminded1At: timestamp('reminded_1_at', { withTimezone: true }),
    /**
     * The published minutes as this invitee received them: the mail in the outbox (its delivery is
     * read from there), and the cases its institution's copy carried and left out, as decided then.
     */
    minutesOutboxId: uuid('minutes_outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
    minutesCases: integer('minutes_cases'),
    minutesWithheld: integer('minutes_withheld'),
    ...created(),
  },
  (t) => [
    index('conference_invitations_conference_idx').on(t.conferenceId),
    uniqueIndex('conference_invitations_key').on(
      t.conferenceId,
      t.institutionId,
      sql`coalesce(${t.contactId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** A case put before a conference: the question, the institutions it needs, and how it is shown. */
export const conferenceNominations = pgTable(
  'conference_nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    brief: text('brief'),
    institutionIds: uuid('institution_ids').array().notNull().default(sql`'{}'`),
    anonymised: boolean('anonymised').notNull().default(false),
    minutes: integer('minutes'),
    position: integer('position').notNull().default(0),
    /** Live mode: when the case was first called up, and the seconds spent on it in all. */
    discussedAt: timestamp('discussed_at', { withTimezone: true }),
    discussedSeconds: integer('discussed_seconds').notNull().default(0),
    ...created(),
  },
  (t) => [
    uniqueIndex('conference_nominations_key').on(t.conferenceId, t.clientId),
    index('conference_nominations_client_idx').on(t.clientId),
  ],
);

/** Written input on a nominated case from an invited institution that cannot attend. */
export const conferenceInputs = pgTable(
  'conference_inputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => conferenceNominations.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    text: text('text').notNull(),
    ...created(),
  },
  (t) => [index('conference_inputs_nomination_idx').on(t.nominationId)],
);

/**
 * What is said at the table, per agenda item: a note, a decision or a dissent. Entries are added,
 * not merged, so two people writing at once never overwrite each other. The id may come from the
 * browser: an entry queued while offline and sent twice is stored once. An edit made on an older
 * version than the stored one is kept beside it as a new entry with `conflict_of` naming it.
 */
export const conferenceEntries = pgTable(
  'conference_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    /** Null: the first item (open commitments from earlier conferences). */
    nominationId: uuid('nomination_id').references(() => conferenceNominations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    conflictOf: uuid('conflict_of'),
    ...created(),
  },
  (t) => [index('conference_entries_conference_idx').on(t.conferenceId, t.createdAt)],
);

/**
 * The minutes of one agenda item as edited after the conference; without a row the item's
 * minutes are drafted from its entries and commitments. `item` is `commitments` or a nomination id.
 */
export const conferenceMinutes = pgTable(
  'conference_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    text: text('text').notNull(),
    ...created(),
  },
  (t) => [uniqueIndex('conference_minutes_item_key').on(t.conferenceId, t.item)],
);
