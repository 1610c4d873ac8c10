/**
 * The network: sectors, the institution directory with contact persons, and employers' offers.
 * This module is what other domains use: references they check (an institution, sectors of the
 * organisation), the institutions involved in a case, and offers for matching. The directory's
 * own work is in the files beside it (institutions, sectors, opportunities, merge, transfer).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { InstitutionType } from '../../contracts/network';
import type { Db } from '../db/client';
import { institutions, sectors } from '../db/schema';
import type { Actor } from '../lib/actor';
import { invalidField } from '../lib/errors';

export { involvedInstitutions } from './involved';
export { selectOpportunities } from './opportunities';
export { presentOpportunity } from './present';
export { defaultSectors } from './sectors';

/** An institution of the organisation, optionally of certain types (e.g. a company for an offer). */
export async function assertInstitution(
  db: Db,
  actor: Actor,
  id: unknown,
  field: string,
  types?: InstitutionType[],
) {
  if (!id) return null;
  const [row] = await db
    .select({ id: institutions.id, name: institutions.name, type: institutions.type })
    .from(institutions)
    .where(and(eq(institutions.id, String(id)), eq(institutions.organisationId, actor.organisationId)));
  if (!row) throw invalidField(field, 'not an institution of the directory');
  if (types && !types.includes(row.type as InstitutionType))
    throw invalidField(field, `must be of type ${types.join(' or ')}`);
  return row;
}

/** Sector ids must be the organisation's own. */
export async function assertSectors(db: Db, actor: Actor, ids: string[], field = 'sectorIds') {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: sectors.id })
    .from(sectors)
    .where(and(eq(sectors.organisationId, actor.organisationId), inArray(sectors.id, ids)));
  if (found.length !== new Set(ids).size) throw invalidField(field, 'unknown sector');
}

export async function sectorNames(db: Db, organisationId: string) {
  const rows = await db
    .select({ id: sectors.id, name: sectors.name })
    .from(sectors)
    .where(eq(sectors.organisationId, organisationId));
  return new Map(rows.map((r) => [r.id, r.name]));
}
