/**
 * Partner accounts for API tests as a lead makes them: a contact person of the directory, the
 * invitation through the API, the link accepted, the second factor enrolled.
 */
import { eq } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import type { ContactPerson, Institution } from '../../contracts/network';
import type { PartnerInviteResult } from '../../contracts/partners';
import { outbox } from '../db/schema';
import { actorOf } from '../lib/http';
import { ok } from './factories';
import { type Session, startTestApp, type TestApp } from './harness';
import { totpCode } from './partners';

/** A contact person of the institution, with an address unless `email: null`. */
export async function contactPerson(
  lead: Session,
  institutionId: string,
  fields: { name?: string; email?: string | null } = {},
): Promise<ContactPerson> {
  const name = fields.name ?? `Kontakt ${Math.random().toString(36).slice(2, 7)}`;
  const email =
    fields.email === undefined ? `${name.replace(/\W+/g, '.').toLowerCase()}@partner.example` : fields.email;
  const saved = ok<Institution>(
    await lead.post(`/api/institutions/${institutionId}/contacts`, { name, email }),
  );
  const contact = saved.contacts.find((c) => c.name === name);
  if (!contact) throw new Error(`contact ${name} was not saved`);
  return contact;
}

/** The lead invites; answers the invitation's result (200 required). */
export async function invitePartner(lead: Session, body: Record<string, unknown>) {
  return ok<PartnerInviteResult>(await lead.post('/api/partners', body));
}

/** What the invitation page sends when the invitee chooses a password. */
export function acceptInvitation(t: TestApp, link: string, password: string) {
  const token = link.split('#')[1] ?? '';
  return t.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password } });
}

/** Enrols the second factor in a session that waits for it; answers the secret. */
export async function enrolTotp(s: Session): Promise<string> {
  const { secret } = ok<{ secret: string }>(await s.post('/api/auth/totp/setup'));
  ok(await s.post('/api/auth/totp/enable', { code: totpCode(secret) }));
  return secret;
}

/**
 * The code of the next 30-second step: a code is accepted once per step, and ±1 step of drift is
 * allowed, so a second login right after enrolling uses this instead of waiting for the clock.
 */
export const nextTotpCode = (secret: string) =>
  new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: Date.now() + 30_000 });

/** The messages in an organisation's outbox to one address, oldest first. */
export async function mailsTo(t: TestApp, organisationId: string, address: string) {
  const rows = await t.ctx.db.select().from(outbox).where(eq(outbox.organisationId, organisationId));
  return rows.filter((m) => m.toAddress === address).sort((a, b) => +a.createdAt - +b.createdAt);
}

/**
 * A route of the partner portal, declared as the portal declares its own (`config: { portal: true }`):
 * what a partner's session may reach, and the organisation and institution it acts for. Added
 * before the app's first request.
 */
export const PORTAL_PROBE = '/api/test/portal-probe';
export async function startAppWithPortalProbe(): Promise<TestApp> {
  const t = await startTestApp();
  t.app.get(PORTAL_PROBE, { config: { portal: true } }, async (request) => {
    const actor = actorOf(request);
    return { organisationId: actor.organisationId, institutionId: actor.institutionId };
  });
  return t;
}
