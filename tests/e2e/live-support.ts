/** Live mode in a browser, for the tests that sit at the table: who is logged in, and how they type. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SessionResponse } from '../../src/contracts/auth';
import { DEMO_PASSWORD } from './support';

export type Who = { context: BrowserContext; page: Page; csrf: string };

/** A browser of the demo user, logged in, in English. */
export async function browserOf(
  browser: Browser,
  baseURL: string,
  email: string,
  width = 1400,
): Promise<Who> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    viewport: { width, height: 1000 },
  });
  const login = await context.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  const { csrfToken } = (await login.json()) as SessionResponse;
  await context.request.patch('/api/auth/me', {
    data: { language: 'en' },
    headers: { 'x-csrf-token': csrfToken },
  });
  return { context, page: await context.newPage(), csrf: csrfToken };
}

export const connection = (w: Who) => w.page.getByTestId('live-connection');
export const entries = (w: Who) => w.page.getByTestId('live-entry-text-shown');
export const composer = (w: Who) => w.page.getByTestId('live-entry-text');

/** Adds an entry the way the minute-taker does: type, Ctrl+Enter. */
export async function write(w: Who, text: string) {
  await composer(w).fill(text);
  await composer(w).press('Control+Enter');
}

/** How long until the text shows in the other browser (an observation, not a limit). */
export async function shownAfter(w: Who, text: string, started: number) {
  await entries(w).filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  return Date.now() - started;
}

/** A commitment by keyboard alone: pick the institution, type the rest, Ctrl+Enter. */
export async function addCommitmentByKeyboard(
  w: Who,
  action: string,
  options: { institution?: string; dueInDays?: number } = {},
) {
  const form = w.page.getByTestId('live-commitment-form');
  const institution = /^Institution/;
  await form
    .getByRole('textbox', { name: institution })
    .or(form.getByRole('combobox', { name: institution }))
    .first()
    .focus();
  await w.page.keyboard.type(options.institution ?? 'Jobcenter');
  await w.page.keyboard.press('ArrowDown');
  await w.page.keyboard.press('Enter');
  await w.page.keyboard.press('Tab');
  await w.page.keyboard.type('Frau Vogt');
  await w.page.keyboard.press('Tab');
  await w.page.keyboard.type(action);
  await w.page.keyboard.press('Tab');
  await w.page.keyboard.type(
    new Date(Date.now() + (options.dueInDays ?? 21) * 86_400_000).toISOString().slice(0, 10),
  );
  await w.page.keyboard.press('Control+Enter');
  await expect.poll(() => form.getByRole('textbox', { name: /^What will be done/ }).inputValue()).toBe('');
}
