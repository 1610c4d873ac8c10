import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerActivityEntry, PartnerInstitution } from '../../contracts/partners';
import { todayInGermany } from '../lib/calendar';
import { type PreparedConference, preparedConference } from '../testing/conferences';
import { auditTrail, institution, ok, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { partnerSession } from '../testing/partners';

let t: TestApp;
let lead: Session;
let dpo: Session;
let aylin: Session;
let organisationId: string;
let prepared: PreparedConference;
beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['lead', 'dpo', 'aylin']);
  ({ lead, dpo, aylin } = team);
  organisationId = team.organisation.id;
  prepared = await preparedConference(t, lead, aylin, { title: 'Geberkonferenz Pflege' });
});
afterAll(() => t.close());

type Page = { items: PartnerActivityEntry[]; total: number; institution: { id: string; name: string } };
const activity = (s: Session, institutionId: string, query = '') =>
  s.get(`/api/institutions/${institutionId}/partner-activity${query}`);

describe('what an institution has seen and received', () => {
  it("lists a partner's audited reads with who read, and the disclosures of a pack with conference and case", async () => {
    const jc = prepared.institutions.jc;
    const partner = await partnerSession(t, organisationId, jc.id, 'Petra Roth');
    // Picking the organisation is recorded with the partner's institution, as every partner's entry is.
    ok(await partner.session.post('/api/auth/organisation', { organisationId }));
    await lead.get(`/api/conferences/${prepared.conference.id}/packs/${jc.id}`);

    const page = ok<Page>(await activity(lead, jc.id));
    expect(page.institution).toEqual({ id: jc.id, name: jc.name });
    const read = page.items.find((e) => e.kind === 'read' && e.action === 'auth.organisation_chosen');
    expect(read).toMatchObject({ by: 'Petra Roth', caseLabel: null });
    const sent = page.items.filter((e) => e.kind === 'disclosure');
    expect(sent.map((e) => e.caseLabel).sort()).toEqual(prepared.cases.map((c) => c.caseCode).sort());
    expect(sent[0]).toMatchObject({
      action: 'conference_sharing',
      by: null,
      level: 'identified',
      conference: { id: prepared.conference.id, title: 'Geberkonferenz Pflege' },
    });
    // Newest first: the pack came after the read.
    expect(page.items.at(-1)?.kind).toBe('read');
    expect(page.total).toBe(page.items.length);
  });

  it('keeps to the period asked for, and to the institution', async () => {
    const today = todayInGermany();
    const jc = prepared.institutions.jc;
    expect(ok<Page>(await activity(lead, jc.id, `?from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    expect(ok<Page>(await activity(lead, jc.id, '?to=2020-01-01')).total).toBe(0);
    expect(ok<Page>(await activity(lead, prepared.institutions.aa.id)).items).toEqual([]);
  });

  it('is for the lead and the dpo, audited; a counsellor gets 403, another organisation 404', async () => {
    const jc = prepared.institutions.jc;
    expect(ok<Page>(await activity(dpo, jc.id)).total).toBeGreaterThan(0);
    expect((await activity(aylin, jc.id)).statusCode).toBe(403);
    const { lead: other } = await staff(t, ['lead']);
    expect((await activity(other, jc.id)).statusCode).toBe(404);
    const own = await institution(other, { type: 'job_centre' });
    expect((await activity(lead, own.id)).statusCode).toBe(404);
    const trail = await auditTrail(dpo, { action: 'partner.activity_read' });
    expect(trail.items.length).toBeGreaterThanOrEqual(2);
  });

  it('offers the dpo the institutions with partner accounts or disclosures', async () => {
    const list = ok<PartnerInstitution[]>(await dpo.get('/api/partners/institutions'));
    const jc = list.find((i) => i.id === prepared.institutions.jc.id);
    expect(jc).toMatchObject({ accounts: 1 });
    expect(jc?.disclosures).toBeGreaterThan(0);
    expect(list.map((i) => i.id)).not.toContain(prepared.institutions.aa.id);
    expect((await aylin.get('/api/partners/institutions')).statusCode).toBe(403);
  });
});
