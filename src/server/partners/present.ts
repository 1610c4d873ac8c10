/**
 * A partner account as the organisation sees it: the membership (this organisation's access), the
 * person (name, e-mail, whether a password and a second factor are set — never the hash or the
 * secret themselves) and the institution they act for.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PartnerAccount, PartnerStatus } from '../../contracts/partners';
import type { Db } from '../db/client';
import { institutionContacts, institutions, partnerMemberships, users } from '../db/schema';
import { notFound } from '../lib/errors';

/** invited: no password set yet; revoked: this organisation ended the access (whatever the password). */
const statusSql = sql<PartnerStatus>`CASE
  WHEN ${partnerMemberships.status} = 'revoked' THEN 'revoked'
  WHEN ${users.passwordHash} IS NULL THEN 'invited'
  ELSE 'active' END`;

/** The list's status filter as a condition over the same columns. */
export function statusConditionSql(status: PartnerStatus): SQL {
  if (status === 'revoked') return sql`${partnerMemberships.status} = 'revoked'`;
  const password = status === 'invited' ? sql`IS NULL` : sql`IS NOT NULL`;
  return sql`(${partnerMemberships.status} = 'active' AND ${users.passwordHash} ${password})`;
}

const columns = {
  id: partnerMemberships.id,
  userId: users.id,
  name: users.name,
  email: users.email,
  institutionId: institutions.id,
  institutionName: institutions.name,
  contactId: institutionContacts.id,
  contactName: institutionContacts.name,
  status: statusSql,
  totpEnabled: sql<boolean>`${users.totpSecret} IS NOT NULL`,
  lastLoginAt: users.lastLoginAt,
  invitedAt: partnerMemberships.createdAt,
  version: partnerMemberships.version,
};
/** The accounts of one organisation that meet `where` (over memberships, users, institutions). */
export async function selectAccounts(
  db: Db,
  organisationId: string,
  where?: SQL,
  orderBy: SQL[] = [sql`lower(${users.name})`],
): Promise<PartnerAccount[]> {
  const rows = await db
    .select(columns)
    .from(partnerMemberships)
    .innerJoin(users, eq(users.id, partnerMemberships.userId))
    .innerJoin(institutions, eq(institutions.id, partnerMemberships.institutionId))
    .leftJoin(institutionContacts, eq(institutionContacts.id, partnerMemberships.contactId))
    .where(and(eq(partnerMemberships.organisationId, organisationId), where))
    .orderBy(...orderBy);
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    name: r.name,
    email: r.email,
    institution: { id: r.institutionId, name: r.institutionName },
    contact: r.contactId && r.contactName ? { id: r.contactId, name: r.contactName } : null,
    status: r.status,
    totpEnabled: Boolean(r.totpEnabled),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    invitedAt: r.invitedAt.toISOString(),
    version: r.version,
  }));
}

/** One account of the organisation; another organisation's answers like a missing one. */
export async function accountOf(db: Db, organisationId: string, id: string): Promise<PartnerAccount> {
  const [account] = await selectAccounts(db, organisationId, eq(partnerMemberships.id, id));
  if (!account) throw notFound('partner account');
  return account;
}
