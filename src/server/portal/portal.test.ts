import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conference } from '../../contracts/conferences';
import type {
  PortalAgendaItem,
  PortalConference,
  PortalHome,
  PortalRsvpResult,
} from '../../contracts/portal';
import { auditLog } from '../db/schema';
import type { PreparedConference } from '../testing/conferences';
import { institution, ok } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { type PartnerSession, partnerSession } from '../testing/partners';
import { portalScene } from '../testing/portal';

let t: TestApp;
let lead: Session;
let p: PreparedConference;
/** ihk: pseudonymised on the first two cases; jc: identified on all; aa: invited, named in no consent. */
let ihk: PartnerSession;
let jc: PartnerSession;
let aa: PartnerSession;
let stranger: PartnerSession;

beforeAll(async () => {
  t = await startTestApp();
  const scene = await portalScene(t);
  ({ lead, p } = scene);
  ({ ihk, jc, aa } = scene.partners);
  const elsewhere = await institution(lead, { name: 'Nicht eingeladen GmbH' });
  stranger = await partnerSession(t, scene.organisationId, elsewhere.id);
});
afterAll(async () => {
  await t.close();
});

const url = (rest = '') => `/api/portal/conferences/${p.conference.id}${rest}`;
const view = async (s: PartnerSession) => ok<PortalConference>(await s.session.get(url()));

describe('the partner’s start page', () => {
  it('lists the conference its institution is invited to, with the cases it receives now', async () => {
    const home = ok<PortalHome>(await ihk.session.get('/api/portal/home'));
    expect(home.institution).toEqual({ id: p.institutions.ihk.id, name: p.institutions.ihk.name });
    expect(home.upcoming.map((c) => [c.id, c.cases, c.answer])).toEqual([[p.conference.id, 2, 'pending']]);
    expect(home.past).toEqual([]);
    expect(home.commitments).toEqual({ open: 0, overdue: 0, dueSoon: 0 });
    const none = ok<PortalHome>(await aa.session.get('/api/portal/home'));
    expect(none.upcoming.map((c) => c.cases)).toEqual([0]);
    expect(ok<PortalHome>(await stranger.session.get('/api/portal/home')).upcoming).toEqual([]);
  });

  it('is the partners’ only: staff are refused, and partners reach no staff route', async () => {
    expect((await lead.get('/api/portal/home')).statusCode).toBe(403);
    expect((await ihk.session.get(`/api/conferences/${p.conference.id}`)).statusCode).toBe(404);
  });
});

describe('a conference in the portal', () => {
  it('shows a pseudonymised case without name or birth date, and the others as further cases', async () => {
    const c = await view(ihk);
    expect(c.agenda.map((i) => [i.kind, i.label])).toEqual([
      ['commitments', null],
      ['case', 'Case 1'],
      ['case', 'Case 2'],
      ['other_case', null],
    ]);
    const first = c.agenda[1] as PortalAgendaItem;
    expect(first.brief).toMatchObject({ level: 'pseudonymised', name: null, birthDate: null, address: null });
    expect(first.brief?.question).toBe('What next for case 1?');
    expect(first.needed).toBe(true);
    const other = c.agenda[3] as PortalAgendaItem;
    expect(other).toMatchObject({ nominationId: null, brief: null, inputs: [] });
    expect(other.minutes).toBeGreaterThan(0);
    const text = JSON.stringify(c);
    for (const x of p.cases) expect(text).not.toContain(x.name.split(' ')[1]);
    expect(text).not.toContain('What next for case 3?');
    expect(text).not.toContain(p.cases[2]?.caseCode);
    expect(text).not.toContain(p.cases[2]?.id);
    expect(c.may).toEqual({ answer: true, writeInput: true });
  });

  it('shows an identified case with the name, and nothing to an institution without consent', async () => {
    const c = await view(jc);
    expect(c.agenda.filter((i) => i.kind === 'case').map((i) => i.brief?.name)).toEqual(
      p.cases.map((x) => x.name),
    );
    expect((await view(aa)).agenda.map((i) => i.kind)).toEqual([
      'commitments',
      'other_case',
      'other_case',
      'other_case',
    ]);
  });

  it('opens one brief; a case not received answers like one that does not exist', async () => {
    const [first, , last] = p.cases;
    const one = ok<PortalAgendaItem>(await ihk.session.get(url(`/cases/${first?.nominationId}`)));
    expect(one.brief?.caseCode).toBe(first?.caseCode);
    const withheld = await ihk.session.get(url(`/cases/${last?.nominationId}`));
    const missing = await ihk.session.get(url(`/cases/${crypto.randomUUID()}`));
    expect(withheld.statusCode).toBe(404);
    expect(withheld.json()).toEqual(missing.json());
  });

  it('answers 404 on every route to an institution that is not invited, like a missing conference', async () => {
    const nomination = p.cases[0]?.nominationId;
    const missing = `/api/portal/conferences/${crypto.randomUUID()}`;
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['POST', '/rsvp', { answer: 'attending' }],
      ['GET', `/cases/${nomination}`, undefined],
      ['POST', `/cases/${nomination}/inputs`, { text: 'Wir können helfen.' }],
      ['GET', '/pack.pdf', undefined],
      ['GET', '/minutes.pdf', undefined],
    ] as const) {
      const res = await stranger.session.request(method, url(path), body);
      const none = await stranger.session.request(method, `${missing}${path}`, body);
      expect([path, res.statusCode, res.json()]).toEqual([path, 404, none.json()]);
    }
  });
});

