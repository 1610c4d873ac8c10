import type { AuditEntry } from '../../contracts/audit';
import type { auditLog } from '../db/schema';

export function presentAuditEntry(row: {
  entry: typeof auditLog.$inferSelect;
  actorName: string | null;
  actorEmail: string | null;
  targetUserName: string | null;
  subjectCode: string | null;
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
    // The case number, not the name: the trail shows who touched which case; names need a lookup.
    subject: e.subjectClientId
      ? { id: e.subjectClientId, label: row.subjectCode ?? e.subjectClientId }
      : null,
    ip: e.ip,
    details: e.details,
  };
}
