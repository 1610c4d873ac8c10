import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../contracts/clients';
import { todayInGermany } from '../../contracts/common';
import type { ErasureResult, PrivacySettings } from '../../contracts/privacy';
import { ok, openCase, staff } from '../testing/factories';
import type { Session, TestApp } from '../testing/harness';
import { startTestApp } from '../testing/harness';
import { fullCase, whereFound } from '../testing/privacy';

let t: TestApp;
let lead: Session;
let aylin: Session;
let dpo: Session;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin, dpo } = await staff(t, ['lead', 'aylin', 'dpo']));
});
afterAll(() => t.close());

/** An erasure request for the case, as the dpo records it, and the answer to "erase". */
async function erase(c: ClientDetail, as = dpo) {
  const request = ok<{ id: string }>(
    await dpo.post('/api/privacy/requests', {
      clientId: c.id,
      kind: 'erasure',
      receivedOn: todayInGermany(),
    }),
  );
  const res = await as.post(`/api/privacy/requests/${request.id}/erase`);
  return { request, res, answer: res.json() as ErasureResult };
}

describe('erasure (Art. 17)', () => {
  it('is refused with the reason while a legal hold runs, and the request says so', async () => {
    const c = await openCase(aylin, { givenNames: 'Hold', familyName: 'Fest' });
    ok(await lead.put(`/api/clients/${c.id}/legal-hold`, { reason: 'Klage vor dem Sozialgericht' }));
    const { request, answer } = await erase(c);
    expect(answer).toMatchObject({
      outcome: 'refused',
      refusal: { kind: 'legal_hold', holdReason: 'Klage vor dem Sozialgericht' },
    });
    const stored = ok<{ status: string; outcome: string }>(
      await dpo.get(`/api/privacy/requests/${request.id}`),
    );
    expect(stored).toMatchObject({ status: 'refused', outcome: expect.stringContaining('Klage') });
    expect(
      ok<{ client: { familyName: string } }>(await aylin.get(`/api/clients/${c.id}`)).client.familyName,
    ).toBe('Fest');
  });

  it('is refused while the ESF records must be kept, naming the day the duty ends', async () => {
    const settings = ok<PrivacySettings>(await dpo.get('/api/privacy/settings'));
    ok(await dpo.put('/api/privacy/settings', { ...settings, esfLastPaymentOn: '2028-06-30' }));
    const c = await openCase(aylin, {
      givenNames: 'Esf',
      familyName: 'Teilnehmerin',
      employmentStatusAtEntry: 'unemployed',
    });
    const { answer } = await erase(c);
    expect(answer.refusal).toMatchObject({ kind: 'retention_duty', class: 'esf', endsOn: '2033-12-31' });
  });

  it('otherwise anonymises the person at once, closes an open case, and leaves a proof', async () => {
    const { client, traces } = await fullCase(aylin, 'Erase');
    const { request, answer } = await erase(client, lead);
    expect(answer).toMatchObject({ outcome: 'erased', refusal: null });
    expect(
      await whereFound(t, [traces.familyName, traces.email, traces.notes, traces.summary, traces.fileText]),
    ).toEqual([]);
    const proofs = ok<{ items: { id: string; reason: string; counts: Record<string, number> }[] }>(
      await dpo.get('/api/privacy/proofs'),
    );
    expect(proofs.items.find((p) => p.id === answer.proofId)).toMatchObject({
      reason: 'erasure',
      counts: { files: 1 },
    });
    expect(ok<{ status: string }>(await dpo.get(`/api/privacy/requests/${request.id}`)).status).toBe('done');
    expect((await aylin.post(`/api/privacy/requests/${request.id}/erase`)).statusCode).toBe(403);
  });
});
