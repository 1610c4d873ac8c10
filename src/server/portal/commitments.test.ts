import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Commitment } from '../../contracts/commitments';
import type { PortalCommitment, portalCommitmentPage } from '../../contracts/portal';
import { auditLog, consents } from '../db/schema';
import type { Actor } from '../lib/actor';
import { addDays, todayInGermany } from '../lib/calendar';
import { commitmentOn, type PreparedConference, preparedConference } from '../testing/conferences';
import { ok, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { type PartnerSession, partnerSession } from '../testing/partners';
import { portalCommitmentCounts, portalCommitmentsWhere } from './commitments';

type Page = z.infer<typeof portalCommitmentPage>;

let t: TestApp;
let lead: Session;
let aylin: Session;
let organisationId: string;
const today = todayInGermany();
const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);

beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['lead', 'aylin']);
  ({ lead, aylin } = team);
  organisationId = team.organisation.id;
});
afterAll(() => t.close());

/** A prepared conference (two cases; the job centre receives both) and a partner of its job centre. */
async function withPartner(): Promise<{ p: PreparedConference; jc: PartnerSession }> {
  const p = await preparedConference(t, lead, aylin, { cases: 2 });
  return { p, jc: await partnerSession(t, organisationId, p.institutions.jc.id, 'Jana Jobcenter') };
}

async function list(s: Session, query: Record<string, string> = {}) {
  return ok<Page>(await s.get(`/api/portal/commitments?${new URLSearchParams(query)}`));
}
const idsOf = (page: Page) => page.items.map((c) => c.id);

/** The job centre's scope, as a partner's request builds it (`partnerScope`). */
const scopeOf = (p: PreparedConference, userId = '') => ({
  actor: { roles: ['partner'], organisationId, userId, institutionId: p.institutions.jc.id } as Actor,
  organisationId,
  institution: p.institutions.jc,
});
/** The home page's counts for the job centre of `p`, as the portal's home asks them. */
const countsFor = (p: PreparedConference) => portalCommitmentCounts(t.ctx.db, scopeOf(p));

function report(s: Session, id: string, body: Record<string, unknown>) {
  return s.post(`/api/portal/commitments/${id}/report`, body);
}

