import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { consents } from '../db/schema';
import {
  createOrganisation,
  createUser,
  login,
  type Session,
  startTestApp,
  type TestApp,
} from '../testing/harness';
import { addDays, todayInGermany } from './calendar';
import {
  allowingConsent,
  type ConsentQuestion,
  clientHasConsentSql,
  consentAllows,
  consentAllowsSql,
} from './consent';

/**
 * The consent policy answers in the process and in SQL. Both must give the same answer for every
 * consent and every question, or a list could show a case that the case file then refuses (or
 * the other way round). The consents are recorded through the API, as a counsellor would.
 */
let t: TestApp;
let lead: Session;
let clientId: string;
const today = todayInGermany();
const day = (n: number) => addDays(today, n);
/** Consent ids by what makes each one special. */
const ids: Record<string, string> = {};
let clinic: { id: string; name: string };
let jobcentre: { id: string; name: string };
let bakery: { id: string; name: string };

async function institution(name: string, type: string) {
  const res = await lead.post('/api/institutions', { name, type, ignoreDuplicates: true });
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json().id as string, name, version: res.json().version as number };
}

async function consent(label: string, body: Record<string, unknown>) {
  const res = await lead.post(`/api/clients/${clientId}/consents`, {
    scope: 'pseudonymised',
    dataCategories: ['qualifications'],
    givenOn: day(-10),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  const newest = res.json().consents.find((c: { id: string }) => !Object.values(ids).includes(c.id));
  ids[label] = newest.id;
}

beforeAll(async () => {
  t = await startTestApp();
  const { org } = await createOrganisation(t.ctx);
  const user = await createUser(t.ctx, org.id, ['lead']);
  lead = await login(t.app, user.email);
  const created = await lead.post('/api/clients', {
    givenNames: 'Olena',
    familyName: 'Koval',
    intakeDate: day(-30),
  });
  clientId = created.json().id;
  clinic = await institution('Klinikum Saarbrücken gGmbH', 'company');
  jobcentre = await institution('Jobcenter Saarbrücken', 'job_centre');
  bakery = await institution('Bäckerei Weber', 'company');
  const duplicate = await institution('Klinikum Saarbruecken', 'company');

  await consent('valid', {
    purposes: ['employer_profile'],
    institutionIds: [clinic.id],
    validUntil: day(100),
  });
  await consent('identified', {
    purposes: ['institution_sharing'],
    institutionIds: [jobcentre.id],
    scope: 'identified',
  });
  await consent('notYetValid', {
    purposes: ['employer_profile'],
    institutionIds: [bakery.id],
    givenOn: day(5),
  });
  await consent('expired', {
    purposes: ['employer_profile'],
    institutionIds: [bakery.id],
    givenOn: day(-100),
    validUntil: day(-1),
  });
  await consent('withdrawn', { purposes: ['employer_profile'], institutionIds: [jobcentre.id] });
  const withdrawn = await lead.post(`/api/clients/${clientId}/consents/${ids.withdrawn}/withdraw`);
  expect(withdrawn.statusCode).toBe(200);
  // Typed by hand, differently spelt: the same institution by its name's key.
  await consent('byName', { purposes: ['institution_sharing'], institutions: ['  BÄCKEREI   weber '] });
  await consent('lastDay', { purposes: ['counselling_record'], givenOn: today, validUntil: today });
  // Given to the duplicate, which is then merged into the clinic: the consent follows.
  await consent('merged', { purposes: ['institution_sharing'], institutionIds: [duplicate.id] });
  const merged = await lead.post(`/api/institutions/${duplicate.id}/merge`, {
    intoId: clinic.id,
    version: duplicate.version,
  });
  expect(merged.statusCode, merged.body).toBe(200);
});
afterAll(() => t?.close());

const labelOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

/** Which consents allow the share, asked in the process. */
async function allowedInProcess(q: ConsentQuestion) {
  const rows = await t.ctx.db.select().from(consents).where(eq(consents.clientId, clientId));
  return rows
    .filter((c) => consentAllows(c, q))
    .map((c) => labelOf(c.id))
    .sort();
}

/** Which consents allow the share, asked in SQL. */
async function allowedInSql(q: ConsentQuestion) {
  const rows = await queryRows<{ id: string }>(
    t.ctx.db,
    sql`SELECT k.id FROM consents k WHERE k.client_id = ${clientId} AND ${consentAllowsSql(q)}`,
  );
  return rows.map((r) => labelOf(r.id)).sort();
}

describe('the consent policy', () => {
  const table: [string, () => ConsentQuestion, string[]][] = [
    ['valid for the named employer', () => ({ purpose: 'employer_profile', recipient: clinic }), ['valid']],
    ['not for another employer', () => ({ purpose: 'employer_profile', recipient: jobcentre }), []],
    ['not yet valid, then valid', () => ({ purpose: 'employer_profile', recipient: bakery }), []],
    [
      'valid from its first day',
      () => ({ purpose: 'employer_profile', recipient: bakery, on: day(5) }),
      ['notYetValid'],
    ],
    [
      'expired after its last day',
      () => ({ purpose: 'employer_profile', recipient: clinic, on: day(101) }),
      [],
    ],
    [
      'expired consents stay expired',
      () => ({ purpose: 'employer_profile', recipient: bakery, on: day(-50) }),
      ['expired'],
    ],
    ['valid on its last day, not after', () => ({ purpose: 'counselling_record' }), ['lastDay']],
    ['not the day after', () => ({ purpose: 'counselling_record', on: day(1) }), []],
    [
      'withdrawn counts whatever the day',
      () => ({ purpose: 'employer_profile', recipient: jobcentre, on: day(-5) }),
      [],
    ],
    ['wrong purpose', () => ({ purpose: 'conference_sharing' }), []],
    ['a typed name by its key', () => ({ purpose: 'institution_sharing', recipient: bakery }), ['byName']],
    [
      'merged into the institution that stays',
      () => ({ purpose: 'institution_sharing', recipient: clinic }),
      ['merged'],
    ],
    [
      'identified needs an identified consent',
      () => ({ purpose: 'institution_sharing', recipient: clinic, scope: 'identified' }),
      [],
    ],
    [
      'identified covers pseudonymised',
      () => ({ purpose: 'institution_sharing', recipient: jobcentre, scope: 'pseudonymised' }),
      ['identified'],
    ],
    [
      'identified for identified',
      () => ({ purpose: 'institution_sharing', recipient: jobcentre, scope: 'identified' }),
      ['identified'],
    ],
  ];

  it.each(table)('%s: the process and SQL agree', async (_name, question, expected) => {
    const q = question();
    expect(await allowedInProcess(q)).toEqual(expected);
    expect(await allowedInSql(q)).toEqual(expected);
  });

  it('agrees in every combination of purpose, recipient, scope and day', async () => {
    const purposes = [
      'counselling_record',
      'conference_sharing',
      'institution_sharing',
      'employer_profile',
    ] as const;
    const recipients = [undefined, clinic, jobcentre, bakery, { id: clinic.id, name: 'nobody' }];
    let asked = 0;
    for (const purpose of purposes)
      for (const recipient of recipients)
        for (const scope of [undefined, 'pseudonymised', 'identified'] as const)
          for (const on of [day(-200), day(-50), day(-1), today, day(1), day(5), day(101)]) {
            const q: ConsentQuestion = {
              purpose,
              on,
              ...(recipient ? { recipient } : {}),
              ...(scope ? { scope } : {}),
            };
            expect(await allowedInSql(q), JSON.stringify(q)).toEqual(await allowedInProcess(q));
            asked++;
          }
    expect(asked).toBe(4 * 5 * 3 * 7);
  });

  it('finds the case through the EXISTS form, and names the consent a disclosure cites', async () => {
    const [yes] = await queryRows<{ ok: boolean }>(
      t.ctx.db,
      sql`SELECT ${clientHasConsentSql(sql`${clientId}::uuid`, { purpose: 'employer_profile', recipient: clinic })} AS ok`,
    );
    const [no] = await queryRows<{ ok: boolean }>(
      t.ctx.db,
      sql`SELECT ${clientHasConsentSql(sql`${clientId}::uuid`, { purpose: 'employer_profile', recipient: jobcentre })} AS ok`,
    );
    expect([yes?.ok, no?.ok]).toEqual([true, false]);
    const cited = await allowingConsent(t.ctx.db, clientId, {
      purpose: 'employer_profile',
      recipient: clinic,
    });
    expect(cited?.id).toBe(ids.valid);
    expect(
      await allowingConsent(t.ctx.db, clientId, { purpose: 'employer_profile', recipient: jobcentre }),
    ).toBeNull();
  });
});
