/**
 * Nominated cases: the question, the institutions needed, the consent check against every
 * invited institution (what each may receive is decided in sharing.ts), anonymisation,
 * coordination agreed beforehand, written input.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type {
  ConsentCheck,
  Nomination,
  NominationBody,
  NominationUpdateBody,
  WrittenInputBody,
} from '../../contracts/conferences';
import { briefEntries, conferenceTalks } from '../casefile/service';
import { type ClientRow, casesWithAccess, loadCase } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { conferenceInputs, conferenceNominations, institutions, users } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { AppError, invalidField, notFound } from '../lib/errors';
import { assertVersion, writeChange } from '../lib/versioned';
import { assertOpen, type ConferenceRow, loadConference } from './load';
import { casesSharing, profileOf, RARE_BELOW } from './profile';
import { conferenceConsents, institutionNames, invitedInstitutions, shareWith } from './sharing';

export type NominationRow = typeof conferenceNominations.$inferSelect;

/** The institutions of a nomination must be invited: 400 naming `institutionIds` otherwise. */
async function assertInvited(db: Db, conferenceId: string, ids: readonly string[]) {
  const invited = new Set((await invitedInstitutions(db, conferenceId)).map((i) => i.id));
  const missing = ids.filter((id) => !invited.has(id));
  if (missing.length > 0)
    throw invalidField('institutionIds', `not invited to this conference: ${missing.join(', ')}`);
  return [...new Set(ids)];
}

/** The nominations of a conference in agenda order. */
export function nominationRows(db: Db, conferenceId: string) {
  return db
    .select()
    .from(conferenceNominations)
    .where(eq(conferenceNominations.conferenceId, conferenceId))
    .orderBy(
      asc(conferenceNominations.position),
      asc(conferenceNominations.createdAt),
      asc(conferenceNominations.id),
    );
}

/** The written input on these nominations, oldest first; only one institution's when it is named. */
export function writtenInputsOf(db: Db, nominationIds: readonly string[], institutionId?: string) {
  return db
    .select({ i: conferenceInputs, institution: institutions.name, by: users.name })
    .from(conferenceInputs)
    .innerJoin(institutions, eq(institutions.id, conferenceInputs.institutionId))
    .leftJoin(users, eq(users.id, conferenceInputs.createdBy))
    .where(
      and(
        inArray(conferenceInputs.nominationId, [...nominationIds]),
        institutionId ? eq(conferenceInputs.institutionId, institutionId) : undefined,
      ),
    )
    .orderBy(asc(conferenceInputs.createdAt), asc(conferenceInputs.id));
}

/**
 * Stores written input of an institution on a nomination, for a caller who has decided that it
 * may be written (a lead for an invited institution; a partner on a case it receives now).
 */
