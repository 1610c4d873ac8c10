import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerAccount } from '../../contracts/partners';
import { institution, member, ok, staff } from '../testing/factories';
import { attemptLogin, login, PASSWORD, type Session, type TestApp } from '../testing/harness';
import {
  acceptInvitation,
  contactPerson,
  enrolTotp,
  invitePartner,
  mailsTo,
  nextTotpCode,
  PORTAL_PROBE,
  startAppWithPortalProbe,
} from '../testing/partner-accounts';
import { partnerSession } from '../testing/partners';

let t: TestApp;
beforeAll(async () => {
  t = await startAppWithPortalProbe();
});
afterAll(() => t.close());

const accounts = async (lead: Session, query = '') =>
  ok<{ items: PartnerAccount[]; total: number }>(await lead.get(`/api/partners${query}`));

describe('inviting a contact person of the directory', () => {
  let lead: Session;
  let organisationId: string;
  let link: string;
  let email: string;
  const password = 'eine sichere passphrase';

  it('makes an invited account and mails the one-time link, naming organisation and institution', async () => {
    const team = await staff(t, ['lead'], 'Beratungszentrum Saar');
    lead = team.lead;
    organisationId = team.organisation.id;
    const jc = await institution(lead, { name: 'Jobcenter Saarbrücken', type: 'job_centre' });
    const contact = await contactPerson(lead, jc.id, { name: 'Petra Roth', email: 'Petra.Roth@JC.example' });
    const result = await invitePartner(lead, { institutionId: jc.id, contactId: contact.id });
    expect(result.account).toMatchObject({
      name: 'Petra Roth',
      email: 'petra.roth@jc.example',
      status: 'invited',
      institution: { id: jc.id, name: 'Jobcenter Saarbrücken' },
      contact: { id: contact.id, name: 'Petra Roth' },
      totpEnabled: false,
    });
    expect(result.existingAccount).toBe(false);
    link = result.inviteLink ?? '';
    email = result.account.email;
    expect(link).toMatch(/\/invite#.{20,}/);
    const [mail] = await mailsTo(t, organisationId, email);
    expect(mail?.textBody).toContain(link);
    expect(mail?.textBody).toContain('Jobcenter Saarbrücken');
    expect(mail?.textBody).toContain('Beratungszentrum Saar');
    expect(mail?.textBody).toContain('zweiten Faktor');
  });

  it('keeps the person out until the link sets the password', async () => {
    expect((await attemptLogin(t.app, { email, password })).statusCode).toBe(401);
    expect((await acceptInvitation(t, link, password)).statusCode).toBe(200);
    expect((await accounts(lead)).items[0]?.status).toBe('active');
  });

  it('holds the first login back until a second factor is enrolled', async () => {
    const s = await login(t.app, email, password);
    const me = ok<{ totpEnrolmentRequired: boolean; institution: { name: string } }>(
      await s.get('/api/auth/me'),
    );
    expect(me.totpEnrolmentRequired).toBe(true);
    expect(me.institution.name).toBe('Jobcenter Saarbrücken');
    const held = await s.get(PORTAL_PROBE);
    expect(held.statusCode).toBe(403);
    expect(held.json().error.code).toBe('totp_enrolment_required');
    await enrolTotp(s);
    expect(ok<{ organisationId: string }>(await s.get(PORTAL_PROBE)).organisationId).toBe(organisationId);
    // The staff's routes do not exist for a partner.
    expect((await s.get('/api/partners')).statusCode).toBe(404);
  });
});

describe('what an invitation refuses', () => {
  it('a contact of another institution, one without an address, an institution of another organisation', async () => {
    const { lead } = await staff(t, ['lead']);
    const { lead: other } = await staff(t, ['lead']);
    const jc = await institution(lead, { type: 'job_centre' });
    const ihk = await institution(lead, { type: 'chamber_ihk' });
    const elsewhere = await contactPerson(lead, ihk.id);
    const noAddress = await contactPerson(lead, jc.id, { email: null });
    for (const contactId of [elsewhere.id, noAddress.id]) {
      const res = await lead.post('/api/partners', { institutionId: jc.id, contactId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('contactId');
    }
    const foreign = await other.post('/api/partners', {
      institutionId: jc.id,
      name: 'X',
      email: 'x@x.example',
    });
    expect(foreign.statusCode).toBe(404);
    const neither = await lead.post('/api/partners', { institutionId: jc.id });
    expect(neither.statusCode).toBe(400);
    expect((await lead.get('/api/partners')).json().total).toBe(0);
  });

  it("a staff member's address (409 email_taken) and a partner of this organisation already (409 duplicate)", async () => {
    const { lead, aylin } = await staff(t, ['lead', 'aylin']);
    const jc = await institution(lead, { type: 'job_centre' });
    const staffAddress = await lead.post('/api/partners', {
      institutionId: jc.id,
      name: 'Aylin',
      email: aylin.user.email,
    });
    expect(staffAddress.statusCode).toBe(409);
    expect(staffAddress.json().error).toMatchObject({ code: 'email_taken', fields: [{ path: 'email' }] });
    const body = { institutionId: jc.id, name: 'Jan Weber', email: 'jan.weber@jc.example' };
    await invitePartner(lead, body);
    const twice = await lead.post('/api/partners', body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('duplicate');
  });

  it('is for leads: counsellors, admins and the dpo get 403', async () => {
    const { lead, organisation } = await staff(t, ['lead']);
    const jc = await institution(lead, { type: 'job_centre' });
    const { account } = await invitePartner(lead, { institutionId: jc.id, name: 'A', email: 'a@jc.example' });
    for (const role of ['counsellor', 'admin', 'dpo'] as const) {
      const s = await member(t, organisation.id, [role]);
      expect((await s.get('/api/partners')).statusCode, role).toBe(403);
      const invite = await s.post('/api/partners', {
        institutionId: jc.id,
        name: 'B',
        email: `${role}@jc.example`,
      });
      expect(invite.statusCode, role).toBe(403);
      expect((await s.post(`/api/partners/${account.id}/resend`)).statusCode, role).toBe(403);
      const revoke = await s.post(`/api/partners/${account.id}/revoke`, { version: account.version });
      expect(revoke.statusCode, role).toBe(403);
    }
  });
});

describe('the list of partner accounts', () => {
  it('filters by institution, status and a search that ignores accents', async () => {
    const { lead } = await staff(t, ['lead']);
    const { lead: other } = await staff(t, ['lead']);
    const jc = await institution(lead, { name: 'Jobcenter Neunkirchen', type: 'job_centre' });
    const hwk = await institution(lead, { name: 'Handwerkskammer', type: 'chamber_hwk' });
    await invitePartner(lead, { institutionId: jc.id, name: 'Zoë Müller', email: 'zoe@jc.example' });
    await invitePartner(lead, { institutionId: hwk.id, name: 'Ahmad Karimi', email: 'ak@hwk.example' });
    const ended = await invitePartner(lead, {
      institutionId: hwk.id,
      name: 'Bea Berg',
      email: 'bb@hwk.example',
    });
    ok(await lead.post(`/api/partners/${ended.account.id}/revoke`, { version: ended.account.version }));
    const names = async (q: string) => (await accounts(lead, q)).items.map((a) => a.name);
    expect(await names('')).toEqual(['Ahmad Karimi', 'Bea Berg', 'Zoë Müller']);
    expect(await names('?sort=-name')).toEqual(['Zoë Müller', 'Bea Berg', 'Ahmad Karimi']);
    expect(await names(`?institutionId=${hwk.id}`)).toEqual(['Ahmad Karimi', 'Bea Berg']);
    expect(await names('?status=revoked')).toEqual(['Bea Berg']);
    expect(await names('?status=invited')).toEqual(['Ahmad Karimi', 'Zoë Müller']);
    expect(await names('?q=zoe%20muller')).toEqual(['Zoë Müller']);
    expect(await names('?q=neunkirchen')).toEqual(['Zoë Müller']);
    expect((await accounts(lead, '?limit=1&offset=1')).items.map((a) => a.name)).toEqual(['Bea Berg']);
    expect((await accounts(other)).total).toBe(0);
  });
});

describe('a fresh link, ending and restoring access', () => {
  it('sends a fresh link to an invited account (the old one ends) and refuses an active one', async () => {
    const { lead, organisation } = await staff(t, ['lead']);
    const jc = await institution(lead, { type: 'job_centre' });
    const first = await invitePartner(lead, { institutionId: jc.id, name: 'Lea', email: 'lea@jc.example' });
    const again = ok<{ inviteLink: string }>(await lead.post(`/api/partners/${first.account.id}/resend`));
    expect(again.inviteLink).not.toBe(first.inviteLink);
    expect((await mailsTo(t, organisation.id, 'lea@jc.example')).length).toBe(2);
    expect((await acceptInvitation(t, first.inviteLink ?? '', PASSWORD)).statusCode).toBe(400);
    expect((await acceptInvitation(t, again.inviteLink, PASSWORD)).statusCode).toBe(200);
    const active = await lead.post(`/api/partners/${first.account.id}/resend`);
    expect(active.statusCode).toBe(409);
  });

  it('ends the session of a revoked partner at once, and lets them in again when restored', async () => {
    const { lead, organisation } = await staff(t, ['lead']);
    const jc = await institution(lead, { type: 'job_centre' });
    const p = await partnerSession(t, organisation.id, jc.id);
    expect((await p.session.get(PORTAL_PROBE)).statusCode).toBe(200);
    const [account] = (await accounts(lead)).items;
    if (!account) throw new Error('no account');
    const revoked = ok<PartnerAccount>(
      await lead.post(`/api/partners/${account.id}/revoke`, { version: account.version }),
    );
    expect(revoked.status).toBe('revoked');
    expect((await p.session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await attemptLogin(t.app, { email: p.email, password: PASSWORD })).statusCode).toBe(401);
    const stale = await lead.post(`/api/partners/${account.id}/reactivate`, { version: account.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const restored = ok<PartnerAccount>(
      await lead.post(`/api/partners/${account.id}/reactivate`, { version: revoked.version }),
    );
    expect(restored.status).toBe('active');
    const back = await login(t.app, p.email, PASSWORD, nextTotpCode(p.secret));
    expect((await back.get(PORTAL_PROBE)).statusCode).toBe(200);
  });
});
