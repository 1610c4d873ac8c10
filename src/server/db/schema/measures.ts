/** Measures and offers pursued for cases. */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { created, org } from './columns';
import { institutions, opportunities } from './network';

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
    index('client_measures_org_start_idx').on(t.organisationId, t.startDate),
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
