/**
 * The partner portal on a phone (390 × 844), in German first: the job centre's representative logs
 * in, enrols the second factor partners must have, sees the start page, opens the demo's next
 * conference, reads the one case shared with the job centre pseudonymised (case code, no name),
 * and writes input on it by keyboard, which the lead then has on the conference page. axe on the
 * start page, the conference and the help page, in German and English; screenshots at 390 and
 * 1400 px.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TOTP } from 'otpauth';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/contracts/auth';
import type { Conference } from '../../src/contracts/conferences';
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
const PARTNER = 'stefanie.marx@jobcenter.example';
const INPUT = 'Wir prüfen einen Bildungsgutschein für die Vorbereitung auf die Kenntnisprüfung.';
let dataDir: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let lead: { api: APIRequestContext; csrf: string };
/** The demo's next conference, and its case the job centre receives pseudonymised. */
let conference: Conference;
let shared: { place: number; caseCode: string; name: string; nominationId: string };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-portal-'));
  // The demo has the job centre's contact person as a partner user, without a second factor yet.
  server = await startDemoServer({ DATA_DIR: dataDir });
  browser = await launchBrowser();
  const staff = await browser.newContext({ baseURL: server.baseUrl });
  const login = await staff.request.post('/api/auth/login', {
    data: { email: 'miriam.kessler@ifk-saar.example', password: DEMO_PASSWORD },
  });
  lead = { api: staff.request, csrf: ((await login.json()) as SessionResponse).csrfToken };
  const list = (await (await lead.api.get('/api/conferences?when=upcoming')).json()) as {
    items: { id: string }[];
  };
  conference = (await (await lead.api.get(`/api/conferences/${list.items[0]?.id}`)).json()) as Conference;
  const index = conference.nominations.findIndex((n) =>
    n.recipients.some((r) => r.institution.name === JOBCENTRE && r.level === 'pseudonymised'),
  );
  const n = conference.nominations[index];
  if (!n) throw new Error('the demo conference has no case the job centre receives pseudonymised');
  const [caseCode = '', name = ''] = n.client.label.split(' · ');
  shared = { place: index + 1, caseCode, name, nominationId: n.id };
  context = await phoneContext(browser, server.baseUrl);
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Full-page screenshots at both widths, from the top (the fixed skip link stays out of sight). */
async function shots(name: string) {
  for (const width of [390, 1400]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await snap(page, `portal-${name}-${width}`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

const caseButton = () => page.getByRole('button', { name: new RegExp(`Fall ${shared.place}\\b`) });

describe('the partner portal on a phone', () => {
  it('asks for the second factor at the first login, then shows the start page', async () => {
    await page.goto('/login');
    await field(page, 'E-Mail').fill(PARTNER);
    await field(page, 'Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL('**/portal/profile');
    await page.getByRole('button', { name: 'Zweiten Faktor einrichten' }).click();
    const secret = ((await page.locator('code').first().textContent()) ?? '').trim();
    const code = new TOTP({ secret, digits: 6, period: 30 }).generate();
    await page.getByLabel('Sechsstelliger Code aus der App').fill(code);
    await page.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
    await page.getByRole('button', { name: 'Ich habe sie gespeichert' }).click();
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: 'Willkommen, Stefanie Marx' }).waitFor();
    await textOf(page.getByTestId('portal-for'), JOBCENTRE);
    const card = page.getByTestId('portal-upcoming').filter({ hasText: conference.title });
    await textOf(card, 'für Ihre Institution freigegeben');
    await page.getByTestId('portal-commitments').waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await shots('home-de');
  });

  it('opens the conference: the shared case pseudonymised, the others only as further cases', async () => {
    await page.getByRole('link', { name: 'Konferenz öffnen' }).first().click();
    await page.getByRole('heading', { level: 1, name: conference.title }).waitFor();
    const agenda = page.getByTestId('portal-agenda');
    expect(await agenda.getByTestId('agenda-other_case').count()).toBeGreaterThan(0);
    for (const other of await agenda.getByTestId('agenda-other_case').allInnerTexts())
      expect(other).toMatch(/Weiterer Fall \(nicht für Sie freigegeben\)/);
    await caseButton().click();
    const brief = page.getByTestId('portal-brief').filter({ hasText: shared.caseCode });
    await brief.waitFor({ state: 'visible' });
    await textOf(brief, 'Sie sehen ein Fallkürzel statt des Namens');
    const text = (await agenda.textContent()) ?? '';
    expect(text).not.toContain(shared.name);
    expect(await axeFindings(page)).toEqual([]);
    await shots('conference-de');
  });

  it('takes written input by keyboard, which the lead then has on the conference page', async () => {
    const write = page.getByRole('button', { name: 'Beitrag schreiben' });
    await write.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Beitrag zu Fall ${shared.place}` });
    await dialog.getByLabel('Ihr Beitrag').waitFor();
    await page.keyboard.type(INPUT);
    expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
    await page.keyboard.press('Tab'); // Abbrechen
    await page.keyboard.press('Tab'); // Senden
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await textOf(page.getByTestId('portal-input'), INPUT);
    const seen = (await (await lead.api.get(`/api/conferences/${conference.id}`)).json()) as Conference;
    const inputs = seen.nominations.find((n) => n.id === shared.nominationId)?.writtenInputs ?? [];
    expect(inputs.map((i) => [i.institution.name, i.text, i.by])).toContainEqual([
      JOBCENTRE,
      INPUT,
      'Stefanie Marx',
    ]);
  });

  it('explains itself on the help page, and reads the same in English', async () => {
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Hilfe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hilfe' }).waitFor();
    await page.getByRole('heading', { name: 'Pseudonymisiert und anonymisiert' }).waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await shots('help-de');
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { level: 1, name: 'Help' }).waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await shots('help-en');
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Stefanie Marx' }).waitFor();
    expect(await axeFindings(page)).toEqual([]);
    await shots('home-en');
    await page.getByRole('link', { name: 'Open conference' }).first().click();
    await page.getByRole('button', { name: new RegExp(`Case ${shared.place}\\b`) }).click();
    const brief = page.getByTestId('portal-brief').filter({ hasText: shared.caseCode });
    await brief.waitFor({ state: 'visible' });
    await textOf(brief, 'You see a case code instead of the name');
    expect(await axeFindings(page)).toEqual([]);
    await shots('conference-en');
  });
});
