import type { Role } from '../../contracts/auth';
import type { User } from '../../contracts/users';
import type { users } from '../db/schema';

export function presentUser(row: typeof users.$inferSelect): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles as Role[],
    language: row.language as User['language'],
    status: row.status as User['status'],
    totpEnabled: Boolean(row.totpSecret),
    team: row.team,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
