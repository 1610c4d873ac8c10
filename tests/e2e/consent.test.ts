import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/server/db/client';
import { consents } from '../../src/server/db/schema';
import { nameKeys } from '../../src/server/lib/consent';
import {
  choose,
  DEMO_PASSWORD,
  discardChanges,
  launchBrowser,
  logIn,
  type RunningServer,
  saveDialog,
  snap,
  startServer,
  textOf,
} from './support';

const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';
const demo = {
  LOTSE_ADMIN_EMAIL: 'admin@ifk-saar.example',
  LOTSE_ADMIN_PASSWORD: DEMO_PASSWORD,
  LOTSE_ORG_NAME: 'IFK Saar (Demo)',
  LOTSE_DEMO: '1',
};

/**
 * Two of Olena's demo cases; the second gets a consent as it could be stored before the rule:
 * the job centre named, but not the purpose to pass data to it. No request can store one any more,
 * so it is written to the database while the server is stopped.
 */
async function demoWithLegacyConsent(dataDir: string) {
  await (await startServer({ ...demo, DATA_DIR: dataDir })).stop();
  // Where the server keeps PGlite inside DATA_DIR (src/server/main.ts).
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  try {
    const cases = await queryRows<{ id: string; organisation_id: string }>(
      database.db,
      sql`SELECT c.id, c.organisation_id FROM clients c JOIN users u ON u.id = c.owner_id
          WHERE u.email = 'olena.shevchenko@ifk-saar.example' AND c.stage <> 'closed' ORDER BY c.case_code LIMIT 2`,
    );
    const [jobcentre] = await queryRows<{ id: string }>(
      database.db,
      sql`SELECT id FROM institutions WHERE name = ${JOBCENTRE}`,
    );
    const [fresh, legacy] = cases;
    if (!fresh || !legacy || !jobcentre) throw new Error('the demo has no such cases');
    await database.db.insert(consents).values({
      organisationId: legacy.organisation_id,
      clientId: legacy.id,
      purposes: ['counselling_record'],
      institutions: [JOBCENTRE],
      institutionIds: [jobcentre.id],
      institutionKeys: nameKeys([JOBCENTRE]),
      dataCategories: ['qualifications', 'recognition'],
      scope: 'pseudonymised',
      formLanguage: 'deu',
      givenOn: '2026-01-15',
    });
    return { fresh: fresh.id, legacy: legacy.id };
  } finally {
    await database.close();
  }
}

describe('consent: recipients only with the purpose to pass data to them', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-consent-'));
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cases: { fresh: string; legacy: string };
  const dialog = () => page.getByRole('dialog');
  const recipients = () => dialog().getByRole('combobox', { name: /^Receiving institutions/ });
  const openConsents = async (id: string) => {
    await page.goto(`${server.baseUrl}/cases/${id}?tab=consent`);
    await page.getByTestId('sharing-now').waitFor();
  };

  beforeAll(async () => {
    cases = await demoWithLegacyConsent(dataDir);
    server = await startServer({ ...demo, DATA_DIR: dataDir });
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await logIn(page, server.baseUrl, 'olena.shevchenko@ifk-saar.example');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('cannot save a recipient without the purpose, and says why', async () => {
    await openConsents(cases.fresh);
    const before = await page.getByTestId('consent-card').count();
    await page.getByRole('button', { name: 'Record consent' }).click();
    // Without a purpose that passes data on, there is nobody to name: the field says what it needs.
    expect(await recipients().isDisabled()).toBe(true);
    await textOf(dialog(), 'Recipients are named only with the purpose');
    await choose(page, dialog(), 'Purposes', 'Sharing with named institutions');
    expect(await recipients().isDisabled()).toBe(false);
    await choose(page, dialog(), 'Receiving institutions / employers', JOBCENTRE, 'Saarbrücken-Mitte');
    await dialog()
      .locator('.mantine-Pill-root', { hasText: 'Sharing with named institutions' })
      .locator('button')
      .click();
    await textOf(dialog(), 'Recipients are named, but no purpose passes data to them');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page.waitForTimeout(500);
    expect(await dialog().isVisible()).toBe(true);
    await snap(page, 'consent-contradiction-refused');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await discardChanges(page);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('consent-card').count()).toBe(before);
  });

  it('with the purpose and the recipient, saves; the summary and the card agree', async () => {
    await page.getByRole('button', { name: 'Record consent' }).click();
    await choose(page, dialog(), 'Purposes', 'Sharing with named institutions');
    await choose(page, dialog(), 'Receiving institutions / employers', JOBCENTRE, 'Saarbrücken-Mitte');
    await choose(page, dialog(), 'Data categories', 'Qualifications');
    await saveDialog(page);
    await textOf(page.getByTestId('sharing-now'), JOBCENTRE);
    const card = page.getByTestId('consent-card').filter({ hasText: 'Sharing with named institutions' });
    await textOf(card, JOBCENTRE);
    expect(await card.getByTestId('consent-contradiction').count()).toBe(0);
  });

  it('shows a stored contradictory consent as such, and its fix-it action corrects it', async () => {
    await openConsents(cases.legacy);
    const card = page.getByTestId('consent-card').filter({ has: page.getByTestId('consent-contradiction') });
    await textOf(card, `It names ${JOBCENTRE}, but not the purpose`);
    expect(await page.getByTestId('sharing-now').textContent()).not.toContain(JOBCENTRE);
    await snap(page, 'consent-contradictory-card');
    await card.getByRole('button', { name: 'Add the purpose' }).click();
    // The correction opens with the purpose added and the recipient kept, to check against the form.
    await textOf(dialog(), 'Correct the consent record');
    await textOf(dialog(), 'Sharing with named institutions');
    await textOf(dialog(), JOBCENTRE);
    await saveDialog(page);
    await textOf(page.getByTestId('sharing-now'), JOBCENTRE);
    expect(await page.getByTestId('consent-contradiction').count()).toBe(0);
    await textOf(page.getByTestId('consent-card').filter({ hasText: 'corrected' }), JOBCENTRE);
  });

  it('offers as form language only the languages the printable form exists in', async () => {
    await page.getByRole('button', { name: 'Record consent' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Language of the form/ })
      .or(dialog().getByRole('combobox', { name: /^Language of the form/ }))
      .first()
      .click();
    // allTextContents does not wait: the list opens a moment after the click.
    await page.getByRole('option').first().waitFor();
    const options = await page.getByRole('option').allTextContents();
    expect(options).toEqual(['German', 'English']);
    await page.keyboard.press('Escape');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Consent form (PDF)' }).click();
    // The form's language is a segmented control: its radios are there, though not visible.
    await dialog().getByRole('radio').first().waitFor({ state: 'attached' });
    const radios = await dialog()
      .getByRole('radio')
      .evaluateAll((els) => els.map((e) => e.closest('div')?.textContent?.trim()));
    expect(radios.slice(0, 2)).toEqual(['German', 'English']);
  });
});
