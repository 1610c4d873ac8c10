/** Consents of clients and the log of what was disclosed to whom on which consent. */
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { created, org } from './columns';
import { institutions } from './network';

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    purposes: text('purposes').array().notNull(),
    institutions: text('institutions').array().notNull().default(sql`'{}'`),
    institutionIds: uuid('institution_ids').array().notNull().default(sql`'{}'`),
    /**
     * The receiving institutions' names as comparison keys (lib/consent `nameKeys`), so that the
     * consent policy matches a typed name the same way in SQL as in the process.
     */
    institutionKeys: text('institution_keys').array().notNull().default(sql`'{}'`),
    dataCategories: text('data_categories').array().notNull().default(sql`'{}'`),
    scope: text('scope').notNull(),
    formLanguage: text('form_language').notNull(),
    givenOn: date('given_on').notNull(),
    validUntil: date('valid_until'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
    /**
     * Set when the record was corrected rather than withdrawn: a record that contradicted itself
     * (recipients without the purpose to pass data to them, or the other way round) is replaced by
     * the corrected one and ends at `withdrawn_at`, so the consent policy needs no other rule.
     */
    replacedBy: uuid('replaced_by'),
    evidenceDocumentId: uuid('evidence_document_id'),
    notes: text('notes'),
    ...created(),
  },
  (t) => [
    index('consents_client_idx').on(t.clientId),
    index('consents_org_until_idx').on(t.organisationId, t.validUntil),
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
    /** The conference whose pack or brief carried the data. */
    conferenceId: uuid('conference_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    byUserId: uuid('by_user_id'),
  },
  (t) => [
    index('disclosures_client_idx').on(t.clientId, t.at),
    index('disclosures_institution_idx').on(t.institutionId),
  ],
);
