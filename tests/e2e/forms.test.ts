import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  choose,
  DEMO_PASSWORD,
  demoEnvironment,
  discardChanges,
  field,
  logIn,
  textOf,
  typeDate,
} from './support';

const env = demoEnvironment();

/** How many cases the list finds for a search (through the counsellor's own session). */
async function casesNamed(page: Page, name: string): Promise<number> {
  const res = await page.request.get(`${env.server.baseUrl}/api/clients?q=${encodeURIComponent(name)}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).total;
}

/** The value an input shows. */
const shown = (input: Locator) => input.inputValue();

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A/AA rules axe finds broken in an element (contrast is the theme's, checked elsewhere). */
async function axeViolations(page: Page, selector: string) {
  // Evaluated, not added as a script tag: the app's Content Security Policy refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page
    const axe = (window as any).axe;
    const result = await axe.run(document.querySelector(sel), {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      rules: { 'color-contrast': { enabled: false } },
    });
    return result.violations.map((v: { id: string; nodes: { html: string }[] }) => ({
      id: v.id,
      nodes: v.nodes.map((n) => n.html.slice(0, 120)),
    }));
  }, selector);
}

describe('forms that keep what was typed', () => {
  let context: BrowserContext;
  let page: Page;
  let caseUrl: string;
  const newContext = () =>
    env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  // Each test starts from a page of its own, so that one left with a dialog open spoils no other.
  beforeAll(async () => {
    context = await newContext();
    page = await context.newPage();
    await logIn(page, env.server.baseUrl, 'olena.shevchenko@ifk-saar.example');
    await page.goto(`${env.server.baseUrl}/cases/new`);
    await field(page, 'Given names').fill('Dialogprobe');
    await field(page, 'Family name').fill('Formular');
    await typeDate(page, 'Date of birth', '12 Mar 1991');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
  });
  afterAll(() => context?.close());

  it('submits a login from its last field, not from the first', async () => {
    const own = await newContext();
    const page = await own.newPage();
    await page.goto(`${env.server.baseUrl}/login`);
    await field(page, 'E-mail').fill('olena.shevchenko@ifk-saar.example');
    await field(page, 'E-mail').press('Enter');
    // Not submitted: the password is not asked for as missing.
    await page.waitForTimeout(300);
    expect(await page.getByText('Required').count()).toBe(0);
    await field(page, 'Password').fill(DEMO_PASSWORD);
    await field(page, 'Password').press('Enter');
    await page.waitForURL(`${env.server.baseUrl}/`);
    await own.close();
  });

  it('does not open a case on Enter in a name or the birth date, only from the button', async () => {
    await page.goto(`${env.server.baseUrl}/cases/new`);
    await field(page, 'Given names').fill('Enterprobe');
    await field(page, 'Family name').fill('Tastendruck');
    await field(page, 'Family name').press('Enter');
    const birth = field(page, 'Date of birth');
    await birth.fill('12 Mar 1991');
    await birth.press('Enter');
    await page.waitForTimeout(800);
    expect(page.url()).toBe(`${env.server.baseUrl}/cases/new`);
    expect(await casesNamed(page, 'Tastendruck')).toBe(0);
    // What was typed is all still there, so the intake goes on.
    expect(await shown(birth)).toBe('12 Mar 1991');
    await field(page, 'Notes').fill('first line');
    await field(page, 'Notes').press('Enter');
    await field(page, 'Notes').pressSequentially('second line');
    expect(await shown(field(page, 'Notes'))).toBe('first line\nsecond line');
    expect(page.url()).toBe(`${env.server.baseUrl}/cases/new`);
    await page.getByRole('button', { name: 'Open case' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    expect(await casesNamed(page, 'Tastendruck')).toBe(1);
  });

  it('opens the birth-date picker on a plausible decade, or on the month of the date it has', async () => {
    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Edit' }).first().click();
    await field(page, 'Date of birth').click();
    const dropdown = page.locator('[data-dates-dropdown]');
    await textOf(dropdown, 'March 1991');
    await page.goto(`${env.server.baseUrl}/cases/new`);
    await field(page, 'Date of birth').click();
    const year = new Date().getFullYear() - 35;
    const decade = year - (year % 10);
    await textOf(dropdown, `${decade} – ${decade + 9}`);
  });

  it('asks before a dialog with changes closes; Keep editing keeps every value, Discard closes', async () => {
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: 'Recognition' }).click();
    await page.getByRole('button', { name: 'Add procedure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add procedure' });
    const question = page.getByRole('dialog', { name: 'Discard changes?' });
    await field(dialog, 'Competent authority').fill('Approbationsstelle Saarbrücken');
    await typeDate(dialog, 'Submitted', '10 Mar 2026');
    await field(dialog, 'Reason for the extension').fill('Gutachten angefordert');
    await field(dialog, 'Substantial differences named').fill('Praxis in der Pädiatrie');
    await field(dialog, 'Substantial differences named').press('Escape');
    await question.waitFor();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await shown(field(dialog, 'Competent authority'))).toBe('Approbationsstelle Saarbrücken');
    expect(await shown(field(dialog, 'Submitted'))).toBe('10 Mar 2026');
    expect(await shown(field(dialog, 'Reason for the extension'))).toBe('Gutachten angefordert');
    expect(await shown(field(dialog, 'Substantial differences named'))).toBe('Praxis in der Pädiatrie');
    // A click outside and the X ask too; Cancel as well.
    await page.mouse.click(5, 450);
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await discardChanges(page);
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog').count()).toBe(0);
    await textOf(page.locator('main'), 'No procedure yet');
  });

  it('closes a dialog without changes on Esc at once', async () => {
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: 'Recognition' }).click();
    await page.getByRole('button', { name: 'Add procedure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add procedure' });
    await field(dialog, 'Competent authority').focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('carries a regulated occupation into the qualification, and the qualification into its procedure', async () => {
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: 'Qualifications' }).click();
    await page.getByRole('button', { name: 'Add qualification' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add qualification' });
    await field(dialog, 'Title (original)').fill('Диплом медсестри');
    await choose(page, dialog, 'Country', 'Ukraine', 'Ukr');
    const regulated = dialog.getByRole('switch', { name: 'Regulated occupation' });
    expect(await regulated.isChecked()).toBe(false);
    await choose(page, dialog, 'Reference occupation', 'Pflegefach', 'Pflegefach');
    expect(await regulated.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Recognition' }).click();
    await page.getByRole('button', { name: 'Add procedure' }).click();
    dialog = page.getByRole('dialog', { name: 'Add procedure' });
    // The link to the qualification comes first, since it fills in others.
    const first = dialog.locator('input:not([type=hidden])').first();
    expect(await first.getAttribute('id')).toBe(
      await dialog.getByText('Qualification', { exact: true }).getAttribute('for'),
    );
    await choose(page, dialog, 'Qualification', 'Диплом медсестри');
    const occupation = dialog.getByRole('combobox', { name: /^Reference occupation/ });
    expect(
      await shown(occupation.or(dialog.getByRole('textbox', { name: /^Reference occupation/ }))),
    ).toContain('Pflegefach');
    // The competent body picked from the directory is named at once, before saving.
    await choose(
      page,
      dialog,
      'Authority from the directory',
      'Landesamt für Gesundheitsberufe',
      'Landesamt',
    );
    expect(await shown(field(dialog, 'Competent authority'))).toBe('Landesamt für Gesundheitsberufe Saar');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await textOf(page.locator('main'), 'Landesamt für Gesundheitsberufe Saar');
    await textOf(page.locator('main'), 'Pflegefach');
  });

  it('keeps the input of a refused save and goes to the first field with an error', async () => {
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: 'Recognition' }).click();
    await page.getByRole('button', { name: 'Add procedure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add procedure' });
    await field(dialog, 'Competent authority').fill('Approbationsstelle Saarbrücken');
    await typeDate(dialog, 'Submitted', '10 Mar 2026');
    await typeDate(dialog, 'Decided', '1 Mar 2026');
    // The server refuses a decision before the application.
    await dialog.getByRole('button', { name: 'Save' }).click();
    await textOf(dialog, 'cannot be before the application was submitted');
    const decided = field(dialog, 'Decided');
    await expect.poll(() => decided.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await shown(field(dialog, 'Competent authority'))).toBe('Approbationsstelle Saarbrücken');
    expect(await shown(field(dialog, 'Submitted'))).toBe('10 Mar 2026');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await discardChanges(page);
    await page.getByRole('tab', { name: 'Qualifications' }).click();
    await page.getByRole('button', { name: 'Add qualification' }).click();
    const qualification = page.getByRole('dialog', { name: 'Add qualification' });
    await qualification.getByRole('button', { name: 'Save' }).click();
    const title = field(qualification, 'Title (original)');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await qualification.waitFor({ state: 'detached' });
  });

  it('names the close X and the clear button of a date in a dialog (axe)', async () => {
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: 'Recognition' }).click();
    await page.getByRole('button', { name: 'Add procedure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add procedure' });
    await typeDate(dialog, 'Submitted', '10 Mar 2026');
    await dialog.getByRole('button', { name: 'Clear the date' }).first().waitFor();
    expect(await axeViolations(page, '[role=dialog]')).toEqual([]);
  });
});
