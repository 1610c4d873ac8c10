/**
 * Answering an invitation without an account: the link in the invitation mail carries a signed,
 * expiring token naming the invitation. Nothing of it is stored: the signature (HMAC-SHA256 with a
 * key derived from the server's secret key) proves it was issued here; the invitation's
 * `token_nonce` inside it lets Lotse void every earlier link of an invitation; it runs out when
 * the conference ends. The page shows only the meeting, never case data.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { RsvpAnswer, RsvpBody, RsvpView } from '../../contracts/conferences';
import type { Config } from '../config';
import type { AppContext, RequestMeta } from '../context';
import type { Db } from '../db/client';
import {
  conferenceInvitations,
  conferences,
  institutionContacts,
  institutions,
  organisations,
  users,
} from '../db/schema';
import { auditSystem } from '../lib/audit';
import { AppError } from '../lib/errors';
import { notifyUser } from '../lib/notifications';
import { secretKeysOf } from '../lib/secret-box';
import { safeEqual } from '../lib/secrets';
import { type ConferenceRow, endOf } from './load';

type KeyConfig = Pick<Config, 'dataDir' | 'secretKey' | 'previousSecretKeys'>;

/**
 * The signing keys: the current one first, then those of before a rotation, so that links mailed
 * before a rotation still work. Derived (HKDF) from the secret key with a label of their own, so
 * the key that seals second factors is never used for anything else.
 */
function signingKeys(config: KeyConfig): Buffer[] {
  const keys = secretKeysOf(config);
  return [keys.current, ...keys.previous].map((key) =>
    Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'lotse/rsvp-link/v1', 32)),
  );
}

export interface RsvpClaim {
  invitationId: string;
  conferenceId: string;
  nonce: string;
  expiresAt: Date;
}

