import type { Role, SessionUser } from '../../contracts/auth';
import type { Language } from '../../contracts/common';
import { hasRole, permissionsOf } from '../lib/access';
import type { Actor } from '../lib/actor';

/** Roles that must enrol a second factor when the organisation requires it. */
export const totpRequiredRoles: Role[] = ['admin', 'partner'];

export function totpEnrolmentRequired(
  user: { roles: Role[]; totpEnabled: boolean },
  requireTotp: boolean,
): boolean {
  return requireTotp && !user.totpEnabled && hasRole(user, ...totpRequiredRoles);
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
    permissions: permissionsOf(actor),
  };
}
