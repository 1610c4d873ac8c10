import fs from 'node:fs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/server/testing/pdf';
import { zipFiles } from '../../src/server/testing/zip';
import { axeFindings, DEMO_PASSWORD, demoEnvironment, field } from './support';

/**
 * Issue 15's data-subject requests in the browser: the demo dpo records an access request for a
 * demo case found by the person search and downloads the export (the ZIP's PDF and data.json name
 * the person); the tab and the dialog on a phone (axe).
 */
const env = demoEnvironment();
const DPO = 'thomas.weber@ifk-saar.example';
const LEAD = 'miriam.kessler@ifk-saar.example';
let context: BrowserContext;
let page: Page;
let familyName = '';
let givenNames = '';

/** Logs in through the German login page (the demo staff work in German). */
async function logIn(p: Page, email: string) {
  await p.goto(`${env.server.baseUrl}/login`);
  await field(p, 'E-Mail').fill(email);
  await field(p, 'Passwort').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Anmelden' }).click();
  await p.waitForURL(`${env.server.baseUrl}/`);
}

const german = (viewport: { width: number; height: number }) =>
  env.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport, acceptDownloads: true });

beforeAll(async () => {
  // A demo case's name, as its lead sees it in the case list ("Family, Given").
  const leadContext = await german({ width: 1400, height: 900 });
  const lead = await leadContext.newPage();
  await logIn(lead, LEAD);
  await lead.goto(`${env.server.baseUrl}/cases?sort=name`);
  const first = (await lead.getByTestId('cases-table').locator('tbody a').first().textContent()) ?? '';
  [familyName = '', givenNames = ''] = first.split(',').map((s) => s.trim());
  await leadContext.close();
  context = await german({ width: 1400, height: 900 });
  page = await context.newPage();
  await logIn(page, DPO);
}, 90_000);

afterAll(async () => {
  await context?.close();
});

describe('data-subject requests', () => {
  it('the dpo records an access request for a demo case and downloads the export', async () => {
    expect(familyName).not.toBe('');
    await page.goto(`${env.server.baseUrl}/privacy/requests`);
    await page.getByRole('button', { name: 'Neue Anfrage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neue Betroffenenanfrage' });
    await field(dialog, 'Name oder Fallnummer').fill(familyName);
    await dialog
      .getByRole('radio', { name: new RegExp(`^${givenNames} ${familyName}`) })
      .first()
      .check();
    await dialog.getByRole('button', { name: 'Anfrage erfassen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: `Auskunft (Art. 15) · ${givenNames} ${familyName}` }).waitFor();
    const [download]: [Download, unknown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Auskunft herunterladen (ZIP)' }).click(),
    ]);
    const files = await zipFiles(fs.readFileSync(await download.path()));
    const pdf = [...files.entries()].find(([name]) => name.endsWith('.pdf'));
    const text = await pdfText(pdf?.[1] ?? Buffer.alloc(0));
    expect(text).toContain(familyName);
    expect(JSON.parse(String(files.get('data.json'))).person.family_name).toBe(familyName);
    // The start page lists the open request with its deadline.
    await page.goto(`${env.server.baseUrl}/`);
    await page.getByTestId('due-requests').getByText(`${givenNames} ${familyName}`).first().waitFor();
  });

  it('the tab and the new-request dialog pass axe on a phone', async () => {
    const phone = await german({ width: 390, height: 844 });
    const p = await phone.newPage();
    await logIn(p, DPO);
    await p.goto(`${env.server.baseUrl}/privacy/requests`);
    await p.getByTestId('privacy-requests').waitFor();
    expect(await axeFindings(p)).toEqual([]);
    await p.getByRole('button', { name: 'Neue Anfrage' }).click();
    const dialog = p.getByRole('dialog', { name: 'Neue Betroffenenanfrage' });
    await field(dialog, 'Name oder Fallnummer').fill(familyName);
    await dialog.getByRole('radio').first().waitFor();
    expect(await axeFindings(p)).toEqual([]);
    await phone.close();
  });
});
