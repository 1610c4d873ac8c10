/** Funder reports a user saved to run again: the definition's id and version, and the choices made. */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { org } from './columns';

export const savedReports = pgTable(
  'saved_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    report: text('report').notNull(),
    /** The definition's version when saved: running it again uses the same definition (reports/definitions). */
    version: integer('version').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_reports_user_idx').on(t.userId)],
);
