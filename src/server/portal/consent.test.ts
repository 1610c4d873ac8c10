import { and, arrayContains, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conference } from '../../contracts/conferences';
import type { PortalAgendaItem, PortalConference, PortalHome } from '../../contracts/portal';
import { auditLog, consents, disclosures } from '../db/schema';
import { addDays, todayInGermany } from '../lib/calendar';
import { markHeld, type PreparedConference, tableEntries } from '../testing/conferences';
import { ok } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import type { PartnerSession } from '../testing/partners';
import { pdfText } from '../testing/pdf';
import { portalScene } from '../testing/portal';

let t: TestApp;
let lead: Session;
let aylin: Session;
let p: PreparedConference;
/** ihk: pseudonymised on the first two cases; jc: identified on all; aa: invited, named in no consent. */
let ihk: PartnerSession;
let jc: PartnerSession;
let aa: PartnerSession;

beforeAll(async () => {
  t = await startTestApp();
  const scene = await portalScene(t);
  ({ lead, aylin, p } = scene);
  ({ ihk, jc, aa } = scene.partners);
});
afterAll(async () => {
  await t.close();
});

const url = (rest = '') => `/api/portal/conferences/${p.conference.id}${rest}`;
const kinds = async (s: PartnerSession) =>
  ok<PortalConference>(await s.session.get(url())).agenda.map((i) => i.kind);
const caseAt = (i: number) => p.cases[i] as PreparedConference['cases'][number];
async function pdfOf(s: PartnerSession, file: 'pack.pdf' | 'minutes.pdf') {
  const res = await s.session.get(url(`/${file}`));
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('application/pdf');
  return pdfText(res.rawPayload);
}
/** The consent of a case that names the institution. */
async function consentOf(caseIndex: number, key: 'jc' | 'ihk') {
  const [row] = await t.ctx.db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.clientId, caseAt(caseIndex).id),
        arrayContains(consents.institutionIds, [p.institutions[key].id]),
      ),
    );
  if (!row) throw new Error(`no ${key} consent on case ${caseIndex}`);
  return row.id;
}
const withdraw = async (caseIndex: number, key: 'jc' | 'ihk') =>
  ok(
    await aylin.post(
      `/api/clients/${caseAt(caseIndex).id}/consents/${await consentOf(caseIndex, key)}/withdraw`,
    ),
  );
const expire = async (caseIndex: number, key: 'jc' | 'ihk') =>
  t.ctx.db
    .update(consents)
    .set({ validUntil: addDays(todayInGermany(), -1) })
    .where(eq(consents.id, await consentOf(caseIndex, key)));
async function changeNomination(caseIndex: number, change: Record<string, unknown>) {
  const c = ok<Conference>(await lead.get(`/api/conferences/${p.conference.id}`));
  const n = c.nominations.find((x) => x.id === caseAt(caseIndex).nominationId);
  ok(await lead.patch(`/api/conferences/${c.id}/nominations/${n?.id}`, { ...change, version: n?.version }));
}

describe('a consent withdrawn or run out', () => {
  it('takes the case out of the agenda, the brief and the pack at the next request', async () => {
    const before = await pdfOf(ihk, 'pack.pdf');
    expect(before).toContain(caseAt(0).caseCode);
    expect(before).toContain(caseAt(1).caseCode);
    await withdraw(0, 'ihk');
    expect(await kinds(ihk)).toEqual(['commitments', 'other_case', 'case', 'other_case']);
    expect((await ihk.session.get(url(`/cases/${caseAt(0).nominationId}`))).statusCode).toBe(404);
    const after = await pdfOf(ihk, 'pack.pdf');
    expect(after).not.toContain(caseAt(0).caseCode);
    expect(after).toContain(caseAt(1).caseCode);
    const given = await t.ctx.db
      .select({ clientId: disclosures.clientId })
      .from(disclosures)
      .where(eq(disclosures.institutionId, p.institutions.ihk.id));
    expect(given.filter((d) => d.clientId === caseAt(0).id)).toHaveLength(1);
    expect(given.filter((d) => d.clientId === caseAt(1).id)).toHaveLength(2);
  });

  it('hides a case whose consent expired, as the day turns', async () => {
    await expire(1, 'ihk');
    expect(await kinds(ihk)).toEqual(['commitments', 'other_case', 'other_case', 'other_case']);
    expect((await ihk.session.get(url(`/cases/${caseAt(1).nominationId}`))).statusCode).toBe(404);
    expect(await pdfOf(ihk, 'pack.pdf')).not.toContain(caseAt(1).caseCode);
    const home = ok<PortalHome>(await ihk.session.get('/api/portal/home'));
    expect(home.upcoming[0]?.cases).toBe(0);
  });
});

