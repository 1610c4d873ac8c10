import { and, eq, like } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conference } from '../../contracts/conferences';
import type { ConferenceMinutes } from '../../contracts/conferences-minutes';
import type { Notification } from '../../contracts/dashboard';
import { consents, disclosures, outbox } from '../db/schema';
import { jobHandlers } from '../jobs';
import { startJobRunner } from '../lib/jobs';
import {
  type PreparedConference,
  preparedConference,
  tableCommitments,
  tableEntries,
} from '../testing/conferences';
import { auditTrail, ok, outsider, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { pdfText } from '../testing/pdf';
import { recipientOf, startMailServer, type TestMailServer } from '../testing/smtp';

let t: TestApp;
let smtp: TestMailServer;
let runner: ReturnType<typeof startJobRunner>;
let lead: Session;
let aylin: Session;
let dpo: Session;
let p: PreparedConference;
const jobFailures: unknown[] = [];

beforeAll(async () => {
  smtp = await startMailServer();
  t = await startTestApp({ smtpUrl: smtp.url, mailFrom: 'Beratungszentrum <lotse@beratung.example>' });
  ({ lead, aylin, dpo } = await staff(t, ['lead', 'aylin', 'dpo']));
  runner = startJobRunner(t.ctx.db, jobHandlers(t.ctx), [], {
    intervalMs: 3_600_000,
    onError: (_kind, error) => jobFailures.push(error),
  });
  p = await preparedConference(t, lead, aylin, { addresses: true });
  await tableEntries(t, p, [
    { item: 0, kind: 'decision', text: 'Das Jobcenter prüft einen Bildungsgutschein.' },
    { item: 2, kind: 'decision', text: 'Fahrtkosten werden übernommen.' },
  ]);
  await tableCommitments(t, p, [
    { item: 0, institution: 'jc', action: 'Bildungsgutschein ausstellen' },
    { item: 'commitments', institution: 'aa', action: 'Liste der Träger schicken' },
  ]);
  await delivered(); // the invitations and the agenda
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
  return new Map(smtp.take().map((m) => [recipientOf(m), m]));
}
/** The text of the PDF a mail carries. */
async function copyIn(mail: ParsedMail | undefined) {
  const pdf = mail?.attachments.find((a) => a.contentType === 'application/pdf');
  expect(pdf, `a PDF in the mail to ${mail && recipientOf(mail)}`).toBeDefined();
  return pdfText(pdf?.content ?? Buffer.alloc(0));
}
const addressOf = (x: PreparedConference, key: 'jc' | 'ihk' | 'aa') =>
  `${key}-${x.institutions.jc.name.split(' ')[1]}@partner.example`;
const conferenceOf = async (x: PreparedConference) =>
  ok<Conference>(await lead.get(`/api/conferences/${x.conference.id}`));
const publish = async (s: Session, x = p) =>
  s.post(`/api/conferences/${x.conference.id}/minutes/publish`, { version: (await conferenceOf(x)).version });
async function hold(x: PreparedConference) {
  const c = await conferenceOf(x);
  ok(await lead.post(`/api/conferences/${c.id}/status`, { status: 'held', version: c.version }));
}

describe('publishing the minutes', () => {
  it('waits until the conference is held, and is for leads of the organisation', async () => {
    const early = await publish(lead);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('conflict');
    await hold(p);
    expect((await publish(aylin)).statusCode).toBe(403);
    expect((await publish(await outsider(t))).statusCode).toBe(404);
  });

  it('mails each institution its copy: names to the job centre, case codes to the IHK, no case to the Agentur', async () => {
    const m = ok<ConferenceMinutes>(await publish(lead));
    expect(m).toMatchObject({ status: 'minutes_published', editable: false });
    expect(m.published?.by?.name).toBe('Miriam Kessler');
    const mails = await delivered();
    expect([...mails.keys()].sort()).toEqual(['aa', 'ihk', 'jc'].map((k) => addressOf(p, k as 'jc')).sort());
    const [one, two, three] = p.cases.map((c) => c ?? { name: '?', caseCode: '?' });
    const jc = await copyIn(mails.get(addressOf(p, 'jc')));
    for (const c of [one, two, three]) expect(jc).toContain(`${c?.name} (${c?.caseCode})`);
    expect(jc).toContain('Bildungsgutschein ausstellen');
    const ihk = await copyIn(mails.get(addressOf(p, 'ihk')));
    expect(ihk).toContain(`Fall ${one?.caseCode}`);
    expect(ihk).toContain(`Fall ${two?.caseCode}`);
    for (const secret of [one?.name, two?.name, three?.name, three?.caseCode, 'Fahrtkosten'])
      expect(ihk).not.toContain(secret);
    expect(ihk).toContain('1 weiterer Fall wurde ohne Freigabe für Ihre Institution besprochen.');
    const aa = await copyIn(mails.get(addressOf(p, 'aa')));
    for (const c of [one, two, three]) {
      expect(aa).not.toContain(c?.caseCode);
      expect(aa).not.toContain(c?.name);
    }
    expect(aa).toContain('3 weitere Fälle wurden ohne Freigabe für Ihre Institution besprochen.');
    expect(aa).toContain('Liste der Träger schicken');
    const mail = mails.get(addressOf(p, 'ihk'));
    expect(mail?.subject).toMatch(/^Protokoll: Geberkonferenz Pflege, \d\d\.\d\d\.\d{4}$/);
    expect(mail?.text).not.toContain(one?.caseCode);
  });

  it('writes every case sent to the disclosure log with its consent, audits it, and tells the staff', async () => {
    const rows = await t.ctx.db
      .select()
      .from(disclosures)
      .where(eq(disclosures.conferenceId, p.conference.id));
    const to = (key: 'jc' | 'ihk' | 'aa') =>
      rows
        .filter((r) => r.institutionId === p.institutions[key].id)
        .map((r) => r.clientId)
        .sort();
    expect(to('jc')).toEqual(p.cases.map((c) => c.id).sort());
    expect(to('ihk')).toEqual([p.cases[0]?.id, p.cases[1]?.id].sort());
    expect(to('aa')).toEqual([]);
    const ihkRow = rows.find((r) => r.institutionId === p.institutions.ihk.id);
    expect(ihkRow).toMatchObject({ purpose: 'conference_sharing', recipientName: p.institutions.ihk.name });
    expect(ihkRow?.dataCategories).toEqual(['qualifications', 'recognition', 'language']);
    const [cited] = await t.ctx.db
      .select()
      .from(consents)
      .where(eq(consents.id, ihkRow?.consentId ?? ''));
    expect(cited?.institutionIds).toEqual([p.institutions.ihk.id]);
    expect((await auditTrail(dpo, { action: 'conference.minutes_disclosed' })).total).toBe(5);
    expect((await auditTrail(dpo, { action: 'conference.minutes_published' })).total).toBe(1);
    const notices = ok<Notification[]>(await aylin.get('/api/notifications'));
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'conference_minutes',
          message: 'Protokoll veröffentlicht – Geberkonferenz Pflege',
          link: `/conferences/${p.conference.id}?tab=minutes`,
        }),
      ]),
    );
    // Delivered, the PDFs are not kept in the outbox: the disclosure log is the record.
    const sent = await t.ctx.db.select().from(outbox).where(like(outbox.subject, 'Protokoll:%'));
    expect(sent.map((o) => [o.sentAt !== null, o.attachments])).toEqual(sent.map(() => [true, []]));
    const m = ok<ConferenceMinutes>(await lead.get(`/api/conferences/${p.conference.id}/minutes`));
    expect(m.recipients.map((r) => [r.institution.id, r.cases, r.withheld, r.delivery])).toEqual(
      expect.arrayContaining([
        [p.institutions.jc.id, 3, 0, 'sent'],
        [p.institutions.ihk.id, 2, 1, 'sent'],
        [p.institutions.aa.id, 0, 3, 'sent'],
      ]),
    );
  });

  it('refuses a second publish, and any further edit, with 409 already_published', async () => {
    const again = await publish(lead);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_published');
    const edit = await lead.put(`/api/conferences/${p.conference.id}/minutes/commitments`, {
      text: 'Nachträglich.',
      version: 0,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('already_published');
    expect((await delivered()).size).toBe(0);
  });

  it('publishes once when two leads press at the same moment', async () => {
    const q = await preparedConference(t, lead, aylin, { cases: 1, addresses: true });
    await hold(q);
    await delivered();
    const answers = await Promise.all([publish(lead, q), publish(lead, q)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().error.code).toBe('already_published');
    expect((await delivered()).size).toBe(3);
  });

  it('leaves out of a copy a case whose consent was withdrawn before publishing', async () => {
    const q = await preparedConference(t, lead, aylin, { cases: 2, addresses: true });
    await delivered();
    const [first, second] = q.cases;
    const [jcConsent] = (
      await t.ctx.db
        .select()
        .from(consents)
        .where(and(eq(consents.clientId, first?.id ?? '')))
    ).filter((k) => k.institutionIds.includes(q.institutions.jc.id));
    ok(await aylin.post(`/api/clients/${first?.id}/consents/${jcConsent?.id}/withdraw`));
    await hold(q);
    ok(await publish(lead, q));
    const jc = await copyIn((await delivered()).get(addressOf(q, 'jc')));
    expect(jc).toContain(`${second?.name} (${second?.caseCode})`);
    expect(jc).not.toContain(first?.name);
    expect(jc).not.toContain(first?.caseCode);
    expect(jc).toContain('1 weiterer Fall wurde ohne Freigabe');
    const rows = await t.ctx.db
      .select()
      .from(disclosures)
      .where(eq(disclosures.conferenceId, q.conference.id));
    expect(rows.filter((r) => r.clientId === first?.id && r.institutionId === q.institutions.jc.id)).toEqual(
      [],
    );
  });
});
