import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. No foreign keys, so that
 * the trail outlives the rows it talks about (anonymised clients, removed users).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    /** The person (client) whose data was read or changed. */
    subjectClientId: uuid('subject_client_id'),
    ip: text('ip'),
    /** A partner's institution: what an institution has seen is read by it (lead, dpo). */
    institutionId: uuid('institution_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_org_at_idx').on(t.organisationId, t.at),
    index('audit_actor_idx').on(t.actorUserId, t.at),
    index('audit_subject_idx').on(t.subjectClientId, t.at),
    index('audit_entity_idx').on(t.entityId),
    index('audit_institution_idx').on(t.organisationId, t.institutionId, t.at),
  ],
);
