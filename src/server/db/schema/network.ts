/** The network directory: sectors, institutions and their contact persons, employers' offers. */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { created, org } from './columns';
import { occupations } from './occupations';

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
