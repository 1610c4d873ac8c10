/**
 * Issue 13's journey on a phone (390 × 844), in German: the lead invites a second person of the
 * job centre as a partner; she sets her password from the invitation link and enrols the second
 * factor partners must have; sees the next conference's agenda with the one case shared with the
 * job centre pseudonymised; writes input on it; reports one of the job centre's commitments done.
 * Then the person withdraws her consent — and at the next request the case is gone from the
 * partner's agenda, from the pack and from the minutes (both PDFs are built per request).
 *
 * For the minutes to hold that case, it is also put on the demo's held conference (by SQL, between
 * two starts of the demo server), whose minutes the lead then publishes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conference } from '../../src/contracts/conferences';
import { openDatabase } from '../../src/server/db/client';
import { pdfText } from '../../src/server/testing/pdf';
import {
  axeFindings,
  DEMO_PASSWORD,
  field,
  launchBrowser,
  phoneContext,
  type RunningServer,
  snap,
  startDemoServer,
  textOf,
} from './support';

const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';
const DEPUTY = { name: 'Petra Vertreterin', email: 'petra.vertreterin@jobcenter.example' };
const PASSWORD = 'ein sicheres passwort für petra';
const INPUT = 'Das Jobcenter übernimmt die Fahrtkosten zur Pflegeschule, sobald der Kurs feststeht.';
let dataDir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
let phone: BrowserContext;
let lead: { api: APIRequestContext; csrf: string };
let upcoming: Conference;
let held: { id: string };
/** The case the job centre receives pseudonymised at the next conference. */
let shared: { place: number; caseCode: string; name: string; clientId: string };
let inviteLink = '';

