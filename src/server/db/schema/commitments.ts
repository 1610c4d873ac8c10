/** Commitments: who (institution and person) does what for which case by when. */
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { clients } from './clients';
import { created, org } from './columns';
import { conferenceNominations, conferences } from './conferences';
import { institutionContacts, institutions } from './network';

/**
 * Made at a conference, for a case (or, on the first item, for none); `open → done | dropped`,
 * overdue when past due. `reported_on` is the day the institution said so, which may be earlier
 * than the day it was recorded (`reported_at`). The id may come from the browser (live mode's
 * offline queue sends it once more after a lost answer).
 */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    nominationId: uuid('nomination_id').references(() => conferenceNominations.id, { onDelete: 'set null' }),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** The responsible person from the directory; `responsible_name` is kept as said at the table. */
    contactId: uuid('contact_id').references(() => institutionContacts.id, { onDelete: 'set null' }),
    responsibleName: text('responsible_name'),
    action: text('action').notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status').notNull().default('open'),
    statusNote: text('status_note'),
    reportedOn: date('reported_on'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by').references(() => users.id),
    /** The institution's last word on progress (partner portal): a note, not a change of status. */
    progressNote: text('progress_note'),
    progressAt: timestamp('progress_at', { withTimezone: true }),
    progressBy: uuid('progress_by').references(() => users.id),
    remindedBeforeAt: timestamp('reminded_before_at', { withTimezone: true }),
    remindedOverdueAt: timestamp('reminded_overdue_at', { withTimezone: true }),
    ...created(),
  },
  (t) => [
    index('commitments_org_institution_due_idx').on(t.organisationId, t.institutionId, t.dueDate),
    index('commitments_org_due_idx').on(t.organisationId, t.dueDate),
    index('commitments_open_due_idx').on(t.dueDate).where(sql`status = 'open'`),
    index('commitments_conference_idx').on(t.conferenceId),
    index('commitments_client_idx').on(t.clientId),
  ],
);
