import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, demoEnvironment, discardChanges, field, logIn, saveDialog, snap, textOf } from './support';

const env = demoEnvironment();

/** Opens the "next step" dialog of an acquired measure or a pursued offer. */
async function nextStep(page: Page, card: Locator, status: string) {
  await card.getByRole('button', { name: 'Next step' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog, 'Status', status);
  return dialog;
}

describe('the support network', () => {
  // One counsellor's session goes from the directory to a placement; each step builds on the last.
  let context: BrowserContext;
  let page: Page;
  let dialog: Locator;
  let caseUrl: string;
  let offerUrl: string;
  const title = 'Kenntnisprüfung Pflege Intensivkurs';
  const placementOf = () => page.getByTestId('placement').filter({ hasText: 'Praktikum Intensivpflege' });
  beforeAll(async () => {
    context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await logIn(page, env.server.baseUrl, 'olena.shevchenko@ifk-saar.example');
  });
  afterAll(() => context?.close());

  it('keeps an institution with a contact person who agreed to be contacted', async () => {
    await page.getByRole('link', { name: 'Network' }).first().click();
    await page.getByRole('button', { name: 'Add institution' }).click();
    dialog = page.getByRole('dialog');
    await field(dialog, 'Name').fill('Pflegeschule Testfeld');
    await choose(page, dialog, 'Type', 'Training provider');
    await field(dialog, 'City').fill('Saarbrücken');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/network\/[0-9a-f-]{36}$/);
    await textOf(page.getByTestId('institution-name'), 'Pflegeschule Testfeld');
    await page.getByRole('button', { name: 'Add contact person' }).click();
    dialog = page.getByRole('dialog');
    await field(dialog, 'Name').fill('Greta Probe');
    await field(dialog, 'Function').fill('Kursleitung');
    await dialog.getByRole('switch', { name: /Agreed to be contacted/ }).check({ force: true });
    await saveDialog(page);
    await textOf(page.getByTestId('contact-person'), 'Greta Probe');
    await textOf(page.getByTestId('contact-person'), 'Agreed to be contacted');
  });

  it('catches the same name again as a likely duplicate', async () => {
    await page.getByRole('link', { name: 'Network' }).first().click();
    await page.getByRole('button', { name: 'Add institution' }).click();
    dialog = page.getByRole('dialog');
    await field(dialog, 'Name').fill('Pflegeschule Testfeld');
    await choose(page, dialog, 'Type', 'Training provider');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await textOf(dialog.getByTestId('duplicate-warning'), 'Pflegeschule Testfeld');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await discardChanges(page);
  });

  it('adds a measure of that provider for nurses preparing the knowledge test', async () => {
    await page.getByRole('link', { name: 'Measures' }).first().click();
    await page.getByRole('button', { name: 'Add measure' }).click();
    dialog = page.getByRole('dialog');
    await field(dialog, 'Title').fill(title);
    await choose(page, dialog, 'Type', 'Preparation for knowledge exam');
    await choose(page, dialog, 'Provider', 'Pflegeschule Testfeld', 'Pflegeschule');
    await choose(page, dialog, 'Reference occupations', 'Pflegefach', 'Pflegefach');
    await page.keyboard.press('Escape');
    await saveDialog(page);
    await textOf(page.getByTestId('measures'), title);
  });

  it('opens a case of a nurse with that reference occupation and German B2', async () => {
    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByRole('link', { name: 'New case' }).click();
    await field(page, 'Given names').fill('Grace');
    await field(page, 'Family name').fill('Okonkwo-Testfall');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await page.getByRole('tab', { name: 'Qualifications' }).click();
    await page.getByRole('button', { name: 'Add qualification' }).click();
    dialog = page.getByRole('dialog');
    await field(dialog, 'Title (original)').fill('Bachelor of Nursing Science');
    await choose(page, dialog, 'Country', 'Nigeria', 'Nig');
    await choose(page, dialog, 'Reference occupation', 'Pflegefach', 'Pflegefach');
    await saveDialog(page);
    await page.getByRole('button', { name: 'Add language' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Level', 'B2');
    await saveDialog(page);
  });

  it('suggests the measure with its reasons; it is proposed, funded, started and completed', async () => {
    await page.getByRole('tab', { name: 'Measures & jobs' }).click();
    const suggested = page
      .getByTestId('suggested-measures')
      .locator('.mantine-Paper-root', { hasText: title });
    await textOf(suggested, 'Reference occupation');
    await suggested.getByRole('button', { name: 'Propose' }).click();
    const acquisition = page.getByTestId('acquisition').filter({ hasText: title });
    await textOf(acquisition.getByTestId('acquisition-status'), 'Proposed');
    dialog = await nextStep(page, acquisition, 'Funded');
    await choose(page, dialog, 'Funding', 'Training voucher');
    await choose(page, dialog, 'Funded by', 'Jobcenter Regionalverband', 'Jobcenter');
    await field(dialog, 'Amount (EUR)').fill('6800');
    await saveDialog(page);
    await textOf(acquisition.getByTestId('acquisition-status'), 'Funded');
    await textOf(acquisition, '€6,800.00');
    dialog = await nextStep(page, acquisition, 'Started');
    await saveDialog(page);
    await textOf(acquisition.getByTestId('acquisition-status'), 'Started');
    dialog = await nextStep(page, acquisition, 'Completed');
    await dialog.getByRole('textbox', { name: 'Outcome / note' }).fill('Kenntnisprüfung bestanden');
    await saveDialog(page);
    await textOf(acquisition.getByTestId('acquisition-status'), 'Completed');
    expect(await acquisition.getByRole('button', { name: 'Next step' }).count()).toBe(0);
    // The funder and the provider are now involved in the case.
    await textOf(page.getByTestId('involved'), 'Jobcenter Regionalverband Saarbrücken-Mitte');
    await textOf(page.getByTestId('involved'), 'Pflegeschule Testfeld');
    await snap(page, 'case-network');
  });

  it('offers an internship at a care home; without a consent naming the employer the case is no candidate', async () => {
    await page.getByRole('link', { name: 'Offers' }).first().click();
    await page.getByRole('button', { name: 'Add offer' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Employer', 'Seniorenzentrum Am Rotenbühl', 'Senioren');
    await field(dialog, 'Title').fill('Praktikum Intensivpflege');
    await choose(page, dialog, 'Reference occupation', 'Pflegefach', 'Pflegefach');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/);
    offerUrl = page.url();
    await page
      .getByText(/No suitable case|Okonkwo/)
      .first()
      .waitFor();
    expect(await page.getByTestId('candidates').textContent()).not.toContain('Okonkwo-Testfall');
  });

  it('suggests the offer to the case, and refuses the introduction until a consent names the employer', async () => {
    await page.goto(`${caseUrl}?tab=network`);
    const offer = page.getByTestId('suggested-offers').locator('.mantine-Paper-root', {
      hasText: 'Praktikum Intensivpflege',
    });
    await offer.getByRole('button', { name: 'Suggest' }).click();
    await textOf(placementOf().getByTestId('placement-status'), 'Suggested');
    dialog = await nextStep(page, placementOf(), 'Introduced');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await textOf(
      dialog.getByRole('alert'),
      'No valid consent lets the profile go to Seniorenzentrum Am Rotenbühl',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await discardChanges(page);
    await textOf(placementOf().getByTestId('placement-status'), 'Suggested');
  });

  it('records a consent to pass the profile to the employer, keeping the form when a field is missing', async () => {
    await page.getByRole('tab', { name: 'Consent' }).click();
    await page.getByRole('button', { name: 'Record consent' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Purposes', 'Profile to employers');
    await page.keyboard.press('Escape');
    await choose(
      page,
      dialog,
      'Receiving institutions / employers',
      'Seniorenzentrum Am Rotenbühl',
      'Senioren',
    );
    await page.keyboard.press('Escape');
    // Sharing needs the data categories: the form says so and keeps what was entered.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await textOf(dialog, 'name the data categories');
    await choose(page, dialog, 'Data categories', 'Qualifications');
    await page.keyboard.press('Escape');
    await saveDialog(page);
    await textOf(page.getByTestId('sharing-now'), 'Seniorenzentrum Am Rotenbühl');
  });

  it('now finds the case for the offer', async () => {
    await page.goto(offerUrl);
    await textOf(page.getByTestId('candidates'), 'Okonkwo-Testfall');
    await textOf(page.getByTestId('candidates'), 'Consent for this employer');
    await textOf(page.getByTestId('candidates'), 'Suggested');
  });

  it('introduces the client, logged as a disclosure, up to the start', async () => {
    await page.goto(`${caseUrl}?tab=network`);
    dialog = await nextStep(page, placementOf(), 'Introduced');
    await saveDialog(page);
    await textOf(placementOf().getByTestId('placement-status'), 'Introduced');
    await textOf(page.getByTestId('disclosures'), 'Seniorenzentrum Am Rotenbühl');
    dialog = await nextStep(page, placementOf(), 'Started');
    await dialog.getByRole('textbox', { name: "Employer's feedback" }).fill('Sehr engagiert');
    await saveDialog(page);
    await textOf(placementOf().getByTestId('placement-status'), 'Started');
  });

  it('tells the story on the timeline', async () => {
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await textOf(page.getByTestId('timeline'), `${title}: Completed`);
    await textOf(page.getByTestId('timeline'), 'Profile passed to Seniorenzentrum Am Rotenbühl');
    await snap(page, 'case-network-timeline');
  });

  it("lists the counsellor's cases on the employer's page", async () => {
    await page.getByRole('link', { name: 'Network' }).first().click();
    await page.getByRole('textbox', { name: 'Search name, city, e-mail' }).fill('Seniorenzentrum');
    await page.getByRole('link', { name: 'Seniorenzentrum Am Rotenbühl' }).click();
    await textOf(page.getByTestId('institution-case'), 'Okonkwo-Testfall');
    await textOf(page.getByTestId('institution-case'), 'Employer');
  });

  it('a lead merges a duplicate into the institution that stays (German interface)', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Miriam's profile language is German: the interface switches after login.
    await logIn(page, env.server.baseUrl, 'miriam.kessler@ifk-saar.example');
    await page.getByRole('link', { name: 'Netzwerk' }).first().click();
    await page.getByRole('button', { name: 'Institution hinzufügen' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Name').fill('Pflegeschule Testfeld gGmbH');
    await choose(page, dialog, 'Art', 'Bildungsträger');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await textOf(dialog.getByTestId('duplicate-warning'), 'Pflegeschule Testfeld');
    await dialog.getByRole('checkbox', { name: /trotzdem speichern/ }).check();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await textOf(page.getByTestId('institution-name'), 'Pflegeschule Testfeld gGmbH');

    await page.getByRole('button', { name: 'Zusammenführen mit …' }).click();
    const merge = page.getByRole('dialog');
    await textOf(merge, 'nicht rückgängig');
    await choose(
      page,
      merge,
      'Bleibende Institution',
      'Pflegeschule Testfeld · Bildungsträger, Saarbrücken',
      'Pflegeschule',
    );
    await merge.getByRole('button', { name: 'Zusammenführen mit …' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/network'));
    await textOf(page.getByTestId('institution-name'), 'Pflegeschule Testfeld');
    // The measure of the test above still has its provider; the duplicate is gone from the directory.
    await textOf(page.locator('main'), 'Kenntnisprüfung Pflege Intensivkurs');
    await page.getByRole('link', { name: 'Netzwerk' }).first().click();
    await page.getByRole('textbox', { name: 'Name, Ort, E-Mail suchen' }).fill('Pflegeschule');
    await textOf(page.getByTestId('institutions'), 'Pflegeschule Testfeld');
    expect(await page.getByTestId('institutions').textContent()).not.toContain('gGmbH');
    await context.close();
  });
});