describe('what the partner does', () => {
  it('writes input on a case it receives, which the lead sees on the conference page', async () => {
    const [first, , last] = p.cases;
    const written = ok<PortalAgendaItem>(
      await ihk.session.post(url(`/cases/${first?.nominationId}/inputs`), {
        text: 'Anpassungslehrgang ab März.',
      }),
    );
    expect(written.inputs.map((i) => [i.text, i.by])).toEqual([
      ['Anpassungslehrgang ab März.', 'Ida Kammer'],
    ]);
    const page = ok<Conference>(await lead.get(`/api/conferences/${p.conference.id}`));
    const inputs = page.nominations.find((n) => n.id === first?.nominationId)?.writtenInputs ?? [];
    expect(inputs.map((i) => [i.institution.id, i.text])).toEqual([
      [p.institutions.ihk.id, 'Anpassungslehrgang ab März.'],
    ]);
    // Another institution sees its own input only; a case not received takes none.
    expect((await view(jc)).agenda.flatMap((i) => i.inputs)).toEqual([]);
    const refused = await ihk.session.post(url(`/cases/${last?.nominationId}/inputs`), { text: 'x' });
    expect(refused.statusCode).toBe(404);
    expect(
      (await ihk.session.post(url(`/cases/${first?.nominationId}/inputs`), { text: '' })).statusCode,
    ).toBe(400);
  });

  it('answers for its institution; another’s invitation is not found', async () => {
    const res = ok<PortalRsvpResult>(
      await jc.session.post(url('/rsvp'), { answer: 'deputy', deputyName: 'Frau Vertretung' }),
    );
    expect(res.answer).toBe('deputy');
    expect(res.invitations.map((i) => [i.answer, i.deputyName])).toEqual([['deputy', 'Frau Vertretung']]);
    const page = ok<Conference>(await lead.get(`/api/conferences/${p.conference.id}`));
    const mine = page.invitations.find((i) => i.institution.id === p.institutions.jc.id);
    expect(mine?.answer).toBe('deputy');
    const others = page.invitations.find((i) => i.institution.id === p.institutions.ihk.id);
    const foreign = await jc.session.post(url('/rsvp'), { answer: 'declined', invitationId: others?.id });
    expect(foreign.statusCode).toBe(404);
    expect((await jc.session.post(url('/rsvp'), { answer: 'deputy' })).statusCode).toBe(400);
    const home = ok<PortalHome>(await jc.session.get('/api/portal/home'));
    expect(home.upcoming[0]?.answer).toBe('deputy');
  });

  it('writes every read and answer to the audit log with the institution', async () => {
    const rows = await t.ctx.db.select().from(auditLog).where(eq(auditLog.actorUserId, ihk.userId));
    const portal = rows.filter((r) => r.action.startsWith('portal.'));
    expect(new Set(portal.map((r) => r.action))).toEqual(
      new Set(['portal.conference_read', 'portal.brief_read', 'portal.input_written']),
    );
    expect(portal.every((r) => r.institutionId === p.institutions.ihk.id)).toBe(true);
    const briefReads = portal.filter((r) => r.action === 'portal.brief_read');
    expect(new Set(briefReads.map((r) => r.subjectClientId))).toEqual(
      new Set([p.cases[0]?.id, p.cases[1]?.id]),
    );
    const [answered] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, jc.userId), eq(auditLog.action, 'portal.rsvp')));
    expect(answered?.institutionId).toBe(p.institutions.jc.id);
  });
});