async function asLead(base: string) {
  const context = await browser.newContext({ baseURL: base });
  const login = await context.request.post('/api/auth/login', {
    data: { email: 'miriam.kessler@ifk-saar.example', password: DEMO_PASSWORD },
  });
  return { api: context.request, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
}
const getJson = async <T>(url: string) => (await (await lead.api.get(url)).json()) as T;
const postJson = async <T>(url: string, data: unknown) => {
  const res = await lead.api.post(url, { data: data as object, headers: { 'x-csrf-token': lead.csrf } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
};

/** The upcoming conference, its case shared with the job centre pseudonymised, and the held conference. */
async function readTheDemo() {
  const list = await getJson<{ items: { id: string; status: string }[] }>(
    '/api/conferences?when=all&limit=20',
  );
  upcoming = await getJson<Conference>(
    `/api/conferences/${list.items.find((c) => c.status === 'invited')?.id}`,
  );
  held = { id: list.items.find((c) => c.status === 'held')?.id ?? '' };
  const index = upcoming.nominations.findIndex((n) =>
    n.recipients.some((r) => r.institution.name === JOBCENTRE && r.level === 'pseudonymised'),
  );
  const n = upcoming.nominations[index];
  if (!n || !held.id) throw new Error('the demo lacks its pseudonymised case or its held conference');
  const [caseCode = '', name = ''] = n.client.label.split(' · ');
  shared = { place: index + 1, caseCode, name, clientId: n.client.id };
}

/** The same case was discussed at the held conference too, with the job centre needed. */
async function putOnTheHeldConference(dir: string) {
  const { db, close } = await openDatabase({ dataDir: path.join(dir, 'pglite') });
  try {
    await db.execute(sql`INSERT INTO conference_nominations (organisation_id, conference_id, client_id, question, institution_ids, position)
      SELECT c.organisation_id, c.id, ${shared.clientId}::uuid, 'Wer übernimmt die Fahrtkosten zur Pflegeschule?',
        ARRAY(SELECT id FROM institutions WHERE organisation_id = c.organisation_id AND name = ${JOBCENTRE}), 99
      FROM conferences c WHERE c.id = ${held.id}::uuid`);
  } finally {
    await close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-journey-'));
  browser = await launchBrowser();
  const first = await startDemoServer({ DATA_DIR: dataDir });
  lead = await asLead(first.baseUrl);
  await readTheDemo();
  await first.stop();
  await putOnTheHeldConference(dataDir);
  server = await startDemoServer({ DATA_DIR: dataDir });
  lead = await asLead(server.baseUrl);
  const minutes = await getJson<{ version: number }>(`/api/conferences/${held.id}/minutes`);
  await postJson(`/api/conferences/${held.id}/minutes/publish`, { version: minutes.version });
  phone = await phoneContext(browser, server.baseUrl);
  page = await phone.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The text of a PDF the partner's session downloads now. */
async function pdfOf(url: string) {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return pdfText(await res.body());
}
const caseButton = () => page.getByRole('button', { name: new RegExp(`Fall ${shared.place}\\b`) });

describe('a partner of the job centre, from the invitation to a withdrawn consent', () => {
  it('is invited by the lead, sets a password from the link and enrols a second factor', async () => {
    const [institution] = (
      await getJson<{ items: { id: string; name: string }[] }>(
        `/api/institutions?q=${encodeURIComponent(JOBCENTRE)}`,
      )
    ).items;
    const invited = await postJson<{ inviteLink: string | null }>('/api/partners', {
      institutionId: institution?.id,
      ...DEPUTY,
    });
    inviteLink = invited.inviteLink ?? '';
    expect(inviteLink).toContain('/invite#');
    await page.goto(inviteLink);
    await page.getByRole('heading', { name: 'Willkommen bei Lotse' }).waitFor();
    await field(page, 'Neues Passwort').fill(PASSWORD);
    await field(page, 'Passwort wiederholen').fill(PASSWORD);
    await page.getByRole('button', { name: 'Passwort festlegen' }).click();
    await page.waitForURL('**/login**');
    await field(page, 'Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL('**/portal/profile');
    await page.getByRole('button', { name: 'Zweiten Faktor einrichten' }).click();
    const secret = ((await page.locator('code').first().textContent()) ?? '').trim();
    await page
      .getByLabel('Sechsstelliger Code aus der App')
      .fill(new TOTP({ secret, digits: 6, period: 30 }).generate());
    await page.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
    await page.getByRole('button', { name: 'Ich habe sie gespeichert' }).click();
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: `Willkommen, ${DEPUTY.name}` }).waitFor();
    await snap(page, 'journey-home-390');
  });

  it('sees the next conference with the shared case pseudonymised, and writes input on it', async () => {
    await page
      .getByTestId('portal-upcoming')
      .filter({ hasText: upcoming.title })
      .getByRole('link', { name: 'Konferenz öffnen' })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: upcoming.title }).waitFor();
    await caseButton().click();
    const brief = page.getByTestId('portal-brief').filter({ hasText: shared.caseCode });
    await brief.waitFor({ state: 'visible' });
    expect((await page.getByTestId('portal-agenda').textContent()) ?? '').not.toContain(shared.name);
    await page.getByRole('button', { name: 'Beitrag schreiben' }).click();
    const dialog = page.getByRole('dialog', { name: `Beitrag zu Fall ${shared.place}` });
    await dialog.getByLabel('Ihr Beitrag').fill(INPUT);
    await dialog.getByRole('button', { name: 'Senden' }).click();
    await dialog.waitFor({ state: 'detached' });
    await textOf(page.getByTestId('portal-input'), INPUT);
    expect(await axeFindings(page)).toEqual([]);
    await snap(page, 'journey-conference-390');
  });

  it('reports one of the job centre’s commitments done', async () => {
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Zusagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihre Zusagen' }).waitFor();
    const card = page.getByTestId('portal-commitment').first();
    const action = ((await card.getByRole('heading').first().textContent()) ?? '').trim();
    await card.getByRole('button', { name: /^Melden: / }).click();
    const dialog = page.getByRole('dialog', { name: 'Zusage melden' });
    await dialog.getByText('Erledigt', { exact: true }).click();
    await dialog.getByTestId('report-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('show').getByText('Erledigt', { exact: true }).click();
    await textOf(page.getByTestId('portal-commitment').filter({ hasText: action }), 'Erledigt gemeldet am');
    await snap(page, 'journey-commitment-done-390');
  });

  it('loses the case from agenda, pack and minutes at the next request once the consent is withdrawn', async () => {
    const pack = `/api/portal/conferences/${upcoming.id}/pack.pdf`;
    const minutes = `/api/portal/conferences/${held.id}/minutes.pdf`;
    expect(await pdfOf(pack)).toContain(shared.caseCode);
    expect(await pdfOf(minutes)).toContain('Wer übernimmt die Fahrtkosten zur Pflegeschule?');
    const file = await getJson<{
      consent: { consents: { id: string; purposes: string[]; withdrawnAt: string | null }[] };
    }>(`/api/clients/${shared.clientId}`);
    const given = file.consent.consents.filter(
      (k) => k.purposes.includes('conference_sharing') && !k.withdrawnAt,
    );
    expect(given.length).toBeGreaterThan(0);
    for (const k of given) await postJson(`/api/clients/${shared.clientId}/consents/${k.id}/withdraw`, {});
    await page.goto(`/portal/conferences/${upcoming.id}`);
    await page.getByRole('heading', { level: 1, name: upcoming.title }).waitFor();
    await page.getByTestId('portal-agenda').waitFor();
    expect(await caseButton().count()).toBe(0);
    expect((await page.getByTestId('portal-agenda').textContent()) ?? '').not.toContain(shared.caseCode);
    expect(await pdfOf(pack)).not.toContain(shared.caseCode);
    expect(await pdfOf(minutes)).not.toContain('Wer übernimmt die Fahrtkosten zur Pflegeschule?');
    await snap(page, 'journey-after-withdrawal-390');
  });
});
