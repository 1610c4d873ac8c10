import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerMemberships, users } from '../db/schema';
import { jobHandlers } from '../jobs';
import { addDays, todayInGermany } from '../lib/calendar';
import { startJobRunner } from '../lib/jobs';
import { commitmentOn, type PreparedConference, preparedConference } from '../testing/conferences';
import { ok, staff } from '../testing/factories';
import { createUser, type Session, startTestApp, type TestApp } from '../testing/harness';
import { addMembership, partnerSession } from '../testing/partners';
import { recipientOf, startMailServer, type TestMailServer } from '../testing/smtp';
import { sendCommitmentReminders } from './service';

let t: TestApp;
let smtp: TestMailServer;
let runner: ReturnType<typeof startJobRunner>;
let lead: Session;
let aylin: Session;
let organisationId: string;
const jobFailures: unknown[] = [];
const today = todayInGermany();
const tenDaysAgo = () => new Date(Date.now() - 10 * 86_400_000);
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

beforeAll(async () => {
  smtp = await startMailServer();
  t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'Beratungszentrum <lotse@beratung.example>' });
  const team = await staff(t, ['lead', 'aylin']);
  ({ lead, aylin } = team);
  organisationId = team.organisation.id;
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

/** Runs the reminders as the hourly job does, delivers the outbox, answers what arrived by recipient. */
async function remind(): Promise<Map<string, ParsedMail[]>> {
  await jobHandlers(t.ctx)['commitments.reminders']?.({});
  while ((await runner.tick()) > 0);
  const byRecipient = new Map<string, ParsedMail[]>();
  for (const mail of smtp.take())
    byRecipient.set(recipientOf(mail), [...(byRecipient.get(recipientOf(mail)) ?? []), mail]);
  return byRecipient;
}

/**
 * A prepared conference whose job centre has a contact person with an address and whose chamber
 * has an address of its own (the agency has none).
 */
async function conferenceWithAddresses() {
  const p = await preparedConference(t, lead, aylin, {
    cases: 2,
    title: `Pflege ${randomBytes(2).toString('hex')}`,
  });
  const tag = randomBytes(3).toString('hex');
  const to = { contact: `jc-${tag}@partner.example`, chamber: `ihk-${tag}@partner.example` };
  const jc = ok<{ contacts: { id: string; email: string }[] }>(
    await lead.post(`/api/institutions/${p.institutions.jc.id}/contacts`, {
      name: 'Jana Jobcenter',
      email: to.contact,
    }),
  );
  const contactId = jc.contacts.find((c) => c.email === to.contact)?.id ?? null;
  const ihk = ok(await lead.get(`/api/institutions/${p.institutions.ihk.id}`));
  ok(await lead.patch(`/api/institutions/${ihk.id}`, { email: to.chamber, version: ihk.version }));
  return { p, to, contactId };
}

const heldOn = (p: PreparedConference) =>
  new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(p.conference.startsAt));

