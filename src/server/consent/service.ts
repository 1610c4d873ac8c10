/**
 * Consents of a client: recording, withdrawing, and what may be shared with whom right now.
 * Whether a consent allows a given share is the consent policy's question (lib/consent), asked
 * by every domain that shares; this domain keeps the records it answers from.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type ConsentBody,
  type ConsentOverview,
  type ConsentPurpose,
  consentContradiction,
  type SharingSummary,
} from '../../contracts/consent';
import type { CaseSection } from '../casefile/service';
import { loadCase, refreshCaseSummaries } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { consents, disclosures, documents, institutions, nextSteps, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { addDays, todayInGermany } from '../lib/calendar';
import { consentAllows, nameKeys } from '../lib/consent';
import { AppError, invalidField, notFound } from '../lib/errors';
import { firstRow } from '../lib/required';
import { normalise } from '../lib/search-text';
import { assertInstitution } from '../network/service';
import { contradictionOf, presentConsent } from './present';

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
  const ids = [...new Set(rows.flatMap((r) => r.c.institutionIds))];
  // The directory's current names of the recipients picked from it, for the one list of recipients.
  const directory = new Map(
    ids.length
      ? (
          await db
            .select({ id: institutions.id, name: institutions.name })
            .from(institutions)
            .where(inArray(institutions.id, ids))
        ).map((i) => [i.id, i.name])
      : [],
  );
  const today = todayInGermany();
  return {
    consents: rows.map(({ c, by }) => presentConsent(c, by, today, directory)),
    sharing: sharingSummary(
      rows.map((r) => r.c),
      today,
    ),
  };
}

/**
 * The terms every consent record must keep, new or corrected: named recipients exactly when a
 * purpose passes data to them (DOMAIN.md: blanket consents are invalid), and what may go to them.
 */
function checkTerms(b: Required<ConsentBody>) {
  const recipients = b.institutions.length + b.institutionIds.length;
  const contradiction = consentContradiction(b.purposes, recipients);
  if (contradiction === 'purpose_without_recipients')
    throw invalidField('institutions', 'name the receiving institutions or employers');
  if (contradiction === 'recipients_without_purpose') {
    const message =
      'recipients are named only with the purpose institution_sharing or employer_profile: add the purpose or remove the recipients';
    throw new AppError('validation_failed', `purposes, institutions: ${message}`, {
      fields: [
        { path: 'purposes', message },
        { path: b.institutions.length ? 'institutions' : 'institutionIds', message },
      ],
    });
  }
  if (recipients > 0 && b.dataCategories.length === 0)
    throw invalidField('dataCategories', 'name the data categories');
  if (b.validUntil && b.validUntil < b.givenOn)
    throw invalidField('validUntil', 'cannot be before the consent was given');
}

/** Inserts a consent record whose terms were checked; answers its row. */
async function insertConsent(tx: Db, actor: Actor, clientId: string, b: Required<ConsentBody>) {
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
  return firstRow(
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
      .returning(),
    'the new consent',
  );
}

export async function recordConsent(ctx: AppContext, actor: Actor, clientId: string, body: ConsentBody) {
  const b = body as Required<ConsentBody>;
  checkTerms(b);
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    const row = await insertConsent(tx, actor, clientId, b);
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

/** A step in the plan for each recipient to tell that what they received is no longer consented to. */
async function planToTell(tx: Db, actor: Actor, clientId: string, recipients: string[]) {
  if (!recipients.length) return;
  await tx.insert(nextSteps).values(
    recipients.map((name) => ({
      organisationId: actor.organisationId,
      clientId,
      text:
        actor.language === 'en'
          ? `Tell ${name} that the consent was withdrawn (Art. 19 GDPR)`
          : `${name} über den Widerruf der Einwilligung informieren (Art. 19 DSGVO)`,
      ownerUserId: actor.userId,
      dueDate: addDays(todayInGermany(), 7),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })),
  );
  await refreshCaseSummaries(tx, [clientId]);
}

/**
 * Corrects a record that contradicts itself (recipients without the purpose to pass data to them,
 * or the purpose without recipients) by the record as the client signed it. Records are not
 * edited: the correction is a new record, and the old one ends now, pointing to it — so the
 * consent policy and the disclosure log keep reading them as before. The client withdrew
 * nothing; only a recipient who received data the correction no longer covers is to be told.
 */
export async function correctConsent(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  consentId: string,
  body: ConsentBody,
) {
  const b = body as Required<ConsentBody>;
  checkTerms(b);
  await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    const [old] = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.id, consentId), eq(consents.clientId, clientId)));
    if (!old) throw notFound('consent');
    if (old.withdrawnAt) throw new AppError('conflict', 'This consent has ended: record a new one');
    const contradiction = contradictionOf(old);
    if (!contradiction)
      throw new AppError(
        'conflict',
        'Only a record that contradicts itself is corrected: withdraw it instead',
      );
    const row = await insertConsent(tx, actor, clientId, b);
    const [ended] = await tx
      .update(consents)
      .set({
        withdrawnAt: sql`now()`,
        withdrawnBy: actor.userId,
        replacedBy: row.id,
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`${consents.version} + 1`,
      })
      .where(and(eq(consents.id, consentId), isNull(consents.withdrawnAt)))
      .returning({ id: consents.id });
    if (!ended) throw new AppError('conflict', 'This consent has ended: record a new one');
    const received = await tx
      .select({
        name: disclosures.recipientName,
        id: disclosures.institutionId,
        purpose: disclosures.purpose,
      })
      .from(disclosures)
      .where(eq(disclosures.consentId, consentId));
    const uncovered = received.filter(
      (d) =>
        !consentAllows(row, {
          purpose: d.purpose as ConsentPurpose,
          recipient: { id: d.id ?? '', name: d.name },
        }),
    );
    await planToTell(tx, actor, clientId, [...new Set(uncovered.map((d) => d.name))]);
    await audit(tx, actor, {
      action: 'consent.corrected',
      entityType: 'consent',
      entityId: row.id,
      subjectClientId: clientId,
      details: { replaces: consentId, contradiction, purposes: b.purposes, scope: b.scope },
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
    await planToTell(
      tx,
      actor,
      clientId,
      recipients.map((r) => r.name),
    );
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
      // A corrected record was not withdrawn: its correction appears as given instead.
      ...(c.withdrawnAt && !c.replacedBy
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

/** The printed form's texts and versions, for the paperwork. */
export { consentFormTexts, consentFormVersion } from './form';
