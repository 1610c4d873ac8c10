import { eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context';
import { queryRows } from '../db/client';
import {
  clientMeasures,
  consents,
  contacts,
  disclosures,
  institutionContacts,
  institutions,
  measures,
  opportunities,
  partnerMemberships,
  recognitionProcedures,
} from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { invalidField } from '../lib/errors';
import { normalise } from '../lib/search-text';
import { invalidateSessions } from '../lib/sessions';
import { assertVersion } from '../lib/versioned';
import { getInstitution, loadInstitution } from './institutions';

/** Where an institution is referred to by id (besides consents, which hold a list of ids). */
const references: [string, PgTable, PgColumn][] = [
  ['contactPersons', institutionContacts, institutionContacts.institutionId],
  ['measures', measures, measures.providerId],
  ['funded', clientMeasures, clientMeasures.funderId],
  ['procedures', recognitionProcedures, recognitionProcedures.authorityInstitutionId],
  ['contacts', contacts, contacts.institutionId],
  ['disclosures', disclosures, disclosures.institutionId],
  ['partnerAccounts', partnerMemberships, partnerMemberships.institutionId],
];

/**
 * Merges a duplicate into the institution that stays: every reference moves over (contact
 * persons, measures it provides or funds, its offers, recognition procedures, coordination
 * contacts, consents and disclosures naming it, its partner accounts), empty fields are filled from the duplicate, and
 * the duplicate is removed. Names recorded in case files (procedures, contacts, consents) stay as
 * they were written. One transaction; audited with both names.
 */
export async function mergeInstitution(
  ctx: AppContext,
  actor: Actor,
  duplicateId: string,
  body: { intoId: string; version: number },
) {
  assertCan(actor, 'network.merge');
  if (duplicateId === body.intoId)
    throw invalidField('intoId', 'an institution cannot be merged into itself');
  await ctx.db.transaction(async (tx) => {
    const duplicate = await loadInstitution(tx, actor, duplicateId);
    await assertVersion(tx, duplicate, body.version);
    let keep: typeof duplicate;
    try {
      keep = await loadInstitution(tx, actor, body.intoId);
    } catch {
      throw invalidField('intoId', 'not an institution of the directory');
    }
    const from = duplicateId;
    const to = keep.id;
    const moved: Record<string, number> = {};
    for (const [key, table, column] of references) {
      const rows = await queryRows(
        tx,
        sql`UPDATE ${table} SET ${sql.identifier(column.name)} = ${to} WHERE ${column} = ${from} RETURNING 1`,
      );
      moved[key] = rows.length;
    }
    // A partner's session names their institution: the moved ones act for the one that stays from their next request.
    const partners = await tx
      .select({ userId: partnerMemberships.userId })
      .from(partnerMemberships)
      .where(eq(partnerMemberships.institutionId, to));
    for (const p of partners) await invalidateSessions(ctx, tx, { userId: p.userId });
    moved.consents = (
      await tx
        .update(consents)
        .set({ institutionIds: sql`array_replace(${consents.institutionIds}, ${from}::uuid, ${to}::uuid)` })
        .where(sql`${from}::uuid = ANY(${consents.institutionIds})`)
        .returning({ id: consents.id })
    ).length;
    // Offers are found by their employer's name too.
    const offers = await tx
      .select({ id: opportunities.id, title: opportunities.title })
      .from(opportunities)
      .where(eq(opportunities.employerId, from));
    for (const o of offers)
      await tx
        .update(opportunities)
        .set({ employerId: to, searchText: normalise(`${o.title} ${keep.name}`) })
        .where(eq(opportunities.id, o.id));
    moved.offers = offers.length;
    const fill = <T>(a: T | null, b: T | null) => a ?? b;
    const merged = {
      sectorIds: [...new Set([...keep.sectorIds, ...duplicate.sectorIds])],
      district: fill(keep.district, duplicate.district),
      street: fill(keep.street, duplicate.street),
      postcode: fill(keep.postcode, duplicate.postcode),
      city: fill(keep.city, duplicate.city),
      website: fill(keep.website, duplicate.website),
      email: fill(keep.email, duplicate.email),
      phone: fill(keep.phone, duplicate.phone),
      notes: [keep.notes, duplicate.notes].filter(Boolean).join('\n\n') || null,
    };
    await tx
      .update(institutions)
      .set({
        ...merged,
        searchText: normalise(`${keep.name} ${merged.city ?? ''} ${merged.email ?? ''}`),
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: keep.version + 1,
      })
      .where(eq(institutions.id, to));
    await tx.delete(institutions).where(eq(institutions.id, from));
    await audit(tx, actor, {
      action: 'network.changed',
      entityType: 'institution',
      entityId: to,
      details: { merged: duplicate.name, mergedId: from, into: keep.name, moved },
    });
  });
  return getInstitution(ctx, actor, body.intoId);
}
