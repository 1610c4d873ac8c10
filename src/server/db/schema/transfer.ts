import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { org } from './columns';

/** An uploaded client list between upload, dry run and commit. */
export const clientImports = pgTable('client_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: org(),
  userId: uuid('user_id').notNull(),
  filename: text('filename').notNull(),
  columns: text('columns').array().notNull(),
  rows: jsonb('rows').$type<string[][]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  importedCount: integer('imported_count'),
});
