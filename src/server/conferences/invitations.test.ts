import { randomBytes } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conference, RsvpView } from '../../contracts/conferences';
import { jobHandlers } from '../jobs';
import { addDays, todayInGermany } from '../lib/calendar';
import { startJobRunner } from '../lib/jobs';
import { parseCalendar } from '../testing/calendar';
import { auditTrail, institution, ok, sectorId, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { calendarOf, recipientOf, startMailServer, type TestMailServer } from '../testing/smtp';
import { rsvpToken } from './rsvp';
import { sendDueReminders } from './service';

let t: TestApp;
let smtp: TestMailServer;
let runner: ReturnType<typeof startJobRunner>;
let lead: Session;
let admin: Session;
let health: string;
const jobFailures: unknown[] = [];

beforeAll(async () => {
  smtp = await startMailServer();
  t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'Beratungszentrum <lotse@beratung.example>' });
  ({ lead, admin } = await staff(t, ['lead', 'admin']));
  health = await sectorId(lead, 'Gesundheit und Pflege');
  // The outbox is delivered by the job runner, as in production; the test ticks it itself.
  runner = startJobRunner(t.ctx.db, jobHandlers(t.ctx), [], {
    intervalMs: 3_600_000,
    onError: (_kind, error) => jobFailures.push(error),
  });
});
afterAll(async () => {
  await runner.stop();
  await t.close();
  await smtp.close();
  expect(jobFailures).toEqual([]);
});

/** Delivers the outbox to the SMTP server and answers what arrived, by recipient. */
async function delivered(): Promise<Map<string, ParsedMail>> {
  while ((await runner.tick()) > 0);
  const mails = smtp.take();
  const byRecipient = new Map(mails.map((m) => [recipientOf(m), m]));
  expect(byRecipient.size, 'one mail per address').toBe(mails.length);
  return byRecipient;
}

const calendar = (mail: ParsedMail | undefined) => parseCalendar(calendarOf(mail as ParsedMail) ?? '');
const linkOf = (mail: ParsedMail | undefined) => {
  const m = /\/rsvp\/([0-9a-f-]{36})\/([A-Za-z0-9._-]+)/.exec(mail?.text ?? '');
  if (!m) throw new Error(`no RSVP link in ${mail?.text}`);
  return { conferenceId: m[1] as string, token: m[2] as string, url: `/api/rsvp/${m[1]}/${m[2]}` };
};
/** A request as the invitee's browser makes it: no session, no CSRF token. */
const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}) });

/**
 * A conference in 30 days (or `days`) with four institutions invited: A by its own address, B through two
 * contact persons, C through one, and D, which has no address at all.
 */
async function invitedConference(days = 30) {
  const tag = randomBytes(3).toString('hex');
  const address = (who: string) => `${who}-${tag}@partner.example`;
  const a = await institution(lead, { name: `Jobcenter ${tag}`, type: 'job_centre', email: address('a') });
  const b = await institution(lead, { name: `Agentur ${tag}`, type: 'employment_agency' });
  const c = await institution(lead, {
    name: `Kammer ${tag}`,
    type: 'chamber_ihk',
    email: address('c-office'),
  });
  const d = await institution(lead, { name: `Träger ${tag}`, type: 'training_provider' });
  const contact = async (id: string, name: string, email: string) =>
    ok<{ contacts: { id: string; email: string }[] }>(
      await lead.post(`/api/institutions/${id}/contacts`, { name, email }),
    ).contacts.find((x) => x.email === email)?.id;
  const b1 = await contact(b.id, 'Berta Eins', address('b1'));
  const b2 = await contact(b.id, 'Bernd Zwei', address('b2'));
  const c1 = await contact(c.id, 'Clara Kammer', address('c1'));
  let conf = ok<Conference>(
    await lead.post('/api/conferences', {
      title: `Geberkonferenz ${tag}`,
      sectorId: health,
      date: addDays(todayInGermany(), days),
      startTime: '10:00',
      place: 'Rathaus, Saal 2; Eingang Hof',
    }),
  );
  for (const [institutionId, contactIds] of [
    [a.id, []],
    [b.id, [b1, b2]],
    [c.id, [c1]],
    [d.id, []],
  ] as const)
    conf = ok(await lead.post(`/api/conferences/${conf.id}/invitations`, { institutionId, contactIds }));
  conf = ok(await lead.post(`/api/conferences/${conf.id}/invitations/send`, { version: conf.version }));
  const mails = await delivered();
  const to = { a: address('a'), b1: address('b1'), b2: address('b2'), c1: address('c1') };
  return { conf, mails, to, ids: { a: a.id, b: b.id, c: c.id, d: d.id } };
}

