/**
 * Consents of a client: recording, withdrawing, and what may be shared with whom right now.
 * Whether a consent allows a given share is the consent policy's question (lib/consent), asked
 * by every domain that shares; this domain keeps the records it answers from.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ConsentBody, ConsentOverview, ConsentPurpose, SharingSummary } from '../../contracts/consent';
import type { CaseSection } from '../casefile/service';
import { loadCase, refreshCaseSummaries } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { consents, disclosures, documents, nextSteps, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { addDays, todayInGermany } from '../lib/calendar';
import { consentAllows, nameKeys } from '../lib/consent';
import { AppError, invalidField, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { normalise } from '../lib/search-text';
import { assertInstitution } from '../network/service';
import { presentConsent } from './present';

type ConsentRow = typeof consents.$inferSelect;

/** What may be shared with whom right now, in words a counsellor can act on. */
export function sharingSummary(rows: ConsentRow[], today = todayInGermany()): SharingSummary {
  // The consent policy decides; the summary only groups what it allows today by purpose.
  const has = (purpose: ConsentPurpose) => rows.filter((c) => consentAllows(c, { purpose, on: today }));
  const conference = has('conference_sharing');
  return {
    counsellingRecord: has('counselling_record').length > 0,
    conferences: {
      allowed: conference.length > 0,
      // Identified only if some active consent says so; otherwise pseudonymised.
      scope:
        conference.length === 0
          ? null
          : conference.some((c) => c.scope === 'identified')
            ? 'identified'
            : 'pseudonymised',
    },
    institutions: has('institution_sharing').flatMap((c) =>
      c.institutions.map((name) => ({
        name,
        scope: c.scope as 'pseudonymised' | 'identified',
        dataCategories: c.dataCategories,
        until: c.validUntil,
      })),
    ),
    employers: has('employer_profile').flatMap((c) =>
      c.institutions.map((name) => ({ name, until: c.validUntil })),
    ),
  };
}

export async function loadConsents(db: Db, clientId: string): Promise<ConsentOverview> {
  const rows = await db
    .select({ c: consents, by: users.name })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.createdBy))
    .where(eq(consents.clientId, clientId))
    .orderBy(desc(consents.givenOn), desc(consents.createdAt));
  const today = todayInGermany();
  return {
    consents: rows.map(({ c, by }) => presentConsent(c, by, today)),
    sharing: sharingSummary(
      rows.map((r) => r.c),
      today,
    ),
  };
}

export async function recordConsent(ctx: AppContext, actor: Actor, clientId: string, body: ConsentBody) {
  const b = body as Required<ConsentBody>;
  const sharesOutside = b.purposes.some((p) => p === 'institution_sharing' || p === 'employer_profile');
  // A consent to share must name who receives the data (DOMAIN.md: blanket consents are invalid).
  if (sharesOutside && b.institutions.length === 0 && b.institutionIds.length === 0) {
    throw invalidField('institutions', 'name the receiving institutions or employers');
  }
  if (sharesOutside && b.dataCategories.length === 0)
    throw invalidField('dataCategories', 'name the data categories');
  if (b.validUntil && b.validUntil < b.givenOn)
    throw invalidField('validUntil', 'cannot be before the consent was given');
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    if (b.evidenceDocumentId) {
      const [doc] = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.id, b.evidenceDocumentId), eq(documents.clientId, clientId)));
      if (!doc) throw invalidField('evidenceDocumentId', 'not a document of this case');
    }
    // Recipients picked from the directory are also named in words: the signed form lists names.
    const names = [...b.institutions];
    for (const id of new Set(b.institutionIds)) {
      const i = await assertInstitution(tx, actor, id, 'institutionIds');
      if (i && !names.some((n) => normalise(n) === normalise(i.name))) names.push(i.name);
    }
    const row = firstRow(
      await tx
        .insert(consents)
        .values({
          organisationId: actor.organisationId,
          clientId,
          purposes: b.purposes,
          institutions: names,
          institutionIds: b.institutionIds,
          institutionKeys: nameKeys(names),
          dataCategories: b.dataCategories,
          scope: b.scope,
          formLanguage: b.formLanguage,
          givenOn: b.givenOn,
          validUntil: b.validUntil,
          evidenceDocumentId: b.evidenceDocumentId,
          notes: b.notes,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning({ id: consents.id }),
      'the new consent',
    );
    await audit(tx, actor, {
      action: 'consent.recorded',
      entityType: 'consent',
      entityId: row.id,
      subjectClientId: clientId,
      details: { purposes: b.purposes, scope: b.scope },
    });
  });
  return loadConsents(ctx.db, clientId);
}

/** Withdrawal is one action and takes effect at once: every later check finds the consent inactive. */
export async function withdrawConsent(ctx: AppContext, actor: Actor, clientId: string, consentId: string) {
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    const [row] = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.id, consentId), eq(consents.clientId, clientId)));
    if (!row) throw notFound('consent');
    if (row.withdrawnAt) throw new AppError('conflict', 'This consent has already been withdrawn');
    await tx
      .update(consents)
      .set({
        withdrawnAt: sql`now()`,
        withdrawnBy: actor.userId,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`${consents.version} + 1`,
      })
      .where(and(eq(consents.id, consentId), isNull(consents.withdrawnAt)));
    // Whoever received data under this consent is to be told (Art. 19 GDPR): a step in the plan each.
    const recipients = await tx
      .selectDistinct({ name: disclosures.recipientName })
      .from(disclosures)
      .where(eq(disclosures.consentId, consentId));
    if (recipients.length) {
      await tx.insert(nextSteps).values(
        recipients.map((r) => ({
          organisationId: actor.organisationId,
          clientId,
          text:
            actor.language === 'en'
              ? `Tell ${r.name} that the consent was withdrawn (Art. 19 GDPR)`
              : `${r.name} über den Widerruf der Einwilligung informieren (Art. 19 DSGVO)`,
          ownerUserId: actor.userId,
          dueDate: addDays(todayInGermany(), 7),
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })),
      );
      await refreshCaseSummaries(tx, [clientId]);
    }
    await audit(tx, actor, {
      action: 'consent.withdrawn',
      entityType: 'consent',
      entityId: consentId,
      subjectClientId: clientId,
      details: recipients.length ? { recipientsToTell: recipients.map((r) => r.name) } : undefined,
    });
  });
  return loadConsents(ctx.db, clientId);
}

/** Consents in the case file, and their giving and withdrawal on the case's timeline. */
export const consentSection: CaseSection<'consent'> = {
  key: 'consent',
  async load(db: Db, clientId: string) {
    const data = await loadConsents(db, clientId);
    const timeline = data.consents.flatMap((c) => [
      {
        at: `${c.givenOn}T12:00:00.000Z`,
        kind: 'consent_given',
        codes: c.purposes,
        title: '',
        detail: c.institutions.join(', ') || null,
        by: c.recordedBy,
      },
      ...(c.withdrawnAt
        ? [
            {
              at: c.withdrawnAt,
              kind: 'consent_withdrawn',
              codes: c.purposes,
              title: '',
              detail: null,
              by: null,
            },
          ]
        : []),
    ]);
    return { data, timeline };
  },
};
