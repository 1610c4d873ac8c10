import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, demoEnvironment, logIn, textOf } from './support';

const env = demoEnvironment();
// Beside the other screenshots of the browser suite (not committed), for a human to look at.
const SHOTS = path.resolve(import.meta.dirname, 'artifacts');

/** Whether the page scrolls sideways (it must not, at any width). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

/** Waits until the address has these query values (the search box writes it after a pause). */
async function addressHas(page: Page, values: Record<string, string>) {
  await page.waitForURL((url) => Object.entries(values).every(([k, v]) => url.searchParams.get(k) === v));
}

describe('lists on a phone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await logIn(page, env.server.baseUrl, 'olena.shevchenko@ifk-saar.example');
  });
  afterAll(() => context?.close());

  it('shows the cases as cards, with the filters behind one "Filter (n)" button', async () => {
    await page.goto(`${env.server.baseUrl}/cases`);
    const cards = page.getByTestId('cases-table').getByTestId('list-card');
    await cards.first().waitFor();
    expect(await page.locator('main table').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    // The search is at hand, the filters are not in the way of the first result.
    await expect(page.getByTestId('case-search').isVisible()).resolves.toBe(true);
    const includeClosed = page.getByRole('checkbox', { name: 'Include closed cases' });
    expect(await includeClosed.count()).toBe(0);
    const toggle = page.getByTestId('filter-toggle');
    expect(await toggle.textContent()).toBe('Filter');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await includeClosed.check();
    await page.getByRole('checkbox', { name: 'Overdue steps only' }).check();
    await textOf(toggle, 'Filter (2)');
    await addressHas(page, { includeClosed: 'true', overdueSteps: 'true' });
    // A card opens its case from anywhere on it, not only from the name.
    // The box follows the address, written a moment after the click: wait for it rather than
    // have Playwright's uncheck read the box at once (it failed so on a loaded CI machine).
    const overdue = page.getByRole('checkbox', { name: 'Overdue steps only' });
    await overdue.click();
    await expect.poll(() => overdue.isChecked()).toBe(false);
    await textOf(toggle, 'Filter (1)');
    await cards.first().getByText('Case').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  });

  it('shows the network as cards too, without sideways scrolling', async () => {
    await page.goto(`${env.server.baseUrl}/network`);
    await page.getByTestId('institutions').getByTestId('list-card').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
  });
});