const invitationOf = (conf: Conference, email: string) => {
  const found = conf.invitations.find((i) => i.email === email);
  if (!found) throw new Error(`no invitation to ${email}`);
  return found;
};

describe('sending the invitations', () => {
  it('mails every address a calendar invitation (REQUEST, SEQUENCE 0, the right start) and a link to answer', async () => {
    const { conf, mails, to } = await invitedConference();
    expect(conf.status).toBe('invited');
    expect([...mails.keys()].sort()).toEqual(Object.values(to).sort());
    const uids = new Set<string>();
    for (const mail of mails.values()) {
      const event = calendar(mail);
      expect(event).toMatchObject({
        method: 'REQUEST',
        sequence: 0,
        status: 'CONFIRMED',
        tzid: 'Europe/Berlin',
      });
      expect(event.start.toISOString()).toBe(conf.startsAt);
      expect(event.end.toISOString()).toBe(conf.endsAt);
      expect(event.location).toBe('Rathaus, Saal 2; Eingang Hof');
      expect(event.organizer).toBe('mailto:lotse@beratung.example');
      expect(event.attendee).toBe(`mailto:${recipientOf(mail)}`);
      uids.add(event.uid);
      expect(linkOf(mail).conferenceId).toBe(conf.id);
      expect(mail.subject).toContain('Einladung / Invitation');
      expect(mail.text).toContain(conf.title);
    }
    expect(uids.size).toBe(1);
    // The contact person's address is used, not the institution's office address.
    expect(mails.has(to.c1.replace('c1', 'c-office'))).toBe(false);
    // The invitation without any address is not mailed, and says so; the others are sent.
    const unaddressed = conf.invitations.filter((i) => i.email === null);
    expect(unaddressed).toHaveLength(1);
    expect(unaddressed[0]?.sentAt).toBeNull();
    expect(conf.invitations.filter((i) => i.sentAt !== null)).toHaveLength(4);
    expect(conf.invitations.every((i) => i.sequence === 0)).toBe(true);
  });

  it('mails only those not yet invited when sent again, and records who sent them', async () => {
    const { conf, to } = await invitedConference();
    const late = await institution(lead, { name: 'Späte Firma', email: `late-${conf.id}@partner.example` });
    const more = ok<Conference>(
      await lead.post(`/api/conferences/${conf.id}/invitations`, { institutionId: late.id }),
    );
    ok(await lead.post(`/api/conferences/${conf.id}/invitations/send`, { version: more.version }));
    const mails = await delivered();
    expect([...mails.keys()]).toEqual([`late-${conf.id}@partner.example`]);
    expect(mails.has(to.a)).toBe(false);
    const trail = await auditTrail(admin, { action: 'conference.invitations_sent' });
    expect(trail.items.filter((e) => e.entityId === conf.id)).toHaveLength(2);
  });

  it('is refused at a stale version, and for a conference without invitees', async () => {
    const { conf } = await invitedConference();
    const stale = await lead.post(`/api/conferences/${conf.id}/invitations/send`, {
      version: conf.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const empty = ok<Conference>(
      await lead.post('/api/conferences', {
        title: 'Leer',
        sectorId: health,
        date: addDays(todayInGermany(), 20),
        startTime: '09:00',
      }),
    );
    const none = await lead.post(`/api/conferences/${empty.id}/invitations/send`, { version: empty.version });
    expect(none.statusCode).toBe(409);
  });
});

describe('answering through the link', () => {
  it('needs no account, and the page warns until three institutions have confirmed (each counted once)', async () => {
    const { conf, mails, to } = await invitedConference();
    const view = ok<RsvpView>(await anonymous('GET', linkOf(mails.get(to.b1)).url));
    expect(view).toMatchObject({ answer: 'pending', contact: 'Berta Eins', expiresAt: conf.endsAt });
    expect(view.conference).toMatchObject({ title: conf.title, status: 'invited', startsAt: conf.startsAt });
    ok(await anonymous('POST', linkOf(mails.get(to.a)).url, { answer: 'attending' }));
    const deputy = ok<RsvpView>(
      await anonymous('POST', linkOf(mails.get(to.b1)).url, {
        answer: 'deputy',
        deputyName: 'Dora Vertretung',
      }),
    );
    expect(deputy).toMatchObject({ answer: 'deputy', deputyName: 'Dora Vertretung' });
    ok(await anonymous('POST', linkOf(mails.get(to.b2)).url, { answer: 'declined' }));
    const noName = await anonymous('POST', linkOf(mails.get(to.c1)).url, { answer: 'deputy' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields).toEqual([expect.objectContaining({ path: 'deputyName' })]);
    ok(await anonymous('POST', linkOf(mails.get(to.c1)).url, { answer: 'declined' }));

    let page = ok<Conference>(await lead.get(`/api/conferences/${conf.id}`));
    expect(invitationOf(page, to.b1)).toMatchObject({ answer: 'deputy', deputyName: 'Dora Vertretung' });
    expect(invitationOf(page, to.b2).answer).toBe('declined');
    expect(invitationOf(page, to.b2).respondedAt).not.toBeNull();
    // A and B have confirmed (B through one of its two contacts): two institutions, not three.
    expect(page.warnings).toContain('fewer_than_three_confirmed');
    const byPhone = invitationOf(page, to.c1);
    page = ok(
      await lead.put(`/api/conferences/${conf.id}/invitations/${byPhone.id}/answer`, { answer: 'attending' }),
    );
    expect(invitationOf(page, to.c1).answer).toBe('attending');
    expect(page.warnings).not.toContain('fewer_than_three_confirmed');

    const trail = await auditTrail(admin, { action: 'conference.rsvp' });
    const mine = trail.items.filter((e) => e.entityId === conf.id);
    expect(mine).toHaveLength(5);
    expect(mine.filter((e) => e.actor === null)).toHaveLength(4);
  });

  it('tells whoever planned the conference of an answer', async () => {
    const { mails, to } = await invitedConference();
    ok(await anonymous('POST', linkOf(mails.get(to.a)).url, { answer: 'declined' }));
    const notices = ok<{ kind: string; message: string }[]>(await lead.get('/api/notifications'));
    expect(notices[0]).toMatchObject({
      kind: 'conference_rsvp',
      message: expect.stringContaining('abgesagt'),
    });
  });
});

describe('a change of the conference', () => {
  it('sends every invitee an update with SEQUENCE 1 and the same UID, and a link that still works', async () => {
    const { conf, mails, to } = await invitedConference();
    const uid = calendar(mails.get(to.a)).uid;
    const moved = ok<Conference>(
      await lead.patch(`/api/conferences/${conf.id}`, { startTime: '13:30', version: conf.version }),
    );
    expect(moved.sequence).toBe(1);
    const updates = await delivered();
    expect([...updates.keys()].sort()).toEqual(Object.values(to).sort());
    for (const mail of updates.values()) {
      const event = calendar(mail);
      expect(event).toMatchObject({ method: 'REQUEST', sequence: 1, uid });
      expect(event.start.toISOString()).toBe(moved.startsAt);
      expect(mail.subject).toContain('Geändert / Updated');
    }
    expect(moved.invitations.filter((i) => i.sentAt).every((i) => i.sequence === 1)).toBe(true);
    ok(await anonymous('POST', linkOf(updates.get(to.a)).url, { answer: 'attending' }));
    // A change invitees need not hear of (the moderator) sends nothing.
    ok(
      await lead.patch(`/api/conferences/${conf.id}`, { moderatorId: lead.user.id, version: moved.version }),
    );
    expect((await delivered()).size).toBe(0);
  });

  it('cancelled: every invitee gets METHOD:CANCEL with the reason, and the link says it is cancelled', async () => {
    const { conf, mails, to } = await invitedConference();
    const uid = calendar(mails.get(to.a)).uid;
    ok(
      await lead.post(`/api/conferences/${conf.id}/status`, {
        status: 'cancelled',
        version: conf.version,
        reason: 'Der Saal ist nicht frei',
      }),
    );
    const cancellations = await delivered();
    expect([...cancellations.keys()].sort()).toEqual(Object.values(to).sort());
    for (const mail of cancellations.values()) {
      const event = calendar(mail);
      expect(event).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid, sequence: 1 });
      expect(mail.text).toContain('Der Saal ist nicht frei');
      expect(mail.text).not.toContain('/rsvp/');
    }
    const link = linkOf(mails.get(to.a)).url;
    expect(ok<RsvpView>(await anonymous('GET', link)).conference.status).toBe('cancelled');
    const late = await anonymous('POST', link, { answer: 'attending' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/cancelled/);
  });
});

describe('a bad link', () => {
  it('forged, of another conference, or run out: 400 with the code, never 500', async () => {
    const first = await invitedConference();
    const second = await invitedConference();
    const { conferenceId, token } = linkOf(first.mails.get(first.to.a));
    const code = async (url: string, payload?: object) => {
      const res = await anonymous(payload ? 'POST' : 'GET', url, payload);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.code;
    };
    const flipped = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
    expect(await code(`/api/rsvp/${conferenceId}/${flipped}`)).toBe('token_invalid');
    expect(await code(`/api/rsvp/${conferenceId}/not-a-token-at-all`)).toBe('token_invalid');
    expect(await code(`/api/rsvp/${second.conf.id}/${token}`, { answer: 'attending' })).toBe('token_invalid');
    expect(await code(`/api/rsvp/${conferenceId}/${token.replace(/\.[^.]+\./, '.AAAAAAAAAAAA.')}`)).toBe(
      'token_invalid',
    );
    // A genuine link whose time is up: signed by this server, expired a minute ago.
    const invitation = invitationOf(first.conf, first.to.a);
    const [, nonce] = token.split('.');
    const expired = rsvpToken(t.ctx.config, {
      invitationId: invitation.id,
      conferenceId,
      nonce: nonce as string,
      expiresAt: new Date(Date.now() - 60_000),
    });
    expect(await code(`/api/rsvp/${conferenceId}/${expired}`, { answer: 'attending' })).toBe('token_expired');
    const page = ok<Conference>(await lead.get(`/api/conferences/${conferenceId}`));
    expect(invitationOf(page, first.to.a).answer).toBe('pending');
  });

  it('of a withdrawn invitation no longer works, and its invitee gets a cancellation', async () => {
    const { conf, mails, to } = await invitedConference();
    const gone = invitationOf(conf, to.b2);
    ok(await lead.delete(`/api/conferences/${conf.id}/invitations/${gone.id}`));
    const withdrawn = await delivered();
    expect([...withdrawn.keys()]).toEqual([to.b2]);
    expect(calendar(withdrawn.get(to.b2))).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });
    expect(withdrawn.get(to.b2)?.subject).toContain('Invitation withdrawn');
    const res = await anonymous('POST', linkOf(mails.get(to.b2)).url, { answer: 'attending' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('token_invalid');
  });
});

describe('reminders', () => {
  it('go 7 days and 1 day before to every invitee who has not declined, once each', async () => {
    // Later than the other conferences of this file, whose reminders are due at other times.
    const { conf, mails, to } = await invitedConference(60);
    ok(await anonymous('POST', linkOf(mails.get(to.b2)).url, { answer: 'declined' }));
    const start = Date.parse(conf.startsAt);
    const at = (ms: number) => new Date(start - ms);
    const day = 86_400_000;
    const remindersTo = async () => [...(await delivered()).keys()].sort();
    const expected = [to.a, to.b1, to.c1].sort();

    await sendDueReminders(t.ctx, at(8 * day));
    expect(await remindersTo()).toEqual([]);
    await sendDueReminders(t.ctx, at(7 * day - 3_600_000));
    const week = await delivered();
    expect([...week.keys()].sort()).toEqual(expected);
    expect(week.get(to.a)?.subject).toContain('Erinnerung / Reminder');
    expect(linkOf(week.get(to.a)).conferenceId).toBe(conf.id);
    await sendDueReminders(t.ctx, at(3 * day));
    expect(await remindersTo()).toEqual([]);

    await sendDueReminders(t.ctx, at(day - 3_600_000));
    expect(await remindersTo()).toEqual(expected);
    await sendDueReminders(t.ctx, at(2 * 3_600_000));
    expect(await remindersTo()).toEqual([]);
    const page = ok<Conference>(await lead.get(`/api/conferences/${conf.id}`));
    expect(page.status).toBe('invited');
  });
});
