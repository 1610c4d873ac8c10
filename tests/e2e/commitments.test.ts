/**
 * The commitments list on a phone, as a lead follows up after a conference: filtered by
 * institution (the filter behind the "Filter" button, kept in the address), the overdue one said
 * in words and with a badge, and a report recorded through the dialog by keyboard alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/contracts/auth';
import { choose, demoEnvironment, logIn, snap, textOf } from './support';

const env = demoEnvironment();
const AXE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);
const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';
const OVERDUE = 'Bildungsgutschein für die Anpassungsqualifizierung prüfen und ausstellen';

/** Presses Tab until the element has the focus (a few times at most), as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 6 && !(await target.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  expect(await target.evaluate((e) => e === document.activeElement)).toBe(true);
}

describe('the commitments on a phone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await env.browser.newContext({
      baseURL: env.server.baseUrl,
      locale: 'en-GB',
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    await logIn(page, env.server.baseUrl, 'miriam.kessler@ifk-saar.example');
    // The demo lead works in German; this test reads the English words.
    const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as SessionResponse;
    await page.request.patch('/api/auth/me', {
      data: { language: 'en' },
      headers: { 'x-csrf-token': csrfToken },
    });
  });
  afterAll(() => context?.close());

  it('filters by institution and shows the overdue one in words, not by colour alone', async () => {
    await page.goto(`${env.server.baseUrl}/commitments`);
    const cards = page.getByTestId('commitments').getByTestId('list-card');
    await cards.first().waitFor();
    expect(await page.locator('main table').count()).toBe(0);
    await page.getByTestId('filter-toggle').click();
    await choose(page, page.getByTestId('filters'), 'Institution', JOBCENTRE, 'Jobcenter');
    await page.waitForURL((url) => Boolean(url.searchParams.get('institutionId')));
    await textOf(page.getByTestId('filter-toggle'), 'Filter (1)');
    // The demo's job centre has three: done on time, overdue, and one due the day after tomorrow.
    await expect.poll(() => cards.count()).toBe(3);
    const card = cards.filter({ hasText: OVERDUE });
    await textOf(card, OVERDUE);
    await textOf(card.getByTestId('overdue'), 'Overdue');
    await textOf(card, 'overdue for 4 days');
    expect(await card.textContent()).toContain(JOBCENTRE);
    await snap(page, 'commitments-filtered-en-390');
    // The address keeps the filter: a reload shows the same list.
    await page.reload();
    await textOf(cards.filter({ hasText: OVERDUE }), 'Overdue');
    expect(await cards.count()).toBe(3);
  });

  it('records a report "done" through the dialog by keyboard, and the card says so', async () => {
    const card = page.getByTestId('commitments').getByTestId('list-card').filter({ hasText: OVERDUE });
    await card.getByRole('button', { name: `Report: ${OVERDUE}` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Record the report' });
    await dialog.waitFor();
    await page.waitForTimeout(300); // the opening transition, whose half-faded text axe would measure
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
      const result = await axe.run('[role="dialog"]', { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    // "Done" is chosen; the note and the day follow by Tab, then the button.
    expect(await dialog.getByRole('radio', { name: 'Done' }).isChecked()).toBe(true);
    await tabTo(page, dialog.getByLabel('Note'));
    await page.keyboard.type('Gutschein ist ausgestellt');
    await tabTo(page, dialog.getByTestId('report-save'));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await textOf(card.getByTestId('commitment-status'), 'Done');
    await textOf(card, 'Gutschein ist ausgestellt');
    expect(await card.getByTestId('overdue').count()).toBe(0);
    expect(await card.getByRole('button', { name: `Take back the report: ${OVERDUE}` }).count()).toBe(1);
  });
});
