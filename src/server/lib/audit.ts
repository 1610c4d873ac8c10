import { type SQL, sql } from 'drizzle-orm';
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
/** Who acts: a logged-in actor (a partner's entries carry their institution) or a system caller. */
type Acting = Pick<Actor, 'userId' | 'organisationId' | 'ip'> & { institutionId?: string | null };

export async function audit(db: Db, actor: Acting, entry: AuditInput) {
  await auditMany(db, whoOf(actor), [entry]);
}

/** Who an entry is written for when there is no logged-in actor (failed logins, setup, the demo). */
export interface AuditWho {
  organisationId: string | null;
  actorUserId: string | null;
  ip: string | null;
  /** A partner's institution, so that what an institution has seen can be read by institution. */
  institutionId?: string | null;
}

/** For events without a logged-in actor (failed logins, setup). */
export async function auditSystem(db: Db, who: AuditWho, entry: AuditInput) {
  await auditMany(db, who, [entry]);
}

/** Rows per INSERT: large imports and exports stay well below the drivers' parameter limit. */
const BATCH = 1000;

/**
 * Many entries of one actor at once: an import records every person it opened a case for, an
 * export every person it wrote out. Same rows as one `audit` call each, in few statements.
 */
export async function auditMany(db: Db, who: AuditWho, entries: AuditInput[]) {
  for (let i = 0; i < entries.length; i += BATCH) {
    await db.insert(auditLog).values(
      entries.slice(i, i + BATCH).map((entry) => ({
        organisationId: who.organisationId,
        actorUserId: who.actorUserId,
        ip: who.ip,
        institutionId: who.institutionId ?? null,
        action: entry.action,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        subjectClientId: entry.subjectClientId ?? null,
        details: entry.details ?? null,
      })),
    );
  }
}

/** `auditMany` for a logged-in actor. */
export function auditActorMany(db: Db, actor: Acting, entries: AuditInput[]) {
  return auditMany(db, whoOf(actor), entries);
}

function whoOf(actor: Acting): AuditWho {
  return {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    ip: actor.ip,
    institutionId: actor.institutionId ?? null,
  };
}

/**
 * Removes audit entries — the retention job's alone (privacy/deletion.ts): entries about a case it
 * anonymises (its proof of deletion replaces them) and entries past the audit class's period.
 * The append-only trigger lets a DELETE through only inside a transaction that says so
 * (migration 0017), so call this inside the job's transaction. Returns how many went.
 */
export async function removeAuditEntries(tx: Db, where: SQL): Promise<number> {
  await tx.execute(sql`SELECT set_config('lotse.retention', 'on', true)`);
  const removed = await tx.execute<{ n: number }>(
    sql`WITH gone AS (DELETE FROM audit_log WHERE ${where} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  await tx.execute(sql`SELECT set_config('lotse.retention', 'off', true)`);
  return removed.rows[0]?.n ?? 0;
}