const uuidText = (compact: string) =>
  Buffer.from(compact, 'base64url')
    .toString('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

const mac = (key: Buffer, conferenceId: string, body: string) =>
  createHmac('sha256', key).update(`rsvp|${conferenceId}|${body}`).digest('base64url');

/** `<invitation>.<nonce>.<expiry>.<signature>`; the conference is signed, and named by the URL. */
export function rsvpToken(config: KeyConfig, claim: RsvpClaim): string {
  const id = Buffer.from(claim.invitationId.replace(/-/g, ''), 'hex').toString('base64url');
  const body = `${id}.${claim.nonce}.${Math.floor(claim.expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${mac(signingKeys(config)[0] as Buffer, claim.conferenceId, body)}`;
}

/** The link of the public RSVP page (the web client's /rsvp/:conferenceId/:token). */
export function rsvpLink(config: KeyConfig & Pick<Config, 'baseUrl'>, claim: RsvpClaim): string {
  return `${config.baseUrl}/rsvp/${claim.conferenceId}/${rsvpToken(config, claim)}`;
}

const invalid = () =>
  new AppError('token_invalid', 'This link is not valid (any more); please ask the organiser for a new one');
const expired = () => new AppError('token_expired', 'This link has run out: the conference is over');

/**
 * What a token says, once its signature is checked for this conference: a token of another
 * conference, or changed in any character, is `token_invalid`; one past its expiry `token_expired`.
 */
export function readRsvpToken(config: KeyConfig, conferenceId: string, token: string, now = new Date()) {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{8,64})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/.exec(
    token,
  );
  if (!match) throw invalid();
  const [, id = '', nonce = '', expiry = '', signature = ''] = match;
  const body = `${id}.${nonce}.${expiry}`;
  const given = Buffer.from(signature);
  const genuine = signingKeys(config).some((key) => {
    const expected = Buffer.from(mac(key, conferenceId, body));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!genuine) throw invalid();
  const expiresAt = new Date(Number.parseInt(expiry, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) throw expired();
  return { invitationId: uuidText(id), conferenceId, nonce, expiresAt };
}

/** The invitation a genuine token names, if it still exists and the token is its current one. */
async function invitationOf(db: Db, claim: RsvpClaim, now: Date) {
  const [row] = await db
    .select({
      i: conferenceInvitations,
      c: conferences,
      institution: institutions.name,
      contact: institutionContacts.name,
      organisation: organisations.name,
    })
    .from(conferenceInvitations)
    .innerJoin(conferences, eq(conferences.id, conferenceInvitations.conferenceId))
    .innerJoin(institutions, eq(institutions.id, conferenceInvitations.institutionId))
    .innerJoin(organisations, eq(organisations.id, conferences.organisationId))
    .leftJoin(institutionContacts, eq(institutionContacts.id, conferenceInvitations.contactId))
    .where(
      and(
        eq(conferenceInvitations.id, claim.invitationId),
        eq(conferenceInvitations.conferenceId, claim.conferenceId),
      ),
    );
  if (!row || !safeEqual(row.i.tokenNonce, claim.nonce)) throw invalid();
  // A conference moved to an earlier time ends earlier than the link said.
  if (endOf(row.c).getTime() <= now.getTime()) throw expired();
  return row;
}

function present(row: Awaited<ReturnType<typeof invitationOf>>, claim: RsvpClaim): RsvpView {
  const { c, i } = row;
  const end = endOf(c);
  return {
    conference: {
      title: c.title,
      startsAt: c.startsAt.toISOString(),
      endsAt: end.toISOString(),
      timeZone: c.timeZone,
      place: c.place,
      videoUrl: c.videoUrl,
      status: c.status as RsvpView['conference']['status'],
      organisation: row.organisation,
    },
    institution: row.institution,
    contact: row.contact,
    answer: i.answer as RsvpAnswer,
    deputyName: i.deputyName,
    expiresAt: new Date(Math.min(claim.expiresAt.getTime(), end.getTime())).toISOString(),
  };
}

/** The public page of a link: the meeting and the answer given so far (a cancelled one says so). */
export async function viewRsvp(ctx: AppContext, conferenceId: string, token: string): Promise<RsvpView> {
  const now = new Date();
  const claim = readRsvpToken(ctx.config, conferenceId, token, now);
  return present(await invitationOf(ctx.db, claim, now), claim);
}

/** The answer through the link: written on the invitation, audited, and told to the organiser. */
export async function answerRsvp(
  ctx: AppContext,
  conferenceId: string,
  token: string,
  body: RsvpBody,
  meta: RequestMeta,
): Promise<RsvpView> {
  const now = new Date();
  const claim = readRsvpToken(ctx.config, conferenceId, token, now);
  return ctx.db.transaction(async (tx) => {
    const row = await invitationOf(tx, claim, now);
    assertAnswerable(row.c);
    const [saved] = await tx
      .update(conferenceInvitations)
      .set(answerValues(body, now))
      .where(eq(conferenceInvitations.id, row.i.id))
      .returning();
    await auditSystem(
      tx,
      { organisationId: row.c.organisationId, actorUserId: null, ip: meta.ip },
      {
        action: 'conference.rsvp',
        entityType: 'conference',
        entityId: row.c.id,
        details: {
          invitationId: row.i.id,
          institutionId: row.i.institutionId,
          answer: body.answer,
          via: 'link',
        },
      },
    );
    await tellOrganiser(tx, row.c, row.institution, row.contact, body);
    return present({ ...row, i: saved ?? row.i }, claim);
  });
}

/** An answer can change until the conference is held; a cancelled one needs none. */
export function assertAnswerable(c: Pick<ConferenceRow, 'status'>) {
  if (c.status === 'cancelled')
    throw new AppError('conflict', 'The conference has been cancelled; no answer is needed');
  if (!['planned', 'invited', 'agenda_fixed'].includes(c.status))
    throw new AppError('conflict', 'The conference has already taken place');
}

/** The columns an answer sets; a deputy's name only goes with the answer "deputy". */
export const answerValues = (body: RsvpBody, now: Date) => ({
  answer: body.answer,
  deputyName: body.answer === 'deputy' ? (body.deputyName ?? null) : null,
  respondedAt: now,
  updatedAt: now,
});

/**
 * An institution's answer on its invitations, given in the partner portal by one of its people:
 * written on each (409 once the conference is held or cancelled) and told to the organiser, like
 * an answer through the link. The caller has decided which invitations are the institution's.
 */
export async function answerInvitations(
  tx: Db,
  c: ConferenceRow,
  institution: string,
  invitationIds: readonly string[],
  body: RsvpBody,
  now = new Date(),
) {
  assertAnswerable(c);
  if (invitationIds.length === 0) return;
  await tx
    .update(conferenceInvitations)
    .set(answerValues(body, now))
    .where(
      and(
        eq(conferenceInvitations.conferenceId, c.id),
        inArray(conferenceInvitations.id, [...invitationIds]),
      ),
    );
  await tellOrganiser(tx, c, institution, null, body);
}

/** A notice in the bell of whoever planned the conference, in their language. */
async function tellOrganiser(
  tx: Db,
  c: ConferenceRow,
  institution: string,
  contact: string | null,
  body: RsvpBody,
) {
  if (!c.createdBy) return;
  const [user] = await tx
    .select({ language: users.language, status: users.status })
    .from(users)
    .where(eq(users.id, c.createdBy));
  if (user?.status !== 'active') return;
  const who = contact ? `${institution} (${contact})` : institution;
  const de = {
    attending: `${who} nimmt teil`,
    declined: `${who} hat abgesagt`,
    deputy: `${who} schickt eine Vertretung: ${body.deputyName ?? ''}`,
  };
  const en = {
    attending: `${who} will attend`,
    declined: `${who} has declined`,
    deputy: `${who} sends a deputy: ${body.deputyName ?? ''}`,
  };
  const message =
    user.language === 'en' ? `${en[body.answer]} — ${c.title}` : `${de[body.answer]} – ${c.title}`;
  await notifyUser(tx, {
    organisationId: c.organisationId,
    userId: c.createdBy,
    kind: 'conference_rsvp',
    clientId: null,
    message,
  });
}