describe('the institution’s commitments in the portal', () => {
  it('shows a partner its institution’s commitments, overdue first, each case only as “Case n”', async () => {
    const { p, jc } = await withPartner();
    const soon = await commitmentOn(t, p, { case: 1, dueDate: addDays(today, 5) });
    const overdue = await commitmentOn(t, p, { case: 0, dueDate: addDays(today, -2), createdAt: tenDaysAgo });
    const noCase = await commitmentOn(t, p, { dueDate: addDays(today, 3) });
    const done = await commitmentOn(t, p, { case: 0, status: 'done' });
    const chamber = await commitmentOn(t, p, { case: 0, institution: 'ihk' });
    const open = await list(jc.session);
    expect(idsOf(open)).toEqual([overdue.id, noCase.id, soon.id]);
    expect(open.total).toBe(3);
    expect(open.items[0]).toMatchObject({ overdue: true, case: { place: 1, label: 'Case 1' } });
    expect(open.items[1]?.case).toBeNull();
    // Nothing of the person: no case code, no name, no id of the case.
    const body = JSON.stringify(open);
    for (const kase of p.cases)
      for (const word of [kase.caseCode, kase.id, 'Person']) expect(body).not.toContain(word);
    expect(idsOf(await list(jc.session, { status: 'overdue' }))).toEqual([overdue.id]);
    expect(idsOf(await list(jc.session, { status: 'done' }))).toEqual([done.id]);
    expect(
      (await list(jc.session, { status: 'all', limit: '2', offset: '2' })).items.map((c) => c.id),
    ).toEqual([soon.id, done.id]);
    expect(ok<PortalCommitment>(await jc.session.get(`/api/portal/commitments/${soon.id}`)).id).toBe(soon.id);
    // The chamber's commitment is not the job centre's business: answered like a missing one.
    for (const answer of [
      await jc.session.get(`/api/portal/commitments/${chamber.id}`),
      await report(jc.session, chamber.id, { status: 'done', version: chamber.version }),
    ])
      expect(answer.statusCode).toBe(404);
    const chamberPartner = await partnerSession(t, organisationId, p.institutions.ihk.id);
    expect(idsOf(await list(chamberPartner.session))).toEqual([chamber.id]);
  });

  it('gives the portal’s other pages a conference’s commitments in the same shape and scope', async () => {
    const { p, jc } = await withPartner();
    await commitmentOn(t, p, { case: 0 });
    await commitmentOn(t, p, { case: 0, institution: 'ihk' });
    await commitmentOn(t, p, { status: 'done' });
    const listed = await list(jc.session, { status: 'all', conferenceId: p.conference.id });
    const where = sql`cm.conference_id = ${p.conference.id}::uuid`;
    expect(await portalCommitmentsWhere(t.ctx.db, scopeOf(p, jc.userId), where)).toEqual(listed.items);
  });

  it('writes each read to the audit log with the institution and the cases shown', async () => {
    const { p, jc } = await withPartner();
    const a = await commitmentOn(t, p, { case: 0 });
    const b = await commitmentOn(t, p, { case: 1 });
    await list(jc.session);
    const entries = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, jc.userId), eq(auditLog.action, 'portal.commitments_read')));
    expect(entries.map((e) => e.subjectClientId).sort()).toEqual([p.cases[0]?.id, p.cases[1]?.id].sort());
    expect(entries.every((e) => e.institutionId === p.institutions.jc.id)).toBe(true);
    expect(entries.flatMap((e) => (e.details as { commitmentIds: string[] }).commitmentIds).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });

  it('hides a commitment at the next request once its case’s consent is withdrawn or expired; one on no case stays', async () => {
    const { p, jc } = await withPartner();
    const first = await commitmentOn(t, p, { case: 0 });
    const second = await commitmentOn(t, p, { case: 1 });
    const noCase = await commitmentOn(t, p, {});
    expect((await list(jc.session)).total).toBe(3);
    expect((await countsFor(p)).open).toBe(3);
    const consentOf = async (caseId: string) => {
      const [row] = await t.ctx.db
        .select({ id: consents.id })
        .from(consents)
        .where(
          and(
            eq(consents.clientId, caseId),
            sql`${p.institutions.jc.id}::uuid = ANY(${consents.institutionIds})`,
          ),
        );
      return row?.id ?? '';
    };
    const [case0, case1] = p.cases.map((c) => c.id) as [string, string];
    ok(await lead.post(`/api/clients/${case0}/consents/${await consentOf(case0)}/withdraw`));
    expect(idsOf(await list(jc.session)).sort()).toEqual([second.id, noCase.id].sort());
    expect((await jc.session.get(`/api/portal/commitments/${first.id}`)).statusCode).toBe(404);
    expect((await report(jc.session, first.id, { status: 'done', version: first.version })).statusCode).toBe(
      404,
    );
    await t.ctx.db
      .update(consents)
      .set({ validUntil: addDays(today, -1) })
      .where(eq(consents.id, await consentOf(case1)));
    expect(idsOf(await list(jc.session))).toEqual([noCase.id]);
    expect((await list(jc.session, { status: 'all' })).total).toBe(1);
    expect((await jc.session.get(`/api/portal/commitments/${second.id}`)).statusCode).toBe(404);
    expect(await countsFor(p)).toMatchObject({ open: 1 });
    // The organisation's staff keep following them.
    expect(ok<Commitment>(await lead.get(`/api/commitments/${first.id}`)).status).toBe('open');
  });
});

