import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients, occupations } from './clients';
import { created, org } from './columns';

/** The organisation's sectors (health and care, IT, …): cases, institutions, measures and conferences use them. */
export const sectors = pgTable(
  'sectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('sectors_org_name_key').on(t.organisationId, t.name)],
);

/** The network: authorities, agencies, chambers, providers, companies … */
export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    sectorIds: uuid('sector_ids').array().notNull().default(sql`'{}'`),
    district: text('district'),
    street: text('street'),
    postcode: text('postcode'),
    city: text('city'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    /** False once the institution is closed or no longer works with the centre; kept for the records. */
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').notNull().default(''),
    ...created(),
  },
  (t) => [
    index('institutions_org_type_idx').on(t.organisationId, t.type),
    index('institutions_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const institutionContacts = pgTable(
  'institution_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    function: text('function'),
    email: text('email'),
    phone: text('phone'),
    language: text('language'),
    consentToContact: boolean('consent_to_contact').notNull().default(false),
    consentDate: date('consent_date'),
    ...created(),
  },
  (t) => [index('institution_contacts_institution_idx').on(t.institutionId)],
);

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    providerId: uuid('provider_id').references(() => institutions.id, { onDelete: 'set null' }),
    sectorIds: uuid('sector_ids').array().notNull().default(sql`'{}'`),
    occupationIds: uuid('occupation_ids').array().notNull().default(sql`'{}'`),
    online: boolean('online').notNull().default(false),
    place: text('place'),
    district: text('district'),
    startDates: date('start_dates').array().notNull().default(sql`'{}'`),
    durationWeeks: integer('duration_weeks'),
    teachingUnits: integer('teaching_units'),
    capacity: integer('capacity'),
    costCents: integer('cost_cents'),
    funders: text('funders').array().notNull().default(sql`'{}'`),
    minLanguageLevel: text('min_language_level'),
    entryLevel: text('entry_level'),
    targetLevel: text('target_level'),
    compensates: text('compensates').array().notNull().default(sql`'{}'`),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').notNull().default(''),
    ...created(),
  },
  (t) => [
    index('measures_org_active_idx').on(t.organisationId, t.active),
    index('measures_sectors_gin').using('gin', t.sectorIds),
    index('measures_occupations_gin').using('gin', t.occupationIds),
    index('measures_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** A measure acquired for a client: proposed → applied → funding requested → funded → started → completed | dropped | rejected. */
export const clientMeasures = pgTable(
  'client_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    status: text('status').notNull().default('proposed'),
    history: jsonb('history')
      .$type<{ status: string; at: string; by: string | null }[]>()
      .notNull()
      .default([]),
    funderId: uuid('funder_id').references(() => institutions.id, { onDelete: 'set null' }),
    fundingType: text('funding_type'),
    amountCents: integer('amount_cents'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    outcomeNote: text('outcome_note'),
    ...created(),
  },
  (t) => [
    index('client_measures_client_idx').on(t.clientId),
    index('client_measures_measure_idx').on(t.measureId),
  ],
);

export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => institutions.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    sectorId: uuid('sector_id').references(() => sectors.id, { onDelete: 'set null' }),
    occupationId: uuid('occupation_id').references(() => occupations.id),
    district: text('district'),
    minLanguageLevel: text('min_language_level'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    places: integer('places').notNull().default(1),
    status: text('status').notNull().default('open'),
    description: text('description'),
    searchText: text('search_text').notNull().default(''),
    ...created(),
  },
  (t) => [
    index('opportunities_org_status_idx').on(t.organisationId, t.status),
    index('opportunities_occupation_idx').on(t.organisationId, t.occupationId),
    index('opportunities_search_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** An opportunity for a client: suggested → introduced → interview → offer → started | declined. */
export const clientOpportunities = pgTable(
  'client_opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    status: text('status').notNull().default('suggested'),
    history: jsonb('history')
      .$type<{ status: string; at: string; by: string | null }[]>()
      .notNull()
      .default([]),
    employerFeedback: text('employer_feedback'),
    ...created(),
  },
  (t) => [
    uniqueIndex('client_opportunities_key').on(t.clientId, t.opportunityId),
    index('client_opportunities_opportunity_idx').on(t.opportunityId),
  ],
);

/**
 * Every disclosure of a client's data to an institution: what, to whom, when, on which consent.
 * Needed for access requests, for telling recipients of a withdrawal, and for breach reports.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'set null' }),
    recipientName: text('recipient_name').notNull(),
    purpose: text('purpose').notNull(),
    dataCategories: text('data_categories').array().notNull(),
    consentId: uuid('consent_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    byUserId: uuid('by_user_id'),
  },
  (t) => [
    index('disclosures_client_idx').on(t.clientId, t.at),
    index('disclosures_institution_idx').on(t.institutionId),
  ],
);
