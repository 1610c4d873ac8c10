/**
 * The first page a user waits for: scripts come compressed, each page fetches only its own chunks
 * and only the texts of the language shown, and a change of language fetches the other texts
 * without a reload and without a moment of raw keys. Budgets of issue 10: the login page at most
 * 150 kB of compressed JavaScript, a lead's dashboard at most 250 kB.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEnvironment, field } from './support';

const env = demoEnvironment();

/** Records the scripts a page fetches: their path, encoding and size as sent. */
function scriptsOf(page: Page) {
  const scripts: { path: string; encoding: string; bytes: number }[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    const headers = res.headers();
    scripts.push({
      path: new URL(res.url()).pathname,
      encoding: headers['content-encoding'] ?? 'identity',
      bytes: Number(headers['content-length']),
    });
  });
  return {
    scripts,
    kB: () => scripts.reduce((n, s) => n + s.bytes, 0) / 1000,
    fetched: (pattern: RegExp) => scripts.some((s) => pattern.test(s.path)),
  };
}

/** A translation key on screen (`home.greeting`, `nav.cases`) means its texts were not there. */
async function expectNoRawKeys(page: Page) {
  const text = await page.locator('#root').textContent();
  expect(text ?? '').not.toMatch(/\b(?:common|nav|home|auth|clients|errors|enums|validation)\.[a-z]\w*/);
}

async function freshPage(locale: string) {
  const context = await env.browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  return context.newPage();
}

describe('the weight of the first page', () => {
  it('sends the login page compressed, in one language, within 150 kB of scripts', async () => {
    const page = await freshPage('de-DE');
    const seen = scriptsOf(page);
    await page.goto(`${env.server.baseUrl}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
    expect(seen.scripts.length).toBeGreaterThan(0);
    expect(seen.scripts.filter((s) => s.encoding !== 'br')).toEqual([]);
    expect(seen.kB()).toBeLessThanOrEqual(150);
    expect(seen.fetched(/texts-de-/)).toBe(true);
    expect(seen.fetched(/texts-en/)).toBe(false);
    // Neither the logged-in area nor any other page is fetched before it is opened.
    expect(seen.fetched(/\/(layout|HomePage|CasesPage)-/)).toBe(false);
    await expectNoRawKeys(page);
    await page.context().close();
  });

  it('loads a lead’s dashboard within 250 kB, and switches its language without a reload', async () => {
    const page = await freshPage('de-DE');
    const seen = scriptsOf(page);
    await page.goto(`${env.server.baseUrl}/login`);
    await field(page, 'E-Mail').fill('miriam.kessler@ifk-saar.example');
    await field(page, 'Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: /^Willkommen/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(seen.kB()).toBeLessThanOrEqual(250);
    expect(seen.fetched(/texts-en/)).toBe(false);
    await expectNoRawKeys(page);

    const before = seen.scripts.length;
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await expectNoRawKeys(page);
    expect(seen.scripts.slice(before).map((s) => s.path.replace(/-[\w-]{8}\.js$/, ''))).toEqual(
      expect.arrayContaining(['/assets/texts-en', '/assets/texts-en-app']),
    );
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );

    // Another page's chunk comes when it is opened, in the language now shown.
    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await expectNoRawKeys(page);
    expect(seen.fetched(/\/CasesPage-/)).toBe(true);
    await page.context().close();
  });
});
