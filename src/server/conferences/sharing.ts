/**
 * What an institution may receive of a nominated case, decided by the consent policy at the
 * moment of asking: the nomination's page, the consent check, the brief preview and the packs
 * all ask here, and so will the partner portal.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { ConsentCheck } from '../../contracts/conferences';
import type { Db } from '../db/client';
import { conferenceInvitations, type conferenceNominations, disclosures, institutions } from '../db/schema';
import type { Actor } from '../lib/actor';
import { todayInGermany } from '../lib/calendar';
import { consentAllows, consentsWithPurpose, refusalOf } from '../lib/consent';

export type InstitutionRef = { id: string; name: string };
type ConsentCheckItem = ConsentCheck['institutions'][number];
export type ConsentRow = Awaited<ReturnType<typeof consentsWithPurpose>>[number];

/**
 * What one institution may receive of a client's case now, by the consent policy, and the
 * consent a share would cite. `rows` are the client's conference consents, newest first (as
 * `allowingConsent` orders them): the first that allows is the one cited.
 */
export function shareWith(
  rows: readonly ConsentRow[],
  institution: InstitutionRef,
  on = todayInGermany(),
): ConsentCheckItem {
  const q = { purpose: 'conference_sharing' as const, recipient: institution, on };
  const identified = rows.find((c) => consentAllows(c, { ...q, scope: 'identified' }));
  const allowing = identified ?? rows.find((c) => consentAllows(c, q));
  if (!allowing) return { institution, level: 'none', consentId: null, reason: refusalOf(rows, q) };
  return {
    institution,
    level: identified ? 'identified' : 'pseudonymised',
    consentId: allowing.id,
    reason: null,
  };
}

export type Receipt = { level: 'identified' | 'pseudonymised' | 'anonymised'; consentId: string | null };

/**
 * What an invited institution receives of a nomination: an anonymised case goes to every invited
 * institution without a consent (it is no longer about a person one can name); any other only to
 * the institutions it needs, as far as consent allows. Null: the case is held back from it.
 */
export function receiptOf(
  n: Pick<typeof conferenceNominations.$inferSelect, 'anonymised' | 'institutionIds'>,
  share: ConsentCheckItem,
): Receipt | null {
  if (n.anonymised) return { level: 'anonymised', consentId: null };
  if (!n.institutionIds.includes(share.institution.id) || share.level === 'none') return null;
  return { level: share.level, consentId: share.consentId };
}

/** The client's conference consents, by client. */
export async function conferenceConsents(db: Db, clientIds: readonly string[]) {
  const byClient = new Map<string, ConsentRow[]>();
  for (const row of await consentsWithPurpose(db, clientIds, 'conference_sharing'))
    byClient.set(row.clientId, [...(byClient.get(row.clientId) ?? []), row]);
  return byClient;
}

/** The institutions invited to a conference (through any contact person), by name. */
export async function invitedInstitutions(db: Db, conferenceId: string): Promise<InstitutionRef[]> {
  return db
    .selectDistinct({ id: institutions.id, name: institutions.name })
    .from(conferenceInvitations)
    .innerJoin(institutions, eq(institutions.id, conferenceInvitations.institutionId))
    .where(eq(conferenceInvitations.conferenceId, conferenceId))
    .orderBy(asc(institutions.name), asc(institutions.id));
}

/** The names of institutions by id (needed institutions may have left the invitations since). */
export async function institutionNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(inArray(institutions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Writes to the disclosure log what a conference gave an institution about persons: per case the
 * data categories and the consent cited (packs, minutes). A withdrawal of that consent later finds
 * these rows and asks to tell the institution.
 */
export async function logDisclosures(
  tx: Db,
  actor: Pick<Actor, 'organisationId' | 'userId'>,
  conferenceId: string,
  given: {
    institution: InstitutionRef;
    clientId: string;
    dataCategories: string[];
    consentId: string | null;
  }[],
) {
  if (given.length === 0) return;
  await tx.insert(disclosures).values(
    given.map((g) => ({
      organisationId: actor.organisationId,
      clientId: g.clientId,
      institutionId: g.institution.id,
      recipientName: g.institution.name,
      purpose: 'conference_sharing',
      dataCategories: g.dataCategories,
      consentId: g.consentId,
      conferenceId,
      byUserId: actor.userId,
    })),
  );
}
