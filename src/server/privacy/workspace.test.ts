import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../contracts/clients';
import type {
  BreachPage,
  WorkspaceConsent,
  WorkspaceDisclosuresPage,
  WorkspaceReads,
} from '../../contracts/privacy-workspace';
import { addDays, todayInGermany } from '../lib/calendar';
import {
  auditTrail,
  caseFile,
  changePlacement,
  consent,
  employerConsent,
  institution,
  offer,
  ok,
  openCase,
  staff,
  suggest,
} from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let dpo: Session;
let admin: Session;
let cases: ClientDetail[];
let clinic: { id: string; name: string };
let leadReadsFrom: string;
const today = todayInGermany();

/** Aylin's 22 cases; two introduced to a clinic; the lead then reads 21 of them within minutes. */
beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, dpo, admin } = await staff(t, ['lead', 'aylin', 'dpo', 'admin']));
  cases = [];
  for (let i = 0; i < 22; i++)
    cases.push(await openCase(aylin, { givenNames: `Person${i}`, familyName: `Breach${i}` }));
  clinic = await institution(lead, { name: 'Klinikum Workspace', type: 'company' });
  for (const c of cases.slice(0, 2)) {
    const job = await offer(lead, clinic.id, { title: `Stelle ${c.caseCode}` });
    await employerConsent(aylin, c.id, clinic.id, { validUntil: addDays(today, 10) });
    ok(await changePlacement(aylin, c.id, await suggest(aylin, c.id, job.id), { status: 'introduced' }));
  }
  await caseFile(aylin, cases[0]?.id ?? '');
  leadReadsFrom = new Date().toISOString();
  for (const c of cases.slice(1)) await caseFile(lead, c.id);
});
afterAll(() => t.close());

describe("the dpo's workspace", () => {
  it('counts disclosures per institution in a period and lists them with case, purpose and consent', async () => {
    const page = ok<WorkspaceDisclosuresPage>(await dpo.get('/api/privacy/workspace/disclosures'));
    expect(page.perInstitution).toEqual([{ institutionId: clinic.id, name: clinic.name, count: 2 }]);
    expect(page.items.map((d) => d.caseCode).sort()).toEqual(
      cases
        .slice(0, 2)
        .map((c) => c.caseCode)
        .sort(),
    );
    expect(page.items[0]).toMatchObject({ purpose: 'employer_profile', by: 'Aylin Demir' });
    expect(page.items[0]?.consent?.givenOn).toBeTruthy();
    const filtered = `?institutionId=${clinic.id}&from=${today}&to=${today}&limit=1`;
    expect(
      ok<WorkspaceDisclosuresPage>(await dpo.get(`/api/privacy/workspace/disclosures${filtered}`)),
    ).toMatchObject({ total: 2 });
    const before = ok<WorkspaceDisclosuresPage>(
      await dpo.get('/api/privacy/workspace/disclosures?to=2020-01-01'),
    );
    expect(before.total).toBe(0);
    expect(before.perInstitution).toEqual([]);
  });

  it('lists consents that run out within N days, and those withdrawn in a period', async () => {
    const third = cases[2] as ClientDetail;
    await consent(aylin, third.id, { validUntil: addDays(today, 60) });
    type Page = { items: WorkspaceConsent[]; total: number };
    const soon = ok<Page>(await dpo.get('/api/privacy/workspace/consents?kind=expiring&days=30'));
    expect(soon.items.map((c) => c.caseCode).sort()).toEqual(
      cases
        .slice(0, 2)
        .map((c) => c.caseCode)
        .sort(),
    );
    expect(soon.items[0]).toMatchObject({ purposes: ['employer_profile'], institutions: [clinic.name] });
    const later = ok<Page>(await dpo.get('/api/privacy/workspace/consents?kind=expiring&days=90'));
    expect(later.total).toBe(3);
    const first = cases[0] as ClientDetail;
    const consentId = (await caseFile(aylin, first.id)).consent.consents[0].id;
    ok(await aylin.post(`/api/clients/${first.id}/consents/${consentId}/withdraw`, {}));
    const gone = ok<Page>(await dpo.get('/api/privacy/workspace/consents?kind=withdrawn'));
    expect(gone.items.map((c) => c.caseCode)).toEqual([first.caseCode]);
    expect(gone.items[0]?.withdrawnAt).toBeTruthy();
    const expiring = ok<Page>(await dpo.get('/api/privacy/workspace/consents?days=30'));
    expect(expiring.items.map((c) => c.caseCode)).not.toContain(first.caseCode);
  });

  it("marks a lead who read more than 20 others' cases within an hour; a counsellor's own cases do not count", async () => {
    const reads = ok<WorkspaceReads>(await dpo.get('/api/privacy/workspace/reads'));
    expect(reads.users).toHaveLength(1);
    expect(reads.users[0]).toMatchObject({
      user: { id: lead.user.id, roles: ['lead'] },
      cases: 21,
      flagged: true,
    });
    expect(reads.users[0]?.busiestHour?.cases).toBe(21);
    const higher = ok<WorkspaceReads>(await dpo.get('/api/privacy/workspace/reads?threshold=21'));
    expect(higher.users[0]?.flagged).toBe(false);
    const old = ok<WorkspaceReads>(
      await dpo.get('/api/privacy/workspace/reads?from=2020-01-01&to=2020-12-31'),
    );
    expect(old.users).toEqual([]);
  });

  it('names exactly the persons a user read in the window, as a page and as CSV', async () => {
    const q = `userId=${lead.user.id}&from=${encodeURIComponent(leadReadsFrom)}`;
    const page = ok<BreachPage>(await dpo.get(`/api/privacy/workspace/breach?${q}&limit=100`));
    expect(page.persons).toBe(21);
    expect(new Set(page.items.map((e) => e.caseCode))).toEqual(
      new Set(cases.slice(1).map((c) => c.caseCode)),
    );
    expect(page.items.find((e) => e.caseCode === cases[1]?.caseCode)).toMatchObject({
      person: 'Person1 Breach1',
      what: 'client.read',
      by: 'Miriam Kessler',
      kind: 'read',
    });
    const csv = await dpo.get(`/api/privacy/workspace/breach/export?${q}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Person21 Breach21');
    expect(csv.body).not.toContain('Person0 Breach0');
    const xlsx = await dpo.get(`/api/privacy/workspace/breach/export?${q}&format=xlsx&lang=en`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('adds the disclosures of a window and asks for a user or a window', async () => {
    const window = `from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`;
    const all = ok<BreachPage>(
      await dpo.get(`/api/privacy/workspace/breach?userId=${aylin.user.id}&${window}`),
    );
    const disclosed = all.items.filter((e) => e.kind === 'disclosure');
    expect(disclosed.map((e) => e.institution)).toEqual([clinic.name, clinic.name]);
    expect(disclosed[0]?.dataCategories).toEqual(['qualifications']);
    const none = await dpo.get('/api/privacy/workspace/breach');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('userId');
  });

  it("is the dpo's alone, and every read is audited", async () => {
    for (const s of [lead, aylin, admin])
      for (const path of ['disclosures', 'consents', 'reads', `breach?userId=${lead.user.id}`])
        expect((await s.get(`/api/privacy/workspace/${path}`)).statusCode).toBe(403);
    const trail = await auditTrail(dpo, { action: 'privacy.workspace_read' });
    expect(trail.items.length).toBeGreaterThanOrEqual(3);
    const breach = await auditTrail(dpo, {
      action: 'privacy.breach_searched',
      subjectId: cases[1]?.id ?? '',
    });
    expect(breach.items.length).toBeGreaterThan(0);
  });
});
