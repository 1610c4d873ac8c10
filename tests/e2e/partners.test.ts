import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings } from './conference-answers';
import { choose, demoEnvironment, logIn, snap, textOf } from './support';

/**
 * Partner accounts as the demo's lead keeps them: a contact person of a job centre invited from
 * the institution's page (the demo runs without SMTP, so the link is shown to hand over), the
 * list on a desktop and a phone, ending and restoring access, and what the job centre has seen.
 */
const env = demoEnvironment();
// The demo's job centre has its partner already (Stefanie Marx): the agency's contact person is invited here.
const JOBCENTRE = 'Agentur für Arbeit Saar-Mitte';

describe('partner accounts', () => {
  let context: BrowserContext;
  let page: Page;
  let jobcentreUrl: string;
  beforeAll(async () => {
    context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await logIn(page, env.server.baseUrl, 'miriam.kessler@ifk-saar.example');
  });
  afterAll(() => context?.close());

  it('invites a contact person of a job centre from its page and shows the link to hand over', async () => {
    // The directory searched as a link would open it (typing races the debounced list's re-render).
    await page.goto(`${env.server.baseUrl}/network?q=${encodeURIComponent('Agentur für Arbeit')}`);
    await page.getByRole('link', { name: JOBCENTRE }).first().click();
    await page.waitForURL(/\/network\/[0-9a-f-]{36}$/);
    jobcentreUrl = page.url();
    const card = page.getByTestId('institution-partners');
    await textOf(card, 'Noch niemand von dieser Institution arbeitet im Partnerportal');
    await card.getByRole('button', { name: 'Partner einladen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Partner einladen' });
    await choose(page, dialog, 'Ansprechperson', 'Frank Meyer');
    await dialog.getByRole('button', { name: 'Einladung senden' }).click();
    const result = page.getByRole('dialog', { name: 'Einladung' });
    await textOf(result, 'Es ist kein Mailserver eingerichtet');
    expect(await result.getByTestId('invite-link').textContent()).toMatch(/\/invite#\S{20,}/);
    await snap(page, 'partners-invited-link-1400-de');
    await result.getByRole('button', { name: 'Schließen' }).last().click();
    await textOf(card, 'Frank Meyer');
    await textOf(card, 'Eingeladen');
  });

  it('lists the accounts as a table on a desktop and as cards on a phone, in German and English', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Partnerzugänge' }).click();
    await textOf(page.getByTestId('partner-accounts'), 'Frank Meyer');
    await textOf(page.getByTestId('partner-accounts'), JOBCENTRE);
    await snap(page, 'partners-list-1400-de');
    expect(await axeFindings(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Partner einladen' }).click();
    await page.getByRole('dialog', { name: 'Partner einladen' }).getByText('Andere Person').click();
    await page.waitForTimeout(300); // the dialog's opening transition, whose half-faded text axe would measure
    await snap(page, 'partners-invite-dialog-390-de');
    expect(await axeFindings(page)).toEqual([]);
    // A choice was made: the dialog asks before it lets it go.
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog', { name: 'Änderungen verwerfen?' })
      .getByRole('button', { name: 'Verwerfen' })
      .click();
    await page.getByRole('dialog').first().waitFor({ state: 'detached' });
    const cardOf = page.getByTestId('list-card').filter({ hasText: 'Frank Meyer' });
    await textOf(cardOf, 'Eingeladen');
    await snap(page, 'partners-list-390-de');
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Partner accounts' }).waitFor();
    await textOf(cardOf, 'Invited');
    await snap(page, 'partners-list-390-en');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.waitForTimeout(300); // the navigation's transition, for the screenshot
    await snap(page, 'partners-list-1400-en');
  });

  it('ends the access after asking, and restores it', async () => {
    const row = page.getByRole('row').filter({ hasText: 'Frank Meyer' });
    await row.getByRole('button', { name: 'Actions for Frank Meyer' }).click();
    await page.getByRole('menuitem', { name: 'End access' }).click();
    const confirm = page.getByRole('dialog', { name: "End Frank Meyer's access?" });
    await confirm.getByRole('button', { name: 'End access' }).click();
    await textOf(row, 'Ended');
    await row.getByRole('button', { name: 'Actions for Frank Meyer' }).click();
    await page.getByRole('menuitem', { name: 'Restore access' }).click();
    await textOf(row, 'Invited');
  });

  it('shows what the job centre has seen and received, without axe findings', async () => {
    await page.goto(jobcentreUrl);
    await page.getByRole('link', { name: 'What this institution has seen' }).click();
    await page.getByRole('heading', { name: `What ${JOBCENTRE} has seen` }).waitFor();
    await page.getByTestId('partner-activity').or(page.getByText('Nothing found')).first().waitFor();
    await snap(page, 'partners-activity-1400-en');
    expect(await axeFindings(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'partners-activity-390-en');
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId('language-switch').getByText('DE').click();
    await page.getByRole('heading', { name: `Was ${JOBCENTRE} gesehen hat` }).waitFor();
    await snap(page, 'partners-activity-390-de');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.waitForTimeout(300); // the navigation's transition, for the screenshot
    await snap(page, 'partners-activity-1400-de');
  });

  it('offers the dpo the institutions to choose from', async () => {
    const dpo = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const p = await dpo.newPage();
    await logIn(p, env.server.baseUrl, 'thomas.weber@ifk-saar.example');
    await p.goto(`${env.server.baseUrl}/partners/activity`);
    await p.getByTestId('language-switch').getByText('DE').click();
    await p.getByRole('heading', { name: 'Was Institutionen gesehen haben' }).waitFor();
    await choose(p, p, 'Institution', JOBCENTRE);
    await p.getByRole('heading', { name: `Was ${JOBCENTRE} gesehen hat` }).waitFor();
    await snap(p, 'partners-activity-dpo-390-de');
    expect(await axeFindings(p)).toEqual([]);
    await dpo.close();
  });
});
