/**
 * Privacy operations (privacy/): retention rules per organisation, the deletion job's notices and
 * proofs, data-subject requests. Holds and restrictions live on the case (clients).
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { created, org } from './columns';

/**
 * One row per organisation and retention class that differs from the defaults
 * (contracts/privacy `defaultRetention`): months and the event they count from.
 */
export const retentionRules = pgTable(
  'retention_rules',
  {
    organisationId: org(),
    class: text('class').notNull(),
    months: integer('months').notNull(),
    startEvent: text('start_event').notNull(),
    ...created(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.class] })],
);

/**
 * What the paperwork and the ESF rule need from the organisation: the legal framework whose labels
 * it uses (GDPR, KDG, DSG-EKD), the last ESF payment (from the grant decision), the controller and
 * the dpo's contact for the record of processing activities.
 */
export const privacySettings = pgTable('privacy_settings', {
  organisationId: org().primaryKey(),
  framework: text('framework').notNull().default('gdpr'),
  esfLastPaymentOn: date('esf_last_payment_on'),
  noticeDays: integer('notice_days').notNull().default(14),
  controller: text('controller'),
  dpoContact: text('dpo_contact'),
  ...created(),
});

/**
 * The deletion job's worklist: a case past its retention is announced (the dpo sees it for
 * `notice_days`), then anonymised in one transaction that sets `state = 'files'` and lists the
 * files to remove; removing them and setting `done` follows. A run finds 'files' rows left by a
 * crash and finishes them, so a person is never half deleted.
 */
export const retentionNotices = pgTable(
  'retention_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** The day the retention ended, and by which classes (class → end date and rule). */
    retentionEndedOn: date('retention_ended_on').notNull(),
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    announcedAt: timestamp('announced_at', { withTimezone: true }).notNull().defaultNow(),
    deleteAfter: timestamp('delete_after', { withTimezone: true }).notNull(),
    /** announced → files → done; 'withdrawn' when a hold, a new contact or a reopening stopped it. */
    state: text('state').notNull().default('announced'),
    files: text('files').array().notNull().default(sql`'{}'`),
    proofId: uuid('proof_id'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('retention_notices_org_state_idx').on(t.organisationId, t.state, t.deleteAfter),
    index('retention_notices_client_idx').on(t.clientId),
  ],
);

/**
 * Proof of deletion, without personal data: the case's keyed pseudonym, which classes ran out
 * under which rule, how many records of each kind went, when and by whom (the job or an erasure).
 * No foreign keys: it outlives the case's audit entries it replaces.
 */
export const deletionProofs = pgTable(
  'deletion_proofs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    pseudonym: text('pseudonym').notNull(),
    reason: text('reason').notNull(),
    classes: text('classes').array().notNull(),
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull().defaultNow(),
    deletedBy: uuid('deleted_by'),
    requestId: uuid('request_id'),
  },
  (t) => [index('deletion_proofs_org_idx').on(t.organisationId, t.deletedAt)],
);

/**
 * Data-subject requests (Art. 15–18 GDPR and their KDG / DSG-EKD twins): when it came, the
 * one-month deadline, what was done, and the written reason when refused.
 */
export const dataSubjectRequests = pgTable(
  'data_subject_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    /** Null once the person is erased: the request stays, as the proof that it was answered. */
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    receivedOn: date('received_on').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('open'),
    note: text('note'),
    outcome: text('outcome'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    ...created(),
  },
  (t) => [
    index('dsr_org_status_idx').on(t.organisationId, t.status, t.dueOn),
    index('dsr_client_idx').on(t.clientId),
  ],
);
