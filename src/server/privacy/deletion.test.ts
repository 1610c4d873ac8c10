import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../contracts/clients';
import type { PrivacySettings } from '../../contracts/privacy';
import { queryRows } from '../db/client';
import { ok, staff } from '../testing/factories';
import type { Session, TestApp } from '../testing/harness';
import { startTestApp } from '../testing/harness';
import { fullCase, type Traces, whereFound } from '../testing/privacy';
import { runRetention } from './deletion';

let t: TestApp;
let lead: Session;
let aylin: Session;
let jonas: Session;
let dpo: Session;
let gone: { client: ClientDetail; traces: Traces };
let held: { client: ClientDetail; traces: Traces };

// Closed today: counselling records run out 36 months after the last contact (the closing day).
const afterRetention = new Date(Date.now() + 3 * 366 * 86_400_000 + 30 * 86_400_000);
const afterNotice = new Date(afterRetention.getTime() + 15 * 86_400_000);
const valuesOf = (x: Traces) => [
  x.givenNames,
  x.familyName,
  x.email,
  x.phone,
  x.notes,
  x.summary,
  x.fileText,
];

const report = async (id: string, by: string) =>
  ok(await lead.get(`/api/reports/run?report=${id}&from=2026-01-01&to=2026-12-31&by=${by}&compare=false`));
/** The reports' figures (what differs between two runs is only when they were made). */
const reports = async () =>
  (await Promise.all([report('iq_counselling', 'gender'), report('esf_entry', 'age_group')])).map(
    ({ generatedAt: _, ...figures }) => figures,
  );

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, jonas, dpo } = await staff(t, ['lead', 'aylin', 'jonas', 'dpo']));
  // The audit log kept ten years here, so that the case's own entries are still there to replace.
  const settings = ok<PrivacySettings>(await dpo.get('/api/privacy/settings'));
  const rules = settings.rules.map((r) => (r.class === 'audit' ? { ...r, months: 120 } : r));
  ok(await dpo.put('/api/privacy/settings', { ...settings, rules }));
  gone = await fullCase(aylin, 'Gone');
  held = await fullCase(aylin, 'Held');
  // Colleagues read the case: those entries are about the person too.
  ok(await lead.get(`/api/clients/${gone.client.id}`));
  ok(await dpo.put(`/api/clients/${held.client.id}/legal-hold`, { reason: 'Rechtsstreit' }));
});
afterAll(() => t.close());

describe('the deletion job', () => {
  it('leaves a case alone until its retention has run out', async () => {
    const early = await runRetention(t.ctx, { now: new Date() });
    expect(early.announced).toBe(0);
    expect(ok<{ total: number }>(await dpo.get('/api/privacy/notices')).total).toBe(0);
  });

  it('announces a case past its retention to the dpo, and keeps it for the notice period', async () => {
    const run = await runRetention(t.ctx, { now: afterRetention });
    expect(run).toMatchObject({ announced: 1, anonymised: 0 });
    const list = ok<{ items: { caseCode: string; classes: { class: string }[]; legalHold: boolean }[] }>(
      await dpo.get('/api/privacy/notices'),
    );
    expect(list.items).toEqual([
      expect.objectContaining({ caseCode: gone.traces.caseCode, owner: 'Aylin Demir', legalHold: false }),
    ]);
    expect(list.items[0]?.classes.map((c) => c.class).sort()).toEqual(['counselling', 'documents']);
    expect((await aylin.get('/api/privacy/notices')).statusCode).toBe(403);
    expect(await whereFound(t, [gone.traces.familyName])).not.toEqual([]);
  });

  it('anonymises it after the notice: nothing of the person remains, the reports count the same', async () => {
    const before = await reports();
    const run = await runRetention(t.ctx, { now: afterNotice });
    expect(run).toMatchObject({ anonymised: 1, filesRemoved: 1 });
    expect(await whereFound(t, [...valuesOf(gone.traces), gone.traces.caseCode])).toEqual([]);
    expect(await reports()).toEqual(before);
    expect((await lead.get(`/api/clients/${gone.client.id}`)).statusCode).toBe(404);
  });

  it('writes a proof of deletion without personal data, which outlives the case’s audit entries', async () => {
    const proofs = ok<{
      items: { pseudonym: string; reason: string; classes: string[]; counts: Record<string, number> }[];
    }>(await dpo.get('/api/privacy/proofs'));
    expect(proofs.items).toHaveLength(1);
    const [proof] = proofs.items;
    expect(proof).toMatchObject({ reason: 'retention', classes: expect.arrayContaining(['counselling']) });
    expect(proof?.counts).toMatchObject({ documents: 1, files: 1, consents: 1, disclosures: 1, contacts: 1 });
    expect(proof?.counts.audit_entries).toBeGreaterThan(3);
    const [left] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE subject_client_id = ${gone.client.id}::uuid`,
    );
    expect(left?.n).toBe(0);
  });

  it('does not touch a case under a legal hold', async () => {
    expect(await whereFound(t, valuesOf(held.traces))).not.toEqual([]);
    const file = ok<{ client: { familyName: string } }>(await aylin.get(`/api/clients/${held.client.id}`));
    expect(file.client.familyName).toBe(held.traces.familyName);
    const again = await runRetention(t.ctx, { now: new Date(afterNotice.getTime() + 30 * 86_400_000) });
    expect(again).toMatchObject({ announced: 0, anonymised: 0 });
  });
});
