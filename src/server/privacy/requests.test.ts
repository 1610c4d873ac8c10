import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestItem } from '../../contracts/privacy-requests';
import { auditLog, disclosures } from '../db/schema';
import { preparedConference, tableEntries } from '../testing/conferences';
import {
  changePlacement,
  employerConsent,
  institution,
  offer,
  ok,
  openCase,
  outsider,
  staff,
  suggest,
} from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { pdfText } from '../testing/pdf';
import { zipFiles } from '../testing/zip';

let t: TestApp;
let lead: Session;
let aylin: Session;
let jonas: Session;
let dpo: Session;
let admin: Session;
let caseId: string;

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'),
  Buffer.alloc(500, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

/** Records a request as the dpo (or `s`) for the person found by the search, the way the dialog does. */
async function request(kind: string, s: Session = dpo, receivedOn = '2026-11-20') {
  const [hit] = ok<{ clientId: string }[]>(await s.get('/api/privacy/persons?q=Kovalenko'));
  return ok<RequestItem>(
    await s.post('/api/privacy/requests', { clientId: hit?.clientId, kind, receivedOn }),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, jonas, dpo, admin } = await staff(t, ['lead', 'aylin', 'jonas', 'dpo', 'admin']));
  caseId = (await openCase(aylin, { givenNames: 'Oksana', familyName: 'Kovalenko', birthDate: '1988-04-02' }))
    .id;
  // Reads by several users: the owner twice, the lead once.
  for (const s of [aylin, aylin, lead]) ok(await s.get(`/api/clients/${caseId}`));
  // A disclosure through the real path: consent for an employer, then the profile is introduced.
  const clinic = await institution(aylin, { name: 'Klinikum Exportstadt' });
  const job = await offer(aylin, clinic.id, { title: 'Pflegefachkraft Station 3' });
  await employerConsent(aylin, caseId, clinic.id, { formLanguage: 'eng' });
  ok(await changePlacement(aylin, caseId, await suggest(aylin, caseId, job.id), { status: 'introduced' }));
  ok(
    await aylin.form(
      `/api/clients/${caseId}/documents`,
      { category: 'certificate' },
      { name: 'Diplom.pdf', data: PDF },
    ),
  );
});
afterAll(() => t.close());

describe('data-subject requests', () => {
  it('are due one month after receipt, and a refusal needs its reason in writing', async () => {
    const r = await request('erasure', dpo, '2026-01-31');
    expect(r).toMatchObject({
      kind: 'erasure',
      status: 'open',
      dueOn: '2026-02-28',
      person: { name: 'Oksana Kovalenko' },
    });
    const bare = await dpo.patch(`/api/privacy/requests/${r.id}`, { status: 'refused', version: r.version });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields[0].path).toBe('outcome');
    const refused = ok<RequestItem>(
      await dpo.patch(`/api/privacy/requests/${r.id}`, {
        status: 'refused',
        outcome: 'Aufbewahrungspflicht ESF',
        version: r.version,
      }),
    );
    expect(refused).toMatchObject({
      status: 'refused',
      outcome: 'Aufbewahrungspflicht ESF',
      closedBy: 'Dana Schutz',
    });
    const stale = await dpo.patch(`/api/privacy/requests/${r.id}`, { note: 'x', version: r.version });
    expect(stale.statusCode).toBe(409);
    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(trail.map((a) => [a.action, a.subjectClientId])).toEqual([
      ['privacy.request_created', caseId],
      ['privacy.request_changed', caseId],
    ]);
  });

  it('are listed open first with the overdue ones marked, for leads too', async () => {
    const late = await request('access', lead, '2026-01-05');
    const page = ok<{ items: RequestItem[] }>(
      await lead.get('/api/privacy/requests?status=open&overdue=true'),
    );
    expect(page.items.map((i) => i.id)).toContain(late.id);
    expect(page.items.every((i) => i.overdue && (i.daysLeft ?? 0) < 0)).toBe(true);
    const due = ok<{ items: RequestItem[]; overdue: number }>(await dpo.get('/api/privacy/requests/due'));
    expect(due.overdue).toBeGreaterThanOrEqual(1);
  });

  it('answer another organisation 404, counsellors and the admin 403', async () => {
    const r = await request('access');
    const other = await outsider(t);
    expect((await other.get(`/api/privacy/requests/${r.id}`)).statusCode).toBe(404);
    expect(
      (
        await other.post('/api/privacy/requests', {
          clientId: caseId,
          kind: 'access',
          receivedOn: '2026-11-01',
        })
      ).statusCode,
    ).toBe(400);
    for (const s of [aylin, admin]) {
      expect((await s.get('/api/privacy/requests')).statusCode).toBe(403);
      expect((await s.get('/api/privacy/persons?q=Kovalenko')).statusCode).toBe(403);
      expect((await s.get(`/api/privacy/requests/${r.id}/export.json`)).statusCode).toBe(403);
    }
  });
});

