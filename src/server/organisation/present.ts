import type { OrganisationSettings, OutboxMessage } from '../../contracts/organisation';
import type { organisations, outbox } from '../db/schema';

/** The settings an admin may change; nothing else of the row goes out. */
export function presentSettings(org: typeof organisations.$inferSelect): OrganisationSettings {
  return { id: org.id, name: org.name, requireTotp: org.requireTotp, version: org.version };
}

/**
 * A message of the outbox as admins see it when no SMTP server is configured: the text is shown
 * because invitation links must reach people somehow; the mail itself names no client.
 */
export function presentOutboxMessage(m: typeof outbox.$inferSelect): OutboxMessage {
  return {
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    text: m.textBody,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    attempts: m.attempts,
    lastError: m.lastError,
  };
}