export async function storeWrittenInput(
  tx: Db,
  actor: Pick<Actor, 'organisationId' | 'userId'>,
  input: { nominationId: string; institutionId: string; text: string },
) {
  const [row] = await tx
    .insert(conferenceInputs)
    .values({
      organisationId: actor.organisationId,
      ...input,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning({ id: conferenceInputs.id });
  if (!row) throw new Error('the written input was not stored');
  return row.id;
}

/** Whether an anonymised case's profile points to fewer than 5 cases of the organisation. */
export async function isRare(db: Db, row: ClientRow, today = todayInGermany()) {
  const profile = profileOf(row.birthDate, await briefEntries.qualifications(db, row.id), today);
  return (await casesSharing(db, row.organisationId, profile, today)) < RARE_BELOW;
}

/**
 * The nominations of a conference as the caller may see them, in agenda order. A case the caller
 * cannot open appears by a neutral label ("Case 3", its place on the agenda), without case code,
 * brief, talks or written input: colleagues follow the agenda, not the case.
 */
export async function nominationsOf(db: Db, actor: Actor, c: ConferenceRow): Promise<Nomination[]> {
  const rows = await nominationRows(db, c.id);
  if (rows.length === 0) return [];
  const clientIds = rows.map((r) => r.clientId);
  const [cases, consents, names, talks, inputs, nominators] = await Promise.all([
    casesWithAccess(db, actor, clientIds),
    conferenceConsents(db, clientIds),
    institutionNames(db, [...new Set(rows.flatMap((r) => r.institutionIds))]),
    conferenceTalks(db, c.id, clientIds),
    writtenInputsOf(
      db,
      rows.map((r) => r.id),
    ),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))])),
  ]);
  const byId = new Map(cases.map((x) => [x.row.id, x]));
  const userName = new Map(nominators.map((u) => [u.id, u.name]));
  const today = todayInGermany();
  const out: Nomination[] = [];
  for (const [i, n] of rows.entries()) {
    const found = byId.get(n.clientId);
    if (!found) continue;
    const { row, visible } = found;
    const recipients = n.institutionIds.map((id) => {
      const share = shareWith(consents.get(n.clientId) ?? [], { id, name: names.get(id) ?? '—' }, today);
      return visible ? share : { ...share, consentId: null };
    });
    out.push({
      id: n.id,
      client: {
        id: row.id,
        label: visible ? `${row.caseCode} · ${row.givenNames} ${row.familyName}` : `Case ${i + 1}`,
        caseCode: visible ? row.caseCode : '',
        visible,
      },
      nominatedBy: n.createdBy ? { id: n.createdBy, name: userName.get(n.createdBy) ?? '—' } : null,
      question: n.question,
      brief: visible ? n.brief : null,
      anonymised: n.anonymised,
      minutes: n.minutes,
      position: n.position,
      recipients,
      agreedBeforehand: visible
        ? talks
            .filter((t) => t.clientId === n.clientId && t.institutionId)
            .map((t) => ({
              contactId: t.id,
              institution: { id: t.institutionId as string, name: t.institutionName ?? '—' },
              occurredOn: t.occurredOn,
              topic: t.topic,
            }))
        : [],
      writtenInputs: visible
        ? inputs
            .filter((x) => x.i.nominationId === n.id)
            .map((x) => ({
              id: x.i.id,
              institution: { id: x.i.institutionId, name: x.institution },
              text: x.i.text,
              by: x.by,
              at: x.i.createdAt.toISOString(),
            }))
        : [],
      rare: n.anonymised ? await isRare(db, row, today) : false,
      version: n.version,
    });
  }
  return out;
}

/** What every invited institution may receive of a case now, and whether its anonymised profile is rare. */
export async function checkConsent(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  clientId: string,
): Promise<ConsentCheck> {
  assertCan(actor, 'conferences.nominate');
  const c = await loadConference(ctx.db, actor, conferenceId);
  const { row } = await loadCase(ctx.db, actor, clientId);
  const [invited, consents] = await Promise.all([
    invitedInstitutions(ctx.db, c.id),
    conferenceConsents(ctx.db, [clientId]),
  ]);
  const today = todayInGermany();
  const institutionsNow = invited.map((i) => shareWith(consents.get(clientId) ?? [], i, today));
  const rare = await isRare(ctx.db, row, today);
  await audit(ctx.db, actor, {
    action: 'conference.read',
    entityType: 'conference',
    entityId: c.id,
    subjectClientId: clientId,
    details: {
      consentCheck: institutionsNow.map((i) => ({ institution: i.institution.id, level: i.level })),
    },
  });
  return { institutions: institutionsNow, rare };
}

/** Put a case before a conference, at the end of the agenda. */
export async function nominate(ctx: AppContext, actor: Actor, conferenceId: string, body: NominationBody) {
  assertCan(actor, 'conferences.nominate');
  await ctx.db.transaction(async (tx) => {
    const c = await loadConference(tx, actor, conferenceId);
    assertOpen(c);
    await loadCase(tx, actor, body.clientId);
    const institutionIds = await assertInvited(tx, c.id, body.institutionIds);
    const [last] = await tx
      .select({ position: sql<number | null>`max(${conferenceNominations.position})` })
      .from(conferenceNominations)
      .where(eq(conferenceNominations.conferenceId, c.id));
    const [row] = await tx
      .insert(conferenceNominations)
      .values({
        organisationId: actor.organisationId,
        conferenceId: c.id,
        clientId: body.clientId,
        question: body.question,
        brief: body.brief ?? null,
        institutionIds,
        anonymised: body.anonymised ?? false,
        minutes: body.minutes ?? null,
        position: Number(last?.position ?? 0) + 1,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: conferenceNominations.id });
    if (!row) throw new AppError('duplicate', 'This case is already nominated for this conference');
    await audit(tx, actor, {
      action: 'conference.nominated',
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: body.clientId,
      details: { nomination: row.id, institutionIds, anonymised: body.anonymised ?? false },
    });
  });
}

