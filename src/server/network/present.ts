import { asc, eq } from 'drizzle-orm';
import type { InstitutionType, Opportunity } from '../../contracts/network';
import type { Db } from '../db/client';
import { institutionContacts, type institutions, type opportunities } from '../db/schema';
import { sectorNames } from './service';

/**
 * The directory as the staff see it. Contact persons are people: they are shown with their
 * consent to be contacted, and exported only with it (transfer.ts).
 */
export function presentContact(c: typeof institutionContacts.$inferSelect) {
  return {
    id: c.id,
    name: c.name,
    function: c.function,
    email: c.email,
    phone: c.phone,
    language: c.language,
    consentToContact: c.consentToContact,
    consentDate: c.consentDate,
    version: c.version,
  };
}

/** An institution with its sectors by name and its contact persons. */
export async function presentInstitution(db: Db, row: typeof institutions.$inferSelect) {
  const [names, contacts] = await Promise.all([
    sectorNames(db, row.organisationId),
    db
      .select()
      .from(institutionContacts)
      .where(eq(institutionContacts.institutionId, row.id))
      .orderBy(asc(institutionContacts.name)),
  ]);
  return {
    id: row.id,
    name: row.name,
    type: row.type as InstitutionType,
    sectors: row.sectorIds.map((id) => ({ id, name: names.get(id) ?? '?' })),
    district: row.district,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    website: row.website,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    active: row.active,
    contacts: contacts.map(presentContact),
    version: row.version,
  };
}

/** An offer with its employer, sector and occupation by name (a row of `selectOpportunities`). */
export function presentOpportunity(r: {
  o: typeof opportunities.$inferSelect;
  employerName: string;
  employerType: string;
  sectorName: string | null;
  occupationTitle: string | null;
}): Opportunity {
  const o = r.o;
  return {
    id: o.id,
    employer: {
      id: o.employerId,
      name: r.employerName,
      type: r.employerType as Opportunity['employer']['type'],
    },
    kind: o.kind as Opportunity['kind'],
    title: o.title,
    sector: o.sectorId ? { id: o.sectorId, name: r.sectorName ?? '?' } : null,
    occupation: o.occupationId ? { id: o.occupationId, title: r.occupationTitle ?? '?' } : null,
    district: o.district,
    minLanguageLevel: o.minLanguageLevel as Opportunity['minLanguageLevel'],
    startDate: o.startDate,
    endDate: o.endDate,
    places: o.places,
    status: o.status as Opportunity['status'],
    description: o.description,
    version: o.version,
  };
}
