import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/** Who made and last changed a row, and its version for optimistic locking. */
export const created = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

/** The organisation a row belongs to: every query of personal or network data filters on it. */
export const org = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);
