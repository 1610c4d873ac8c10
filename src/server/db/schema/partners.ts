import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { created, org } from './columns';
import { institutionContacts, institutions } from './network';

/**
 * A partner user's place in an organisation: the institution of the directory they act for there.
 * One person (one `users` row, one e-mail) may be a partner of several organisations of the
 * installation — a job centre works with several counselling centres — with one row each; the
 * session names the organisation they chose after login, and everything they see is filtered by
 * the institution of that organisation's row. `users.organisation_id` of a partner only names the
 * organisation that invited them first. A revoked row ends access to that organisation at once.
 */
export const partnerMemberships = pgTable(
  'partner_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** The contact person of the directory this account was made for, when it was. */
    contactId: uuid('contact_id').references(() => institutionContacts.id, { onDelete: 'set null' }),
    /** `active` or `revoked`. */
    status: text('status').notNull().default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...created(),
  },
  (t) => [
    uniqueIndex('partner_memberships_key').on(t.organisationId, t.userId),
    index('partner_memberships_user_idx').on(t.userId),
    index('partner_memberships_institution_idx')
      .on(t.organisationId, t.institutionId)
      .where(sql`status = 'active'`),
  ],
);