describe('the Art. 15 export', () => {
  it('holds every read and change of the person and every disclosure (data.json)', async () => {
    const r = await request('access');
    const before = await t.ctx.db.select().from(auditLog).where(eq(auditLog.subjectClientId, caseId));
    const res = await dpo.get(`/api/privacy/requests/${r.id}/export.json`);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json();
    expect(data.person).toMatchObject({
      given_names: 'Oksana',
      family_name: 'Kovalenko',
      birth_date: '1988-04-02',
    });
    expect(data.person.search_text).toBeUndefined();
    expect(data.auditTrail.map((a: { id: number }) => Number(a.id)).sort()).toEqual(
      before.map((a) => a.id).sort(),
    );
    const reads = data.auditTrail.filter((a: { action: string }) => a.action === 'client.read');
    expect(reads.map((a: { who: string }) => a.who).sort()).toEqual([
      'Aylin Demir',
      'Aylin Demir',
      'Miriam Kessler',
    ]);
    const sent = await t.ctx.db.select().from(disclosures).where(eq(disclosures.clientId, caseId));
    expect(sent).toHaveLength(1);
    expect(data.disclosures).toEqual([
      expect.objectContaining({
        id: sent[0]?.id,
        recipient_name: 'Klinikum Exportstadt',
        consent_id: sent[0]?.consentId,
        by: 'Aylin Demir',
      }),
    ]);
    expect(data.documents).toEqual([expect.objectContaining({ filename: 'Diplom.pdf' })]);
    expect(data.documents[0].storage_key).toBeUndefined();
    const after = await t.ctx.db.select().from(auditLog).where(eq(auditLog.subjectClientId, caseId));
    expect(after.slice(-2).map((a) => [a.action, a.actorUserId])).toEqual([
      ['client.read', dpo.user.id],
      ['privacy.request_exported', dpo.user.id],
    ]);
  });

  it('comes as a ZIP: the PDF in the form language with reads and disclosures, data.json, the files', async () => {
    const r = await request('access');
    const res = await dpo.get(`/api/privacy/requests/${r.id}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await zipFiles(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(
      [`art15-${r.person?.caseCode}-en.pdf`, 'data.json', 'documents/001-Diplom.pdf'].sort(),
    );
    expect(files.get('documents/001-Diplom.pdf')).toEqual(PDF);
    const text = await pdfText(files.get(`art15-${r.person?.caseCode}-en.pdf`) as Buffer);
    for (const s of [
      'Access to personal data',
      'Kovalenko',
      'Klinikum Exportstadt',
      'Aylin Demir',
      'Miriam Kessler',
      'client.read',
    ])
      expect(text).toContain(s);
    const german = await dpo.get(`/api/privacy/requests/${r.id}/export?language=de`);
    const pdf = [...(await zipFiles(german.rawPayload)).entries()].find(([n]) => n.endsWith('-de.pdf'));
    expect(await pdfText(pdf?.[1] as Buffer)).toContain('Wer Ihre Daten gelesen oder geändert hat');
  });
});

describe('the Art. 15 export of a case put before a conference', () => {
  it('holds the nomination, what was said about the case and the packs it went out in', async () => {
    const prepared = await preparedConference(t, lead, aylin, { cases: 1 });
    const [person] = prepared.cases;
    const { jc } = prepared.institutions;
    await tableEntries(t, prepared, [
      { item: 0, kind: 'decision', text: 'Anpassungslehrgang ab März beantragen' },
    ]);
    expect((await lead.get(`/api/conferences/${prepared.conference.id}/packs/${jc.id}`)).statusCode).toBe(
      200,
    );
    const r = ok<RequestItem>(
      await dpo.post('/api/privacy/requests', {
        clientId: person?.id,
        kind: 'access',
        receivedOn: '2026-11-20',
      }),
    );
    const data = (await dpo.get(`/api/privacy/requests/${r.id}/export.json`)).json();
    expect(data.conferences.nominations).toEqual([
      expect.objectContaining({ question: 'What next for case 1?' }),
    ]);
    expect(data.conferences.entries.map((e: { text: string }) => e.text)).toEqual([
      'Anpassungslehrgang ab März beantragen',
    ]);
    const sent = await t.ctx.db
      .select()
      .from(disclosures)
      .where(eq(disclosures.clientId, person?.id ?? ''));
    expect(sent.length).toBeGreaterThan(0);
    expect(data.disclosures.map((d: { id: string }) => d.id).sort()).toEqual(sent.map((d) => d.id).sort());
    expect(data.disclosures[0]).toMatchObject({
      recipient_name: jc.name,
      conference: 'Geberkonferenz Pflege',
    });
    const zip = await zipFiles(
      (await dpo.get(`/api/privacy/requests/${r.id}/export?language=de`)).rawPayload,
    );
    const text = await pdfText([...zip.entries()].find(([n]) => n.endsWith('.pdf'))?.[1] as Buffer);
    for (const s of [jc.name, 'What next for case 1?', 'Anpassungslehrgang ab März beantragen'])
      expect(text).toContain(s);
  });
});

describe('restriction (Art. 18)', () => {
  it('freezes the case for everyone (423), shows it in the list, and lifting restores it', async () => {
    const r = await request('restriction');
    const restricted = ok<RequestItem>(
      await dpo.post(`/api/privacy/requests/${r.id}/restrict`, { version: r.version }),
    );
    expect(restricted.person?.restricted).toBe(true);
    for (const s of [aylin, lead]) {
      expect((await s.get(`/api/clients/${caseId}`)).statusCode).toBe(423);
      expect((await s.patch(`/api/clients/${caseId}`, { notes: 'x', version: 1 })).statusCode).toBe(423);
    }
    expect(
      (
        await aylin.post(`/api/clients/${caseId}/contacts`, {
          kind: 'session',
          occurredOn: '2026-11-02',
          sessionType: 'first',
          channel: 'phone',
          durationMinutes: 30,
        })
      ).statusCode,
    ).toBe(423);
    const list = ok<{ items: { id: string; restricted: boolean }[] }>(await aylin.get('/api/clients'));
    expect(list.items.find((i) => i.id === caseId)?.restricted).toBe(true);
    expect(
      ok<{ restrictedSince: string | null }>(await aylin.get(`/api/clients/${caseId}/privacy`))
        .restrictedSince,
    ).not.toBeNull();
    const access = await request('access');
    expect((await dpo.get(`/api/privacy/requests/${access.id}/export.json`)).statusCode).toBe(200);
    ok(await dpo.post(`/api/privacy/requests/${r.id}/lift-restriction`, { version: restricted.version }));
    expect((await aylin.get(`/api/clients/${caseId}`)).statusCode).toBe(200);
    expect(
      (await dpo.post(`/api/privacy/requests/${access.id}/restrict`, { version: access.version })).statusCode,
    ).toBe(400);
  });
});

describe('legal hold', () => {
  it('is placed by a lead or the dpo with its reason, shown to the counsellor, not placed by them', async () => {
    const held = ok<{ legalHold: { reason: string; by: string } }>(
      await lead.put(`/api/clients/${caseId}/legal-hold`, { reason: 'Prüfung durch den Zuwendungsgeber' }),
    );
    expect(held.legalHold).toMatchObject({
      reason: 'Prüfung durch den Zuwendungsgeber',
      by: 'Miriam Kessler',
    });
    const seen = ok<{ legalHold: { reason: string } | null }>(
      await aylin.get(`/api/clients/${caseId}/privacy`),
    );
    expect(seen.legalHold?.reason).toBe('Prüfung durch den Zuwendungsgeber');
    expect((await aylin.put(`/api/clients/${caseId}/legal-hold`, { reason: 'x' })).statusCode).toBe(403);
    expect((await jonas.get(`/api/clients/${caseId}/privacy`)).statusCode).toBe(404);
    expect((await lead.put(`/api/clients/${caseId}/legal-hold`, { reason: ' ' })).statusCode).toBe(400);
    const lifted = ok<{ legalHold: unknown }>(await dpo.delete(`/api/clients/${caseId}/legal-hold`));
    expect(lifted.legalHold).toBeNull();
    expect((await (await outsider(t)).delete(`/api/clients/${caseId}/legal-hold`)).statusCode).toBe(404);
  });
});
