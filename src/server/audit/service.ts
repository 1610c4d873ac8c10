import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AuditFilter } from '../../contracts/audit';
import type { AppContext } from '../context';
import { auditLog, users } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { presentAuditEntry } from './present';

/** Admins and the data protection officer read the trail; reading it is itself recorded. */
export async function searchAudit(ctx: AppContext, actor: Actor, query: AuditFilter) {
  assertCan(actor, 'audit.read');
  const conditions: SQL[] = [eq(auditLog.organisationId, actor.organisationId)];
  if (query.actorId) conditions.push(eq(auditLog.actorUserId, query.actorId));
  if (query.subjectId) conditions.push(eq(auditLog.subjectClientId, query.subjectId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.from) conditions.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) conditions.push(lte(auditLog.at, new Date(query.to)));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ entry: auditLog, actorName: users.name, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const { limit, offset, ...filters } = query;
  await audit(ctx.db, actor, { action: 'audit.searched', details: { filters, offset } });
  return { items: rows.map(presentAuditEntry), total: total?.n ?? 0, limit, offset };
}