/**
 * A nomination of the conference that the caller may change: its case must be one they can
 * open (404 otherwise, like a missing one), and the conference still open.
 */
async function nominationForChange(tx: Db, actor: Actor, conferenceId: string, nominationId: string) {
  const c = await loadConference(tx, actor, conferenceId);
  assertOpen(c);
  const [n] = await tx
    .select()
    .from(conferenceNominations)
    .where(and(eq(conferenceNominations.id, nominationId), eq(conferenceNominations.conferenceId, c.id)));
  if (!n) throw notFound('nomination');
  await loadCase(tx, actor, n.clientId);
  return { c, n };
}

export async function changeNomination(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  nominationId: string,
  body: NominationUpdateBody,
) {
  assertCan(actor, 'conferences.nominate');
  const { version, ...changes } = body;
  await ctx.db.transaction(async (tx) => {
    const { c, n } = await nominationForChange(tx, actor, conferenceId, nominationId);
    await assertVersion(tx, n, version);
    const values: Partial<NominationRow> = {};
    if (changes.question !== undefined) values.question = changes.question;
    if (changes.brief !== undefined) values.brief = changes.brief;
    if (changes.anonymised !== undefined) values.anonymised = changes.anonymised;
    if (changes.minutes !== undefined) values.minutes = changes.minutes;
    if (changes.institutionIds !== undefined)
      values.institutionIds = await assertInvited(tx, c.id, changes.institutionIds);
    await writeChange(tx, actor, conferenceNominations, n.id, version, values);
    await audit(tx, actor, {
      action: 'conference.nomination_changed',
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: n.clientId,
      // Which fields, not their text: the question and brief may say more of the person than the log should.
      details: {
        nomination: n.id,
        fields: Object.keys(values),
        institutionIds: values.institutionIds,
        anonymised: values.anonymised,
      },
    });
  });
}

/** Take a case off the conference; its written input goes with it. */
export async function withdrawNomination(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  nominationId: string,
) {
  assertCan(actor, 'conferences.nominate');
  await ctx.db.transaction(async (tx) => {
    const { c, n } = await nominationForChange(tx, actor, conferenceId, nominationId);
    await tx.delete(conferenceNominations).where(eq(conferenceNominations.id, n.id));
    await audit(tx, actor, {
      action: 'conference.nomination_changed',
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: n.clientId,
      details: { nomination: n.id, withdrawn: true },
    });
  });
}

/**
 * Written input of an invited institution on a case, before the meeting, entered by the lead
 * (partners write their own in the portal).
 */
export async function addWrittenInput(
  ctx: AppContext,
  actor: Actor,
  conferenceId: string,
  nominationId: string,
  body: WrittenInputBody,
) {
  assertCan(actor, 'conferences.manage');
  await ctx.db.transaction(async (tx) => {
    const { c, n } = await nominationForChange(tx, actor, conferenceId, nominationId);
    const invited = await invitedInstitutions(tx, c.id);
    if (!invited.some((i) => i.id === body.institutionId))
      throw invalidField('institutionId', 'not invited to this conference');
    const written = await storeWrittenInput(tx, actor, {
      nominationId: n.id,
      institutionId: body.institutionId,
      text: body.text,
    });
    await audit(tx, actor, {
      action: 'conference.nomination_changed',
      entityType: 'conference',
      entityId: c.id,
      subjectClientId: n.clientId,
      details: { nomination: n.id, writtenInput: written, institution: body.institutionId },
    });
  });
}
