import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { institutions, organisations, partnerMemberships } from '../db/schema';

/** Where a partner may work: each organisation with an active membership, and the institution they act for there. */
export interface PartnerPlace {
  organisationId: string;
  organisationName: string;
  requireTotp: boolean;
  institutionId: string;
  institutionName: string;
}

export async function partnerPlaces(db: Db, userId: string): Promise<PartnerPlace[]> {
  return db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      requireTotp: organisations.requireTotp,
      institutionId: institutions.id,
      institutionName: institutions.name,
    })
    .from(partnerMemberships)
    .innerJoin(organisations, eq(organisations.id, partnerMemberships.organisationId))
    .innerJoin(institutions, eq(institutions.id, partnerMemberships.institutionId))
    .where(and(eq(partnerMemberships.userId, userId), eq(partnerMemberships.status, 'active')))
    .orderBy(asc(organisations.name));
}

/** The places as the session's user sees them in the picker. */
export const placesForPicker = (places: PartnerPlace[]) =>
  places.map((p) => ({ id: p.organisationId, name: p.organisationName, institutionName: p.institutionName }));
