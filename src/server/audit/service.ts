import { and, asc, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AuditFilter } from '../../contracts/audit';
import { nameSearch } from '../clients/service';
import type { AppContext } from '../context';
import { auditLog, clients, users } from '../db/schema';
import { assertCan, can } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { namesOf } from './names';
import { idsMentioned, presentAuditEntry } from './present';

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
        subjectCode: clients.caseCode,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(clients, eq(clients.id, auditLog.subjectClientId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const { limit, offset, ...filters } = query;
  await audit(ctx.db, actor, { action: 'audit.searched', details: { filters, offset } });
  const names = await namesOf(ctx.db, actor.organisationId, idsMentioned(rows));
  return {
    items: rows.map((row) => presentAuditEntry(row, names, can(actor, 'audit.persons'))),
    total: total?.n ?? 0,
    limit,
    offset,
  };
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

/**
 * Finds the person behind a data-subject request or a question about access: name in any script
 * or case number. The data protection officer sees the name only here, and the lookup is recorded;
 * the admin reads the trail too but has no case content, so not this.
 */
export async function lookupPersons(ctx: AppContext, actor: Actor, q: string) {
  assertCan(actor, 'audit.persons');
  const conditions = nameSearch(q);
  if (conditions.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: clients.id,
      caseCode: clients.caseCode,
      givenNames: clients.givenNames,
      familyName: clients.familyName,
      birthDate: clients.birthDate,
    })
    .from(clients)
    .where(and(eq(clients.organisationId, actor.organisationId), ...conditions))
    .orderBy(asc(clients.familyName))
    .limit(20);
  await audit(ctx.db, actor, { action: 'audit.person_lookup', details: { q, results: rows.length } });
  return rows.map((r) => ({
    id: r.id,
    caseCode: r.caseCode,
    name: `${r.givenNames} ${r.familyName}`,
    birthDate: r.birthDate,
  }));
}
