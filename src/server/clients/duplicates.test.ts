import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../contracts/clients';
import { auditTrail, openCase, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let aylin: Session;
let jonas: Session;
let lead: Session;
let dpo: Session;
let hassan: ClientDetail;

const check = (s: Session, body: Record<string, unknown>) => s.post('/api/clients/duplicates', body);

beforeAll(async () => {
  t = await startTestApp();
  ({ aylin, jonas, lead, dpo } = await staff(t, ['aylin', 'jonas', 'lead', 'dpo']));
  hassan = await openCase(aylin, {
    givenNames: 'Mohammed',
    familyName: 'Al-Hassan',
    birthDate: '1987-04-12',
    intakeDate: '2026-02-01',
  });
});
afterAll(() => t.close());

describe('the duplicate check', () => {
  it('tells a counsellor only that a colleague’s case exists and whom to ask', async () => {
    const res = await check(jonas, {
      givenNames: 'Mohammed',
      familyName: 'Al-Hassan',
      birthDate: '1987-04-12',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        visible: false,
        id: null,
        caseCode: null,
        name: null,
        birthDate: null,
        owner: 'Aylin Demir',
        reason: 'name_and_birth_date',
      },
    ]);
    // Nothing of the person in the raw answer: no name (beyond what he typed), birth date, code or id.
    for (const secret of [hassan.caseCode, hassan.id, '1987-04-12', 'Mohammed Al-Hassan'])
      expect(res.body).not.toContain(secret);
    // Nor at intake, where the same check answers 409.
    const intake = await jonas.post('/api/clients', {
      givenNames: 'Mohammed',
      familyName: 'Al-Hassan',
      birthDate: '1987-04-12',
      intakeDate: '2026-03-01',
    });
    expect(intake.statusCode).toBe(409);
    for (const secret of [hassan.caseCode, hassan.id, '1987-04-12'])
      expect(intake.body).not.toContain(secret);
  });

  it('does not tell from an e-mail alone who has a case the caller cannot open', async () => {
    await openCase(aylin, {
      givenNames: 'Olena',
      familyName: 'Marchenko',
      email: 'olena.m@example.org',
      intakeDate: '2026-02-01',
    });
    const guess = await check(jonas, { givenNames: 'X', familyName: 'Y', email: 'olena.m@example.org' });
    expect(guess.json()).toEqual([]);
    const own = await check(aylin, { givenNames: 'X', familyName: 'Y', email: 'olena.m@example.org' });
    expect(own.json()).toMatchObject([{ visible: true, reason: 'email' }]);
  });

  it('shows the lead and the owner the case in full', async () => {
    for (const s of [lead, aylin]) {
      const [found] = (await check(s, { familyName: 'Al-Hassan', birthDate: '1987-04-12' })).json();
      expect(found).toEqual({
        visible: true,
        id: hassan.id,
        caseCode: hassan.caseCode,
        name: 'Mohammed Al-Hassan',
        birthDate: '1987-04-12',
        owner: 'Aylin Demir',
        reason: 'name_and_birth_date',
      });
    }
  });

  it('catches the spellings the search knows, and only whole family names', async () => {
    const variant = await check(lead, {
      givenNames: 'Muhammad',
      familyName: 'Al-Hasan',
      birthDate: '1987-04-12',
    });
    expect(variant.json().map((c: { id: string }) => c.id)).toEqual([hassan.id]);
    const arabic = await check(lead, { givenNames: 'محمد', familyName: 'الحسن', birthDate: '1987-04-12' });
    expect(arabic.json()).toHaveLength(1);
    // A beginning of the family name is not a match; nor another given name (twins), nor another birth date.
    for (const body of [
      { givenNames: 'Mohammed', familyName: 'Al-H', birthDate: '1987-04-12' },
      { familyName: 'Al', birthDate: '1987-04-12' },
      { givenNames: 'Ahmad', familyName: 'Al-Hassan', birthDate: '1987-04-12' },
      { givenNames: 'Mohammed', familyName: 'Al-Hassan', birthDate: '1987-04-13' },
      { givenNames: 'Mohammed', familyName: 'Al-Hassan' },
    ])
      expect((await check(lead, body)).json(), JSON.stringify(body)).toEqual([]);
  });

  it('is in the audit log: who checked, how many candidates, which cases were shown', async () => {
    await check(jonas, { familyName: 'Al-Hassan', birthDate: '1987-04-12' });
    await check(lead, { familyName: 'Al-Hassan', birthDate: '1987-04-12' });
    const trail = await auditTrail(dpo, { action: 'client.duplicates_checked' });
    const byJonas = trail.items.find((e) => e.actor?.id === jonas.user.id);
    const byLead = trail.items.find((e) => e.actor?.id === lead.user.id);
    expect(byJonas?.details).toEqual({ candidates: 1, shown: [] });
    expect(byLead?.details).toEqual({ candidates: 1, shown: [hassan.id] });
  });
});
