import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, demoEnvironment, field, logIn, snap, textOf, typeDate } from './support';

/**
 * The conference pages as a lead uses them: planning through the dialog (partly by keyboard
 * alone), the list on a phone, inviting an institution through a contact person, the time in the
 * viewer's own zone; and the public answer page for a link that does not work.
 */
const env = demoEnvironment();
const title = 'Geberkonferenz Pflege Testlauf';
const inDays = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
};
/** Central European time, in summer or in winter, as the English interface names it. */
const BERLIN = /\d\d:\d\d (CET|CEST)/;

/** Whether the page scrolls sideways (it must not, at any width). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > window.innerWidth);

/** The element that has the keyboard focus now, by its accessible label. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent?.replace(/\s*\*$/, '').trim() ?? el?.getAttribute('aria-label') ?? '';
  });

/** Logs in as a demo user (who use Lotse in German) and switches to English. */
async function logInInEnglish(page: Page, email: string) {
  await logIn(page, env.server.baseUrl, email);
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
}

describe('the conference pages', () => {
  let context: BrowserContext;
  let page: Page;
  let dialog: Locator;
  let conferenceUrl: string;
  beforeAll(async () => {
    context = await env.browser.newContext({
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    await logInInEnglish(page, 'miriam.kessler@ifk-saar.example');
  });
  afterAll(() => context?.close());

  it('lets a lead plan a conference in its dialog, the times and people by keyboard alone', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Conferences' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conferences' }).waitFor();
    await page.getByRole('button', { name: 'Plan a conference' }).click();
    dialog = page.getByRole('dialog', { name: 'Plan a conference' });
    await field(dialog, 'Title').fill(title);
    await choose(page, dialog, 'Sector', 'Health and care');
    await typeDate(dialog, 'Date', inDays(45));
    await field(dialog, 'Start time').fill('10:00');
    // From the zone on the keyboard only: Tab from field to field, type, pick with the arrows.
    // (The start time is the browser's own time input, whose hour and minute Tab visits one by one.)
    await dialog.getByLabel(/^Time zone/).focus();
    expect(await focusedLabel(page)).toBe('Time zone');
    for (const [label, value] of [
      ['Duration (minutes)', '90'],
      ['Minutes per case', '15'],
      ['Minutes for open commitments', '5'],
      ['Place', 'Rathaus Saarbrücken, Saal 2'],
      ['Video link', 'https://meet.example/pflege'],
    ]) {
      await page.keyboard.press('Tab');
      expect(await focusedLabel(page)).toBe(label);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(value ?? '');
    }
    for (const label of ['Moderator', 'Minute-taker']) {
      await page.keyboard.press('Tab');
      expect(await focusedLabel(page)).toBe(label);
      await page.keyboard.type('Miriam');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    // One person for both: a warning, not a refusal.
    await textOf(dialog.getByTestId('same-person-warning'), 'also takes the minutes');
    expect(await field(dialog, 'Duration (minutes)').inputValue()).toBe('90');
    await dialog.getByRole('button', { name: 'Plan conference' }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    conferenceUrl = page.url();
    await textOf(page.getByTestId('conference-title'), title);
    await textOf(page.getByTestId('conference-status'), 'Planned');
    expect(await page.getByTestId('conference-time').first().textContent()).toMatch(
      /10:00–11:30 (CET|CEST)$/,
    );
    await textOf(page.getByTestId('conference-warnings'), 'The moderator also takes the minutes');
    await snap(page, 'conference-page-en-1400');
  });

  it('refuses a date in the past on the date field, in the interface language', async () => {
    await page.goto(`${env.server.baseUrl}/conferences`);
    await page.getByRole('button', { name: 'Plan a conference' }).click();
    dialog = page.getByRole('dialog', { name: 'Plan a conference' });
    await field(dialog, 'Title').fill('Zu spät');
    await choose(page, dialog, 'Sector', 'Health and care');
    await typeDate(dialog, 'Date', inDays(-3));
    await dialog.getByRole('button', { name: 'Plan conference' }).click();
    await textOf(dialog, 'The conference would begin in the past.');
    expect(await field(dialog, 'Date').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog', { name: 'Discard changes?' })
      .getByRole('button', { name: 'Discard' })
      .click();
  });

  it('shows it in the list on a phone as a card, with the time zone named', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${env.server.baseUrl}/conferences`);
    const card = page.getByTestId('conferences').getByTestId('list-card').filter({ hasText: title });
    await card.waitFor();
    expect(await page.locator('main table').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Planned');
    expect(text).toMatch(BERLIN);
    expect(text).toContain('0 of 0 confirmed');
    await snap(page, 'conferences-list-en-390');
    await card.click();
    await page.waitForURL(conferenceUrl);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('invites an institution through its contact person, and withdraws another invitation', async () => {
    await page.goto(conferenceUrl);
    await page.getByRole('button', { name: 'Invite institution' }).click();
    dialog = page.getByRole('dialog', { name: 'Invite institution' });
    await choose(page, dialog, 'Institution', 'Jobcenter Regionalverband', 'Jobcenter Regional');
    await dialog.getByRole('checkbox', { name: /Stefanie Marx/ }).check();
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('invitations').getByRole('row').filter({ hasText: 'Stefanie Marx' });
    await textOf(row, 'Jobcenter Regionalverband Saarbrücken-Mitte');
    await textOf(row, 'No answer yet');
    await textOf(row, 'Not sent yet');
    await textOf(page.getByTestId('confirmed-count'), 'Confirmed institutions: 0 of 1');
    await textOf(page.getByRole('tab', { selected: true }), 'Invitations (1)');

    // With no contact person ticked the institution's own address is invited; withdrawn after asking.
    await page.getByRole('button', { name: 'Invite institution' }).click();
    await choose(page, dialog, 'Institution', 'Approbationsstelle', 'Approbation');
    await dialog.getByTestId('contact-choice').waitFor();
    await textOf(dialog, 'with none ticked it goes to the institution’s own address');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await textOf(page.getByTestId('confirmed-count'), '0 of 2');
    await page.getByRole('button', { name: /^Withdraw invitation of Approbationsstelle/ }).click();
    await page
      .getByRole('dialog', { name: 'Withdraw invitation' })
      .getByRole('button', { name: 'Withdraw' })
      .click();
    await textOf(page.getByTestId('confirmed-count'), '0 of 1');
    // Planned, with someone to invite: the invitations can go out (after a question).
    await page.getByTestId('action-send').click();
    await textOf(page.getByRole('dialog'), '1 invitation or update goes out by e-mail now');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it('keeps a series with its default invitees, and creates its next conference with them', async () => {
    await page.goto(`${env.server.baseUrl}/conferences/series`);
    await page.getByRole('button', { name: 'New series' }).click();
    dialog = page.getByRole('dialog', { name: 'New series' });
    await field(dialog, 'Title').fill('Pflege-Reihe Saar');
    await choose(page, dialog, 'Sector', 'Health and care');
    await choose(
      page,
      dialog,
      'Institutions invited by default',
      'Jobcenter Regionalverband',
      'Jobcenter Regional',
    );
    await page.keyboard.press('Escape');
    await dialog.getByRole('checkbox', { name: /Stefanie Marx/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('series').getByRole('row').filter({ hasText: 'Pflege-Reihe Saar' });
    await textOf(row, '3 a year, 120 min from 09:30');
    await textOf(row, 'Jobcenter Regionalverband Saarbrücken-Mitte');
    await row.getByRole('button', { name: 'Create next conference of Pflege-Reihe Saar' }).click();
    dialog = page.getByRole('dialog', { name: 'Create next conference' });
    expect(await field(dialog, 'Date').inputValue()).not.toBe('');
    await dialog.getByRole('button', { name: 'Create conference' }).click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    await textOf(page.getByTestId('conference-title'), 'Pflege-Reihe Saar');
    await textOf(page.getByTestId('invitations'), 'Stefanie Marx');
  });

  it('shows the time in the viewer’s zone, and the conference’s own beside it', async () => {
    const abroad = await env.browser.newContext({ locale: 'en-GB', timezoneId: 'America/New_York' });
    const far = await abroad.newPage();
    await logInInEnglish(far, 'aylin.demir@ifk-saar.example');
    await far.goto(conferenceUrl);
    const here = (await textOf(far.getByTestId('conference-time'), '–')).trim();
    expect(here).toMatch(/04:00–05:30 GMT-5$|05:00–06:30 GMT-4$/);
    await textOf(far.getByTestId('conference-own-time'), 'Europe/Berlin');
    expect(await far.getByTestId('conference-own-time').textContent()).toMatch(/10:00–11:30 (CET|CEST)/);
    // A counsellor sees the conference, but neither the lead's actions nor the packs.
    expect(await far.getByRole('button', { name: 'Invite institution' }).count()).toBe(0);
    expect(await far.getByRole('tab', { name: 'Packs' }).count()).toBe(0);
    await abroad.close();
  });

  it('screenshots the pages in German and English, on a desktop and a phone', async () => {
    for (const [language, switchTo] of [
      ['de', 'DE'],
      ['en', 'EN'],
    ] as const) {
      await page.goto(conferenceUrl);
      await page.getByTestId('language-switch').getByText(switchTo).click();
      for (const width of [1400, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${env.server.baseUrl}/conferences`);
        await page.getByTestId('conferences').waitFor();
        await snap(page, `conferences-list-${language}-${width}`);
        await page.goto(conferenceUrl);
        await page.getByTestId('conference-title').waitFor();
        await snap(page, `conference-page-${language}-${width}`);
      }
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  });
});

describe('the answer page of an invitation', () => {
  it('says plainly when its link does not work, in German and in English, on a phone', async () => {
    for (const [locale, expected] of [
      ['de-DE', 'Dieser Link funktioniert nicht'],
      ['en-GB', 'This link does not work'],
    ] as const) {
      const context = await env.browser.newContext({ locale, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(
        `${env.server.baseUrl}/rsvp/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/not-a-real-token-at-all`,
      );
      await textOf(page.getByTestId('rsvp-error'), expected);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await scrollsSideways(page)).toBe(false);
      await snap(page, `rsvp-invalid-${locale.slice(0, 2)}-390`);
      await page.setViewportSize({ width: 1400, height: 900 });
      await snap(page, `rsvp-invalid-${locale.slice(0, 2)}-1400`);
      await context.close();
    }
  });
});