describe('what a nomination says', () => {
  it('shows a case only to the institutions it needs, whatever the consent allows', async () => {
    await changeNomination(2, { institutionIds: [p.institutions.ihk.id, p.institutions.aa.id] });
    expect(await kinds(jc)).toEqual(['commitments', 'case', 'case', 'other_case']);
  });

  it('shows an anonymised case anonymised to every invited institution, audited without the person', async () => {
    await changeNomination(2, { anonymised: true });
    const item = ok<PortalAgendaItem>(await aa.session.get(url(`/cases/${caseAt(2).nominationId}`)));
    expect(item.brief).toMatchObject({ level: 'anonymised', caseCode: null, name: null, birthDate: null });
    expect(item.needed).toBe(true);
    expect(JSON.stringify(item)).not.toContain(caseAt(2).caseCode);
    const reads = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, aa.userId), eq(auditLog.action, 'portal.brief_read')));
    expect(reads.map((r) => [r.subjectClientId, r.institutionId])).toEqual([[null, p.institutions.aa.id]]);
  });
});

describe('after the table', () => {
  it('closes answers, input and the pack once held; the minutes come once published', async () => {
    await markHeld(lead, p.conference.id);
    expect((await jc.session.post(url('/rsvp'), { answer: 'attending' })).statusCode).toBe(409);
    const input = await jc.session.post(url(`/cases/${caseAt(0).nominationId}/inputs`), { text: 'Spät.' });
    expect(input.statusCode).toBe(409);
    expect((await jc.session.get(url('/pack.pdf'))).statusCode).toBe(409);
    expect((await jc.session.get(url('/minutes.pdf'))).statusCode).toBe(404);
    const home = ok<PortalHome>(await jc.session.get('/api/portal/home'));
    expect(home.upcoming).toEqual([]);
    expect(home.past.map((c) => [c.id, c.minutesAvailable])).toEqual([[p.conference.id, false]]);
    expect(ok<PortalConference>(await jc.session.get(url())).may).toEqual({
      answer: false,
      writeInput: false,
    });
  });

  it('builds the minutes at each request, without a case whose consent went since publication', async () => {
    await tableEntries(t, p, [
      { item: 0, kind: 'decision', text: 'Anerkennung wird beantragt.' },
      { item: 1, kind: 'decision', text: 'Sprachkurs B2 beginnt.' },
    ]);
    const c = ok<Conference>(await lead.get(`/api/conferences/${p.conference.id}`));
    ok(await lead.post(`/api/conferences/${c.id}/minutes/publish`, { version: c.version }));
    const first = await pdfOf(jc, 'minutes.pdf');
    expect(first).toContain(caseAt(0).name);
    expect(first).toContain(caseAt(1).name);
    await withdraw(0, 'jc');
    const second = await pdfOf(jc, 'minutes.pdf');
    expect(second).not.toContain(caseAt(0).name);
    expect(second).not.toContain('Anerkennung wird beantragt.');
    expect(second).toContain('Sprachkurs B2 beginnt.');
    await expire(1, 'jc');
    const third = await pdfOf(jc, 'minutes.pdf');
    expect(third).not.toContain(caseAt(1).name);
    expect(third).not.toContain('Sprachkurs B2 beginnt.');
    const reads = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, jc.userId), eq(auditLog.action, 'portal.minutes_read')));
    expect(reads.filter((r) => r.subjectClientId === caseAt(0).id)).toHaveLength(1);
    expect(reads.every((r) => r.institutionId === p.institutions.jc.id)).toBe(true);
    expect(ok<PortalHome>(await jc.session.get('/api/portal/home')).past[0]?.minutesAvailable).toBe(true);
  });
});
