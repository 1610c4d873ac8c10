import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { type Permission, permissionNames, type Role } from '../../contracts/auth';
import type { Actor } from './actor';
import { AppError, forbidden, notFound } from './errors';

/**
 * The one place that decides who may do what. Services call it before they read or write;
 * the web client only receives the resulting permission list to hide what would be refused.
 */
const permissionRoles = {
  'users.manage': ['admin'],
  'organisation.manage': ['admin'],
  'outbox.read': ['admin'],
  'audit.read': ['admin', 'dpo'],
  /**
   * Finding a person by name in the audit log answers names, birth dates and case codes: case
   * content, which the admin has none of. The dpo needs it for data-subject requests.
   */
  'audit.persons': ['dpo'],
  /** Case work: open cases, see the own and shared ones (counsellors) or all (leads). */
  'cases.work': ['lead', 'counsellor'],
  /** Reassign any case of the organisation, in bulk too. */
  'cases.reassign': ['lead'],
  /** Load reference occupations and other catalogues. */
  'catalogues.manage': ['admin', 'lead'],
  /** The network directory, the measures catalogue and employers' offers: read and kept by the staff. */
  'network.work': ['admin', 'lead', 'counsellor'],
  /** The organisation's sectors. */
  'sectors.manage': ['admin', 'lead'],
  /** Merging duplicates of the directory (moves references in case files). */
  'network.merge': ['admin', 'lead'],
  /** Donor conferences: the staff who bring cases see them; leads run them. */
  'conferences.read': ['lead', 'counsellor'],
  'conferences.manage': ['lead'],
  /** Put a case before a conference: counsellors their own cases (canSeeCase), leads any. */
  'conferences.nominate': ['lead', 'counsellor'],
  /**
   * Commitments: leads all of them, counsellors those on cases they can see (canSeeCase) and the
   * ones made on no case. Recording a report ("done", "dropped") is what staff do when an
   * institution tells them by phone; partners report their own in the partner portal.
   */
  'commitments.read': ['lead', 'counsellor'],
  'commitments.report': ['lead', 'counsellor'],
  /** Pathways for a profession: adopted by a conference, kept by leads; applied to a plan with cases.work. */
  'pathways.manage': ['lead'],
  /** The conference report for the steering group and the funder. */
  'conferences.report': ['lead'],
  /**
   * Funder reports: leads count the whole organisation, counsellors their own caseload (reports/);
   * admin and dpo see no case figures. Only leads open the cases behind a cell, and that is audited.
   */
  'reports.read': ['lead', 'counsellor'],
  'reports.drilldown': ['lead'],
  /**
   * The partner portal: a partner sees only what a consent valid now shares with the institution
   * of their session (`actor.institutionId`); everything out of that answers 404 (portal/).
   */
  'portal.use': ['partner'],
  /** Inviting and revoking the partner accounts of the directory's institutions. */
  'partners.manage': ['lead'],
  /** What an institution's partners have seen and received, and when (lead, dpo). */
  'partners.activity': ['lead', 'dpo'],
  /**
   * Privacy operations (privacy/): the dpo's workspace — the deletion job's notices and proofs,
   * disclosures, consents, reads outside a caseload, the breach helper, the paperwork.
   */
  'privacy.manage': ['dpo'],
  /** The retention classes' periods and the organisation's privacy settings (the dpo; the admin keeps settings). */
  'privacy.retention': ['admin', 'dpo'],
  /** Data-subject requests (access, rectification, erasure, restriction): the dpo and leads. */
  'privacy.requests': ['lead', 'dpo'],
  /** A legal hold keeps a case from deletion: the dpo and leads set and lift it. */
  'privacy.holds': ['lead', 'dpo'],
} as const satisfies Record<Permission, readonly Role[]>;

export type { Permission };

/** The table itself, for the paperwork's list of roles (privacy/paperwork.ts): written nowhere else. */
export function permissionTable(): Readonly<Record<Permission, readonly Role[]>> {
  return permissionRoles;
}

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

export function can(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  return hasRole(actor, ...permissionRoles[permission]);
}

export function assertCan(actor: Pick<Actor, 'roles'>, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

export function permissionsOf(actor: Pick<Actor, 'roles'>): Permission[] {
  return permissionNames.filter((p) => can(actor, p));
}

/**
 * Users who are staff, never a partner: `users.organisation_id` of a partner names the organisation
 * that invited them first, so every query of "the organisation's users" (pickers of owners,
 * moderators, notices, the admin's list) adds this over `users.roles`.
 */
export const notPartnerSql = (roles: SQL | AnyColumn): SQL => sql`NOT ('partner' = ANY(${roles}))`;

/** A record of another organisation answers exactly like a missing one. */
export function assertInOrganisation<T extends { organisationId: string }>(
  actor: Pick<Actor, 'organisationId'>,
  row: T | undefined | null,
  what = 'record',
): asserts row is T {
  if (!row || row.organisationId !== actor.organisationId) throw notFound(what);
}

export function requireAuthenticated(actor: Actor | null, expired = false): Actor {
  if (!actor) {
    throw expired
      ? new AppError('session_expired', 'Your session has expired; please log in again')
      : new AppError('unauthenticated', 'Please log in');
  }
  return actor;
}

/**
 * Which cases an actor sees: leads all of their organisation; counsellors the cases they own or
 * share; admin, dpo and partners none (partners see conference briefs, never the case file).
 */
export type CaseScope = 'organisation' | 'assigned' | 'none';

export function caseScope(actor: Pick<Actor, 'roles'>): CaseScope {
  if (hasRole(actor, 'lead')) return 'organisation';
  if (hasRole(actor, 'counsellor')) return 'assigned';
  return 'none';
}

/** Whether an actor may see (and work on) one case, given its owner and further counsellors. */
export function canSeeCase(
  actor: Pick<Actor, 'roles' | 'userId' | 'organisationId'>,
  c: { organisationId: string; ownerId: string; counsellorIds: string[] },
): boolean {
  if (c.organisationId !== actor.organisationId) return false;
  const scope = caseScope(actor);
  if (scope === 'organisation') return true;
  if (scope === 'assigned') return c.ownerId === actor.userId || c.counsellorIds.includes(actor.userId);
  return false;
}

/**
 * `canSeeCase` as a SQL condition over `clients` (or the alias given), for lists, search, export
 * and matching. The two forms are one rule: `access.test.ts` holds them to the same answers.
 */
export function visibleCasesSql(
  actor: Pick<Actor, 'roles' | 'userId' | 'organisationId'>,
  alias = 'clients',
): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const inOrganisation = sql`${col('organisation_id')} = ${actor.organisationId}::uuid`;
  const scope = caseScope(actor);
  if (scope === 'organisation') return inOrganisation;
  if (scope === 'assigned') {
    return sql`(${inOrganisation} AND (${col('owner_id')} = ${actor.userId}::uuid OR EXISTS (
      SELECT 1 FROM client_counsellors cc WHERE cc.client_id = ${col('id')} AND cc.user_id = ${actor.userId}::uuid)))`;
  }
  return sql`false`;
}

/** Hand a case to a colleague: leads any case, the owner their own. */
export function canReassignCase(actor: Pick<Actor, 'roles' | 'userId'>, c: { ownerId: string }): boolean {
  return can(actor, 'cases.reassign') || (hasRole(actor, 'counsellor') && c.ownerId === actor.userId);
}
