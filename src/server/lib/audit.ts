import type { AuditAction } from '../../contracts/audit';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import type { Actor } from './actor';

export interface AuditInput {
  action: AuditAction;
  entityType?: string;
  entityId?: string | null;
  /** The client whose personal data was read or changed. */
  subjectClientId?: string | null;
  details?: Record<string, unknown>;
}

/** The one way to write the audit log. Call it inside the transaction of the change it records. */
export async function audit(
  db: Db,
  actor: Pick<Actor, 'userId' | 'organisationId' | 'ip'>,
  entry: AuditInput,
) {
  await auditSystem(
    db,
    { organisationId: actor.organisationId, actorUserId: actor.userId, ip: actor.ip },
    entry,
  );
}

/** For events without a logged-in actor (failed logins, setup). */
export async function auditSystem(
  db: Db,
  who: { organisationId: string | null; actorUserId: string | null; ip: string | null },
  entry: AuditInput,
) {
  await db.insert(auditLog).values({
    organisationId: who.organisationId,
    actorUserId: who.actorUserId,
    ip: who.ip,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    subjectClientId: entry.subjectClientId ?? null,
    details: entry.details ?? null,
  });
}
