import type { Role, SessionUser } from '../../contracts/auth';
import type { Language } from '../../contracts/common';
import { hasRole, permissionsOf } from '../lib/access';
import type { Actor } from '../lib/actor';

/** Roles that must enrol a second factor when the organisation requires it. */
export const totpRequiredRoles: Role[] = ['admin', 'partner'];

/**
 * Partners always enrol one at their first login (issue 13: they read case briefs from outside
 * the organisation, often on a phone); admins when the organisation requires it.
 */
export function totpEnrolmentRequired(
  user: { roles: Role[]; totpEnabled: boolean },
  requireTotp: boolean,
): boolean {
  if (user.totpEnabled) return false;
  return hasRole(user, 'partner') || (requireTotp && hasRole(user, ...totpRequiredRoles));
}

export function presentMe(actor: Actor): SessionUser {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    roles: actor.roles,
    language: actor.language as Language,
    organisation: { id: actor.organisationId, name: actor.organisationName },
    totpEnabled: actor.totpEnabled,
    totpEnrolmentRequired: actor.totpEnrolmentRequired,
    institution:
      actor.institutionId && actor.institutionName
        ? { id: actor.institutionId, name: actor.institutionName }
        : null,
    organisations: actor.organisations,
    organisationChoiceRequired: actor.organisationChoiceRequired,
    permissions: permissionsOf(actor),
  };
}
