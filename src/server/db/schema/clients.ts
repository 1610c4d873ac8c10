/** The case: one row per client, its further counsellors, case numbers, stage history, saved list filters. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { created, org } from './columns';

/** Client and case in one row: the case is the engagement with the person. */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    caseCode: text('case_code').notNull(),
    stage: text('stage').notNull().default('intake'),
    closingOutcome: text('closing_outcome'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    givenNamesOriginal: text('given_names_original'),
    familyNameOriginal: text('family_name_original'),
    birthDate: date('birth_date'),
    gender: text('gender'),
    citizenships: text('citizenships').array().notNull().default(sql`'{}'`),
    birthCountry: text('birth_country'),
    languages: text('languages').array().notNull().default(sql`'{}'`),
    email: text('email'),
    phone: text('phone'),
    street: text('street'),
    postcode: text('postcode'),
    city: text('city'),
    district: text('district'),
    arrivalDate: date('arrival_date'),
    referralSource: text('referral_source'),
    benefits: text('benefits'),
    jobcentreCustomerNumber: text('jobcentre_customer_number'),
    currentEmployer: text('current_employer'),
    currentHoursPerWeek: real('current_hours_per_week'),
    currentJobBelowQualification: boolean('current_job_below_qualification'),
    intakeDate: date('intake_date').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    notes: text('notes'),
    /** ESF Plus entry indicator: the person's situation on the labour market when the case began. */
    employmentStatusAtEntry: text('employment_status_at_entry'),
    /**
     * ESF Plus results within four weeks of leaving (asked after closure). Job-seeking and employed
     * exclude each other, so they are one field (`exitLabour`); education and a qualification gained
     * may come with either. Null means not asked yet; 'no_answer' that the person chose not to say.
     */
    exitRecordedOn: date('exit_recorded_on'),
    exitLabour: text('exit_labour'),
    exitInEducation: boolean('exit_in_education'),
    exitQualificationGained: boolean('exit_qualification_gained'),
    /** Employment six months after leaving (a next step at closure reminds the counsellor to ask). */
    followUpRecordedOn: date('follow_up_recorded_on'),
    followUpEmployment: text('follow_up_employment'),
    /**
     * Lower-case, unaccented, transliterated names, case code and e-mail, followed by the names'
     * search keys (lib/search-text, after its KEYS_MARK): one trigram index serves both.
     */
    searchText: text('search_text').notNull().default(''),
    /** Normalised family and given names: one- and two-letter searches match their beginnings. */
    familyKey: text('family_key').notNull().default(''),
    givenKey: text('given_key').notNull().default(''),
    /**
     * Kept in step with the case's entries (clients/summary.ts) so that the list can filter on
     * them with an index: the earliest due date of an open step, the German level (1 = A1 … 7 = native).
     */
    nextStepDue: date('next_step_due'),
    germanLevel: integer('german_level'),
    /** The sector of the case (organisation's list), for conferences and matching. */
    sectorId: uuid('sector_id'),
    /**
     * Privacy (privacy/): a legal hold keeps the case from the deletion job (with its reason); a
     * restriction (Art. 18) freezes it, readable by the dpo only; an anonymised case keeps only what
     * the funder reports count.
     */
    legalHoldReason: text('legal_hold_reason'),
    legalHoldSince: timestamp('legal_hold_since', { withTimezone: true }),
    legalHoldBy: uuid('legal_hold_by'),
    restrictedSince: timestamp('restricted_since', { withTimezone: true }),
    restrictedBy: uuid('restricted_by'),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    ...created(),
  },
  (t) => [
    uniqueIndex('clients_case_code_key').on(t.organisationId, t.caseCode),
    index('clients_org_name_idx').on(t.organisationId, t.familyName, t.givenNames),
    index('clients_org_owner_idx').on(t.organisationId, t.ownerId),
    index('clients_org_stage_idx').on(t.organisationId, t.stage),
    index('clients_org_updated_idx').on(t.organisationId, t.updatedAt),
    index('clients_org_birth_idx').on(t.organisationId, t.birthDate),
    index('clients_org_email_idx').on(t.organisationId, t.email),
    index('clients_org_intake_idx').on(t.organisationId, t.intakeDate),
    index('clients_org_closed_idx').on(t.organisationId, t.closedAt),
    index('clients_org_family_key_idx').on(t.organisationId, t.familyKey.op('text_pattern_ops')),
    index('clients_org_given_key_idx').on(t.organisationId, t.givenKey.op('text_pattern_ops')),
    index('clients_org_next_step_idx').on(t.organisationId, t.nextStepDue),
    index('clients_org_german_idx').on(t.organisationId, t.germanLevel),
    index('clients_org_sector_idx').on(t.organisationId, t.sectorId),
    // Every search scans the index's pending list of new entries in full; PGlite has no autovacuum
    // to merge it, so it grew to the 4 MB default and cost a third of a search (bench/RESULTS.md).
    // 256 kB keeps the scan short and an import's entries still merged in batches.
    index('clients_search_text_trgm')
      .using('gin', t.searchText.op('gin_trgm_ops'))
      .with({ gin_pending_list_limit: 256 }),
  ],
);

/** Further counsellors who work on a case besides its owner. */
export const clientCounsellors = pgTable(
  'client_counsellors',
  {
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.userId] }), index('client_counsellors_user_idx').on(t.userId)],
);

export const caseCounters = pgTable(
  'case_counters',
  {
    organisationId: org(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

/** Every stage change with time and user: the basis for time-to-outcome figures. */
export const caseTransitions = pgTable(
  'case_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    reason: text('reason'),
    outcome: text('outcome'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
  },
  (t) => [index('case_transitions_client_idx').on(t.clientId, t.at)],
);

export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_filters_user_idx').on(t.userId)],
);