describe('search and filters in the address', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await logIn(page, env.server.baseUrl, 'olena.shevchenko@ifk-saar.example');
  });
  afterAll(() => context?.close());

  it('keeps the case list as it was after opening a case: Back, the way back, reload', async () => {
    await page.getByRole('link', { name: 'Cases' }).first().click();
    const table = page.getByTestId('cases-table');
    const first = table.getByRole('link').first();
    const name = ((await first.textContent()) ?? '').split(',')[0] ?? '';
    await page.getByTestId('case-search').fill(name.slice(0, 4));
    await page.getByRole('checkbox', { name: 'Include closed cases' }).check();
    await addressHas(page, { q: name.slice(0, 4), includeClosed: 'true' });
    const listUrl = page.url();
    // Typing and filtering replaced the address: Back leaves the list, Forward returns to it as it was.
    await page.goBack();
    expect(page.url()).toBe(`${env.server.baseUrl}/`);
    await page.goForward();
    const expectList = async () => {
      await textOf(table, name);
      expect(page.url()).toBe(listUrl);
      expect(await page.getByTestId('case-search').inputValue()).toBe(name.slice(0, 4));
      expect(await page.getByRole('checkbox', { name: 'Include closed cases' }).isChecked()).toBe(true);
    };
    await expectList();
    await table
      .getByRole('link', { name: new RegExp(name) })
      .first()
      .click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.goBack();
    await expectList();
    // The link back to the list on the case file returns to the same list.
    await table
      .getByRole('link', { name: new RegExp(name) })
      .first()
      .click();
    await page.getByRole('link', { name: 'Cases' }).nth(1).click();
    await expectList();
    await page.reload();
    await expectList();
  });

  it('keeps the network list as it was after opening an institution: Back, the way back, reload', async () => {
    await page.goto(`${env.server.baseUrl}/network`);
    const table = page.getByTestId('institutions');
    // The search is debounced: until the answer to both arrives, the list of one alone may show.
    const answered = page.waitForResponse(
      (r) => /\/api\/institutions\?/.test(r.url()) && /q=Saar/.test(r.url()) && /job_centre/.test(r.url()),
    );
    await page.getByRole('textbox', { name: 'Search name, city, e-mail' }).fill('Saar');
    await choose(page, page, 'All types', 'Job centre');
    await addressHas(page, { q: 'Saar', type: 'job_centre' });
    await answered;
    await page.waitForTimeout(200);
    await textOf(table.getByRole('link').first(), 'Jobcenter');
    const listUrl = page.url();
    const name = (await table.getByRole('link').first().textContent()) ?? '';
    const expectList = async () => {
      await textOf(table, name);
      expect(page.url()).toBe(listUrl);
      expect(await page.getByRole('textbox', { name: 'Search name, city, e-mail' }).inputValue()).toBe(
        'Saar',
      );
      expect(await page.locator('input[aria-label="All types"]').inputValue()).toBe('Job centre');
    };
    await table.getByRole('link').first().click();
    await page.waitForURL(/\/network\/[0-9a-f-]{36}$/);
    await page.goBack();
    await expectList();
    await table.getByRole('link').first().click();
    await page.getByRole('link', { name: 'Network' }).nth(1).click();
    await expectList();
    await page.reload();
    await expectList();
  });

  it('moves a case to its next stage by keyboard alone', async () => {
    const stages = ['Intake', 'Profiling', 'Planning', 'In measures', 'Job search', 'Placed', 'Closed'];
    await page.goto(`${env.server.baseUrl}/cases?stage=intake`);
    await page.getByTestId('cases-table').getByRole('link').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await textOf(page.getByTestId('case-stage'), 'Intake');
    // From the case's name onwards, Tab reaches the action (the stepper is a picture, not a stop).
    await page.getByTestId('case-name').click();
    let focused = '';
    for (let i = 0; i < 30 && !focused.startsWith('Move to “'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe(`Move to “${stages[1]}”`);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const move = dialog.getByRole('button', { name: 'Move' });
    for (let i = 0; i < 10 && !(await move.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await textOf(page.getByTestId('case-stage'), 'Profiling');
  });
});

describe('the lead’s dashboard and the screens of a phone, in German', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    // The login page speaks the browser's language (English here); after it, Miriam's own: German.
    context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await logIn(page, env.server.baseUrl, 'miriam.kessler@ifk-saar.example');
  });
  afterAll(() => context?.close());

  it('pages the due steps, ten at a time, with named page buttons', async () => {
    const due = page.getByTestId('due-steps');
    const range = due.getByTestId('list-range');
    const total = Number((await textOf(range, '1–10 von')).split('von ')[1]);
    expect(total).toBeGreaterThan(10);
    const page1 = (await due.getByTestId('list-card').allTextContents()).join('|');
    await due.getByRole('button', { name: 'Nächste Seite' }).click();
    await addressHas(page, { page: '2' });
    await textOf(range, `11–${Math.min(20, total)} von ${total}`);
    expect((await due.getByTestId('list-card').allTextContents()).join('|')).not.toBe(page1);
    expect(await due.getByRole('button', { name: 'Seite 2' }).getAttribute('aria-current')).toBe('page');
    await page.reload();
    await textOf(range, `11–${Math.min(20, total)} von ${total}`);
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('fits the case list, a case file and the network on a phone (screenshots for the issue)', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.goto(`${env.server.baseUrl}/cases`);
    await page.getByTestId('cases-table').getByTestId('list-card').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/cases-390.png` });
    await page.getByTestId('cases-table').getByRole('link').first().click();
    await page.getByTestId('stage-control').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/casefile-390.png` });
    await page.goto(`${env.server.baseUrl}/network`);
    await page.getByTestId('institutions').getByTestId('list-card').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/network-390.png` });
  });
});
