import { and, asc, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuditFilter } from '../../contracts/audit';
import type { AppContext } from '../context';
import { auditLog, users } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { presentAuditEntry } from './present';

const targetUser = alias(users, 'target_user');

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
      .select({
        entry: auditLog,
        actorName: users.name,
        actorEmail: users.email,
        targetUserName: targetUser.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(targetUser, and(eq(auditLog.entityType, 'user'), eq(targetUser.id, auditLog.entityId)))
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

/** The users of the organisation, to filter the trail by; the DPO may see who acted, not manage them. */
export async function auditActors(ctx: AppContext, actor: Actor) {
  assertCan(actor, 'audit.read');
  return ctx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.organisationId, actor.organisationId))
    .orderBy(asc(users.name));
}
