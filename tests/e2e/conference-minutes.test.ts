import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/contracts/auth';
import type { ConferenceMinutes } from '../../src/contracts/conferences-minutes';
import { pdfText } from '../../src/server/testing/pdf';
import { demoEnvironment, field, logIn, snap, textOf } from './support';

/**
 * The minutes of the demo's held conference in the browser: the lead opens the minutes tab,
 * edits an item (the dialog keeps what was typed, and keeps it again when someone else saved
 * meanwhile), previews an institution's copy and publishes; afterwards it is read-only.
 */
const env = demoEnvironment();
const AXE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);
let context: BrowserContext;
let page: Page;
let id = '';
const minutesUrl = () => `${env.server.baseUrl}/conferences/${id}?tab=minutes`;

beforeAll(async () => {
  context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  await logIn(page, env.server.baseUrl, 'miriam.kessler@ifk-saar.example');
  await page.getByTestId('language-switch').getByText('EN').click();
  const held = await (
    await page.request.get(`${env.server.baseUrl}/api/conferences?when=past&status=held`)
  ).json();
  id = held.items[0]?.id;
  expect(id).toBeTruthy();
});

/** axe on the page as it is (WCAG 2.1 A and AA): nothing found. */
async function axeClean(where: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(found, where).toEqual([]);
}

const item = (n: number) => page.getByTestId('minutes-item').nth(n);

describe('the minutes of a held conference', () => {
  it('shows each item drafted from live mode, with its commitments and who receives it how', async () => {
    await page.goto(minutesUrl());
    await textOf(page.getByRole('tab', { selected: true }), 'Minutes');
    await textOf(item(0), 'Open commitments from earlier conferences');
    await textOf(item(0), 'Alle Zusagen der Herbstkonferenz sind erledigt.');
    await textOf(item(1), 'Beschlüsse:');
    await textOf(item(1), 'Bildungsgutschein');
    await textOf(item(1), 'Draft from live mode');
    await textOf(page.getByTestId('minutes-recipients'), 'Jobcenter Regionalverband Saarbrücken-Mitte');
    await page.waitForTimeout(300);
    await axeClean('the minutes tab');
  });

  it('edits an item: Escape asks before discarding, and the text typed stays', async () => {
    await item(1)
      .getByRole('button', { name: /^Edit the minutes of/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Edit the minutes of/ });
    const text = field(dialog, 'Minutes of this item');
    await text.fill('Beschlüsse:\n– Bildungsgutschein wird ausgestellt (bearbeitet).');
    await page.waitForTimeout(300);
    await axeClean('the edit dialog');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: 'Discard changes?' });
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    expect(await text.inputValue()).toContain('(bearbeitet)');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await textOf(item(1), 'Bildungsgutschein wird ausgestellt (bearbeitet).');
    await textOf(item(1).getByTestId('minutes-state'), 'Edited by Dr. Miriam Kessler');
  });

  it('keeps the text typed when someone else saved meanwhile, and shows theirs', async () => {
    await item(2)
      .getByRole('button', { name: /^Edit the minutes of/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Edit the minutes of/ });
    await field(dialog, 'Minutes of this item').fill('Meine Fassung.');
    // A colleague saves the same item first.
    const m = (await (
      await page.request.get(`${env.server.baseUrl}/api/conferences/${id}/minutes`)
    ).json()) as ConferenceMinutes;
    const { csrfToken } = (await (
      await page.request.get(`${env.server.baseUrl}/api/auth/session`)
    ).json()) as SessionResponse;
    const target = m.items[2];
    const theirs = await page.request.put(
      `${env.server.baseUrl}/api/conferences/${id}/minutes/${target?.item}`,
      {
        data: { text: 'Fassung der Kollegin.', version: target?.version },
        headers: { 'x-csrf-token': csrfToken },
      },
    );
    expect(theirs.ok()).toBe(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await textOf(dialog.getByTestId('theirs'), 'Fassung der Kollegin.');
    expect(await field(dialog, 'Minutes of this item').inputValue()).toBe('Meine Fassung.');
    await snap(page, 'minutes-conflict-en-1400');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await textOf(item(2), 'Meine Fassung.');
  });

  it('previews an institution’s copy as a PDF with only what it may receive', async () => {
    const link = page
      .getByRole('link', { name: 'Preview PDF for Jobcenter Regionalverband Saarbrücken-Mitte' })
      .first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/minutes\.pdf\?institutionId=/);
    const res = await page.request.get(`${env.server.baseUrl}${href}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(await res.body());
    expect(text).toContain('Protokoll für Jobcenter Regionalverband Saarbrücken-Mitte');
    expect(text).toContain('Anonymisierter Fall');
  });

  it('publishes after listing the recipients; then the minutes are read-only', async () => {
    for (const [language, width] of [
      ['en', 1400],
      ['en', 390],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await snap(page, `minutes-${language}-${width}`);
    }
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByTestId('publish-minutes').click();
    const dialog = page.getByRole('dialog', { name: 'Publish minutes' });
    await textOf(dialog.getByTestId('publish-recipients'), 'Jobcenter Regionalverband Saarbrücken-Mitte');
    await axeClean('the publish question');
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await dialog.waitFor({ state: 'detached' });
    await textOf(page.getByTestId('minutes-published'), 'by Dr. Miriam Kessler');
    await textOf(page.getByTestId('conference-status'), 'Minutes published');
    expect(await page.getByRole('button', { name: /^Edit the minutes of/ }).count()).toBe(0);
    expect(await page.getByTestId('publish-minutes').count()).toBe(0);
    await textOf(page.getByTestId('minutes-recipients'), 'Waiting to be sent');
    await page.getByTestId('language-switch').getByText('DE').click();
    await textOf(page.getByTestId('minutes-published'), 'Veröffentlicht');
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await snap(page, `minutes-published-de-${width}`);
    }
  });
});
