import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, demoEnvironment, field, logIn, saveDialog, snap, textOf, typeDate } from './support';

const env = demoEnvironment();

async function moveTo(
  page: Page,
  stage: string,
  extra?: (dialog: import('playwright-core').Locator) => Promise<void>,
) {
  await page.getByRole('button', { name: 'Move to …' }).click();
  await page.getByRole('menuitem', { name: stage, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await extra?.(dialog);
  await dialog.getByRole('button', { name: 'Move' }).click();
  await dialog.waitFor({ state: 'detached' });
  await textOf(page.getByTestId('case-stage'), stage);
}

describe('a case from intake to closure', () => {
  // One counsellor's session walks the case; each step builds on the one before.
  let context: BrowserContext;
  let page: Page;
  let caseUrl: string;
  beforeAll(async () => {
    context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('opens a case at intake, with the name in its original script', async () => {
    // Olena's profile language is English, so the interface follows it after login.
    await logIn(page, env.server.baseUrl, 'olena.shevchenko@ifk-saar.example');
    await page.getByRole('heading', { name: 'Due and overdue steps' }).waitFor();
    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByRole('link', { name: 'New case' }).click();
    await field(page, 'Given names').fill('Mariam');
    await field(page, 'Family name').fill('Al-Khatib');
    await field(page, 'Given names (original script)').fill('مريم');
    await field(page, 'Family name (original script)').fill('الخطيب');
    await typeDate(page, 'Date of birth', '12 Mar 1991');
    await field(page, 'E-mail').fill('mariam.khatib@mail.example');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await textOf(page.getByTestId('case-name'), 'Mariam Al-Khatib');
    await textOf(page.getByTestId('case-stage'), 'Intake');
    caseUrl = page.url();
    expect(caseUrl).toContain('/cases/');
  });

  it('keeps a qualification with a reference occupation, and German B2', async () => {
    await page.getByRole('tab', { name: 'Qualifications' }).click();
    await page.getByRole('button', { name: 'Add qualification' }).click();
    let dialog = page.getByRole('dialog');
    await field(dialog, 'Title (original)').fill('بكالوريوس صيدلة');
    await field(dialog, 'Title (translation)').fill('Bachelor of Pharmacy');
    await choose(page, dialog, 'Country', 'Syria', 'Syr');
    await choose(page, dialog, 'Reference occupation', 'Apotheker', 'Apotheker');
    await saveDialog(page);
    await textOf(page.locator('main'), 'Apotheker/in');
    await page.getByRole('button', { name: 'Add language' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Level', 'B2');
    await saveDialog(page);
    await textOf(page.locator('main'), 'German');
  });

  it('computes the decision deadline of a recognition procedure from the documents-complete date', async () => {
    await page.getByRole('tab', { name: 'Recognition' }).click();
    await page.getByRole('button', { name: 'Add procedure' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Competent authority').fill('Approbationsstelle Saarbrücken');
    await typeDate(dialog, 'Documents complete', '3 Feb 2026');
    await saveDialog(page);
    await textOf(page.locator('main'), 'decision due 4 May 2026');
  });

  it('plans an objective and a next step', async () => {
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.getByRole('button', { name: 'Add objective' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Text/ }).fill('Approbation als Apothekerin');
    await saveDialog(page);
    await page.getByRole('button', { name: 'Add step' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Text/ }).fill('Fachsprachprüfung anmelden');
    await saveDialog(page);
    await textOf(page.locator('main'), 'Fachsprachprüfung anmelden');
  });

  it('records a consent to donor conferences and says what may be shared now', async () => {
    await page.getByRole('tab', { name: 'Consent' }).click();
    await page.getByRole('button', { name: 'Record consent' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Purposes', 'Donor conferences');
    await page.keyboard.press('Escape');
    // Conference sharing names the institutions it is for, like any share with recipients.
    await choose(
      page,
      dialog,
      'Receiving institutions / employers',
      'Jobcenter Regionalverband',
      'Saarbrücken-Mitte',
    );
    await page.keyboard.press('Escape');
    await choose(page, dialog, 'Data categories', 'Qualifications');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await textOf(page.getByTestId('sharing-now'), 'Discussing the case in donor conferences');
    await snap(page, 'case-consent');
  });

  it('uploads a document', async () => {
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles(path.join(import.meta.dirname, 'fixtures/zeugnis.pdf'));
    await page.getByRole('button', { name: 'Upload' }).click();
    await textOf(page.getByTestId('documents-table'), 'zeugnis.pdf');
  });

  it('moves through the stages, back only with a reason, and closes only with an outcome', async () => {
    await moveTo(page, 'Profiling');
    await moveTo(page, 'Planning');
    await moveTo(page, 'Intake', async (d) => {
      await d.getByRole('button', { name: 'Move' }).click();
      await textOf(d, 'a step back needs a reason');
      await d.getByRole('textbox', { name: /^Reason/ }).fill('Zeugnis fehlt noch');
    });
    await moveTo(page, 'In measures');
    await moveTo(page, 'Job search');
    await moveTo(page, 'Placed');
    await moveTo(page, 'Closed', async (d) => {
      await choose(page, d, 'Outcome', 'Employed matching the qualification');
    });
  });

  it('tells the story on the timeline', async () => {
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const timeline = await textOf(page.getByTestId('timeline'), 'Closed');
    for (const entry of [
      'Case opened',
      'Planning → Intake',
      'Zeugnis fehlt noch',
      'Consent given',
      'Document: zeugnis.pdf',
    ]) {
      expect(timeline).toContain(entry);
    }
    await snap(page, 'case-timeline');
  });

  it('leaves closed cases out of the list unless asked for, and finds her by the Arabic name', async () => {
    await page.goto(`${env.server.baseUrl}/cases?includeClosed=true`);
    await page.getByTestId('case-search').fill('مريم');
    await textOf(page.getByTestId('cases-table'), 'Al-Khatib, Mariam');
  });
});