describe('commitment reminders', () => {
  it('mails the responsible person once, three days before the due date, without anything of the client', async () => {
    const { p, to, contactId } = await conferenceWithAddresses();
    const due = addDays(today, 3);
    await commitmentOn(t, p, {
      case: 1,
      contactId,
      action: 'Prüft den Bildungsgutschein',
      dueDate: due,
      createdAt: tenDaysAgo(),
    });
    // Made yesterday, due in two days: no reminder the same week it was agreed.
    await commitmentOn(t, p, { case: 0, contactId, dueDate: addDays(today, 2) });
    const mails = await remind();
    const [mail, ...more] = mails.get(to.contact) ?? [];
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Erinnerung: Zusage fällig am ${german(due)} (${p.conference.title})`);
    const text = mail?.text ?? '';
    expect(text).toContain('Guten Tag Jana Jobcenter');
    expect(text).toContain('Prüft den Bildungsgutschein');
    expect(text).toContain(p.institutions.jc.name);
    expect(text).toContain(`Fall 2 der Konferenz „${p.conference.title}“ am ${heldOn(p)}`);
    for (const kase of p.cases) {
      expect(text).not.toContain(kase.caseCode);
      expect(text).not.toContain('Person');
    }
    expect((await remind()).size).toBe(0);
  });

  it('mails once when overdue, to the institution without a contact person; none for done or dropped', async () => {
    const { p, to } = await conferenceWithAddresses();
    const yesterday = addDays(today, -1);
    await commitmentOn(t, p, {
      institution: 'ihk',
      dueDate: yesterday,
      createdAt: tenDaysAgo(),
      action: 'Termin',
    });
    for (const status of ['done', 'dropped'] as const)
      for (const dueDate of [yesterday, addDays(today, 3)])
        await commitmentOn(t, p, {
          institution: 'ihk',
          status,
          statusNote: 'x',
          dueDate,
          createdAt: tenDaysAgo(),
        });
    // The agency has no address at all: nobody to remind.
    await commitmentOn(t, p, { institution: 'aa', dueDate: yesterday, createdAt: tenDaysAgo() });
    const mails = await remind();
    expect([...mails.keys()]).toEqual([to.chamber]);
    const [mail, ...more] = mails.get(to.chamber) ?? [];
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(
      `Überfällig: Zusage war fällig am ${german(yesterday)} (${p.conference.title})`,
    );
    expect(mail?.text).toContain('ohne Fallbezug');
    expect(mail?.text).toContain('Guten Tag,');
    // The chamber has no account in the portal: no link it could not open.
    expect(mail?.text).not.toContain('/portal/');
    expect((await remind()).size).toBe(0);
  });

  it('mails each reminder once when two processes run the job at the same time', async () => {
    const { p, to, contactId } = await conferenceWithAddresses();
    for (const dueDate of [addDays(today, 1), addDays(today, -3)])
      await commitmentOn(t, p, { case: 0, contactId, dueDate, createdAt: tenDaysAgo() });
    const counts = await Promise.all([sendCommitmentReminders(t.ctx), sendCommitmentReminders(t.ctx)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    const mails = await remind();
    expect(
      mails
        .get(to.contact)
        ?.map((m) => m.subject?.split(':')[0])
        .sort(),
    ).toEqual(['Erinnerung', 'Überfällig']);
  });

  it('mails the institution’s partner users too, each address once, with a link straight to the commitment', async () => {
    const { p, to, contactId } = await conferenceWithAddresses();
    const jana = await partnerSession(t, organisationId, p.institutions.jc.id, 'Jana Portal');
    // The contact person has an account too: one mail to that address, not two.
    const contactAccount = await createUser(t.ctx, organisationId, ['partner']);
    await t.ctx.db.update(users).set({ email: to.contact }).where(eq(users.id, contactAccount.id));
    await addMembership(t, contactAccount.id, organisationId, p.institutions.jc.id);
    // Nobody else: not a revoked account, not a deactivated one, not the chamber's partner.
    const revoked = await partnerSession(t, organisationId, p.institutions.jc.id);
    await t.ctx.db
      .update(partnerMemberships)
      .set({ status: 'revoked', revokedAt: new Date() })
      .where(eq(partnerMemberships.userId, revoked.userId));
    const gone = await partnerSession(t, organisationId, p.institutions.jc.id);
    await t.ctx.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.userId));
    const chamber = await partnerSession(t, organisationId, p.institutions.ihk.id);
    const c = await commitmentOn(t, p, {
      case: 1,
      contactId,
      dueDate: addDays(today, 2),
      createdAt: tenDaysAgo(),
    });
    const mails = await remind();
    expect([...mails.keys()].sort()).toEqual([to.contact, jana.email].sort());
    for (const address of [to.contact, jana.email]) {
      const [mail, ...more] = mails.get(address) ?? [];
      expect(more).toEqual([]);
      const text = mail?.text ?? '';
      expect(text).toContain(`Zur Zusage in Lotse: ${t.ctx.config.baseUrl}/portal/commitments/${c.id}`);
      expect(text).toContain(`Fall 2 der Konferenz „${p.conference.title}“`);
      for (const kase of p.cases) expect(text).not.toContain(kase.caseCode);
    }
    expect(mails.get(jana.email)?.[0]?.text).toContain('Guten Tag Jana Portal,');
    expect(mails.has(chamber.email) || mails.has(revoked.email) || mails.has(gone.email)).toBe(false);
    expect((await remind()).size).toBe(0);
  });
});