describe('reporting from the portal', () => {
  it('records progress (it stays open) and the lead sees the note', async () => {
    const { p, jc } = await withPartner();
    const c = await commitmentOn(t, p, { case: 0 });
    const saved = ok<PortalCommitment>(
      await report(jc.session, c.id, { status: 'progress', note: 'Antrag liegt vor', version: c.version }),
    );
    expect(saved).toMatchObject({ status: 'open', progressNote: 'Antrag liegt vor', version: c.version + 1 });
    expect(Date.now() - Date.parse(saved.progressAt ?? '')).toBeLessThan(60_000);
    const seen = ok<Commitment>(await lead.get(`/api/commitments/${c.id}`));
    expect(seen).toMatchObject({
      status: 'open',
      progressNote: 'Antrag liegt vor',
      progressAt: saved.progressAt,
    });
    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'portal.commitment_reported')));
    expect(entry).toMatchObject({ subjectClientId: p.cases[0]?.id, institutionId: p.institutions.jc.id });
  });

  it('reports done on time, once: done is final', async () => {
    const { p, jc } = await withPartner();
    const c = await commitmentOn(t, p, { case: 1, dueDate: addDays(today, 3), createdAt: tenDaysAgo });
    const yesterday = addDays(today, -1);
    const done = ok<PortalCommitment>(
      await report(jc.session, c.id, { status: 'done', reportedOn: yesterday, version: c.version }),
    );
    expect(done).toMatchObject({
      status: 'done',
      onTime: true,
      reportedOn: yesterday,
      reportedBy: 'Jana Jobcenter',
    });
    const again = await report(jc.session, c.id, {
      status: 'progress',
      note: 'noch was',
      version: done.version,
    });
    expect(again.statusCode).toBe(409);
    expect(idsOf(await list(jc.session, { status: 'done' }))).toEqual([c.id]);
    expect(ok<Commitment>(await lead.get(`/api/commitments/${c.id}`)).onTime).toBe(true);
  });

  it('refuses dropped without a reason, a day in the future or before it was made, and an old version', async () => {
    const { p, jc } = await withPartner();
    const c = await commitmentOn(t, p, { case: 0, createdAt: tenDaysAgo });
    const fieldsOf = (res: { json(): unknown }) =>
      (res.json() as { error: { fields?: { path: string }[] } }).error.fields?.map((f) => f.path);
    const noNote = await report(jc.session, c.id, { status: 'dropped', version: c.version });
    expect(noNote.statusCode).toBe(400);
    expect(fieldsOf(noNote)).toEqual(['note']);
    for (const reportedOn of [addDays(today, 1), addDays(today, -20)]) {
      const wrongDay = await report(jc.session, c.id, { status: 'done', reportedOn, version: c.version });
      expect(wrongDay.statusCode).toBe(400);
      expect(fieldsOf(wrongDay)).toEqual(['reportedOn']);
    }
    ok(await report(jc.session, c.id, { status: 'progress', note: 'läuft', version: c.version }));
    const stale = await report(jc.session, c.id, { status: 'dropped', note: 'entfällt', version: c.version });
    expect(stale.statusCode).toBe(409);
    const dropped = ok<PortalCommitment>(
      await report(jc.session, c.id, { status: 'dropped', note: 'entfällt', version: c.version + 1 }),
    );
    expect(dropped).toMatchObject({ status: 'dropped', statusNote: 'entfällt', progressNote: 'läuft' });
  });

  it('is the partners’ own: staff are refused the portal (403), partners the staff’s routes (404)', async () => {
    const { p, jc } = await withPartner();
    const c = await commitmentOn(t, p, { case: 0 });
    for (const s of [lead, aylin]) {
      expect((await s.get('/api/portal/commitments')).statusCode).toBe(403);
      expect((await s.get(`/api/portal/commitments/${c.id}`)).statusCode).toBe(403);
      expect((await report(s, c.id, { status: 'done', version: c.version })).statusCode).toBe(403);
    }
    for (const answer of [
      await jc.session.get('/api/commitments'),
      await jc.session.get(`/api/commitments/${c.id}`),
      await jc.session.post(`/api/commitments/${c.id}/report`, { status: 'done', version: c.version }),
      await jc.session.get('/api/commitments/export'),
    ])
      expect(answer.statusCode).toBe(404);
    expect(ok<Commitment>(await lead.get(`/api/commitments/${c.id}`)).status).toBe('open');
  });
});
