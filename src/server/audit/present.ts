import type { AuditEntry } from '../../contracts/audit';
import type { auditLog } from '../db/schema';

export function presentAuditEntry(row: {
  entry: typeof auditLog.$inferSelect;
  actorName: string | null;
  actorEmail: string | null;
  targetUserName: string | null;
}): AuditEntry {
  const e = row.entry;
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    action: e.action,
    actor: e.actorUserId
      ? { id: e.actorUserId, name: row.actorName ?? '?', email: row.actorEmail ?? '' }
      : null,
    entityType: e.entityType,
    entityId: e.entityId,
    entityLabel: row.targetUserName,
    subject: e.subjectClientId ? { id: e.subjectClientId, label: e.subjectClientId } : null,
    ip: e.ip,
    details: e.details,
  };
}
