import fs from 'node:fs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/server/testing/pdf';
import { axeFindings, demoEnvironment, field, phoneContext } from './support';

/**
 * Issue 15's paperwork in the browser, as the demo's data protection officer: Datenschutz →
 * Dokumentation, the record of processing activities downloaded as PDF and as Markdown, each
 * naming the organisation and a retention period; the workspace and the paperwork on a phone (axe).
 * Then Aufbewahrung und Löschung: a period changed and kept, the deletion job run on demand, the
 * tab on a phone (axe); the admin keeps the periods but sees no deletion list.
 */
const env = demoEnvironment();
let context: BrowserContext;
let page: Page;
const DPO = 'thomas.weber@ifk-saar.example';
const ADMIN = 'admin@ifk-saar.example';

async function logIn(p: Page, email: string) {
  await p.goto(`${env.server.baseUrl}/login`);
  await field(p, 'E-Mail').fill(email);
  await field(p, 'Passwort').fill('lotse-demo-2026');
  await p.getByRole('button', { name: 'Anmelden' }).click();
  await p.waitForURL(`${env.server.baseUrl}/`);
}

async function download(p: Page, testId: string, name: string): Promise<Buffer> {
  const [file]: [Download, unknown] = await Promise.all([
    p.waitForEvent('download'),
    p.getByTestId(testId).getByRole('link', { name, exact: true }).click(),
  ]);
  return fs.readFileSync(await file.path());
}

beforeAll(async () => {
  context = await env.browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  await logIn(page, DPO);
}, 60_000);

afterAll(async () => {
  await context?.close();
});

describe("the dpo's paperwork", () => {
  it('downloads the record of processing activities as PDF and Markdown, from the real configuration', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Datenschutz' }).click();
    await page.getByRole('tab', { name: 'Dokumentation' }).click();
    await page.waitForURL(/\/privacy\/paperwork$/);
    const pdf = (await pdfText(await download(page, 'paperwork-processing-record', 'PDF'))).replace(
      /\s+/g,
      ' ',
    );
    expect(pdf).toContain('Verzeichnis von Verarbeitungstätigkeiten');
    expect(pdf).toContain('IFK Saar (Demo)');
    expect(pdf).toContain('3 Jahre');
    const md = (await download(page, 'paperwork-processing-record', 'Markdown')).toString('utf8');
    expect(md).toContain('# Verzeichnis von Verarbeitungstätigkeiten');
    expect(md).toContain('IFK Saar (Demo)');
    expect(md).toContain('| Beratungsdokumentation | 3 Jahre |');
  });

  it('shows the workspace and the paperwork on a phone without axe findings', async () => {
    const phone = await phoneContext(env.browser, env.server.baseUrl);
    const p = await phone.newPage();
    await logIn(p, DPO);
    await p.goto('/privacy/workspace');
    await p.getByRole('tab', { name: 'Weitergaben', exact: true }).waitFor();
    await p.getByText('Weitergaben je Institution').first().waitFor();
    expect(await axeFindings(p)).toEqual([]);
    for (const part of ['Einwilligungen', 'Zugriffe', 'Datenpanne']) {
      await p.getByRole('tab', { name: part, exact: true }).click();
      await p.waitForLoadState('networkidle');
      expect(await axeFindings(p), part).toEqual([]);
    }
    await p.getByRole('button', { name: 'Suchen' }).click();
    await p.getByText('Bitte eine Person oder ein Zeitfenster wählen.').waitFor();
    await p.goto('/privacy/paperwork');
    await p.getByTestId('paperwork-measures').waitFor();
    expect(await axeFindings(p)).toEqual([]);
    await phone.close();
  });

  it('changes a retention period, runs the deletion job now, and the tab passes axe on a phone', async () => {
    await page.goto(`${env.server.baseUrl}/privacy/retention`);
    const months = page.getByLabel('Beratungsdokumentation: Monate');
    await expect.poll(() => months.inputValue()).toBe('36');
    await months.fill('24');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert').first().waitFor();
    await page.reload();
    await expect.poll(() => months.inputValue()).toBe('24');
    await page.getByText('2 Jahre').first().waitFor();

    await page.getByRole('tab', { name: 'Löschliste' }).click();
    await page.getByTestId('retention-run').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Löschlauf jetzt starten' }).click();
    const result = page.getByTestId('retention-run-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(
      /Angekündigt: \d+ · zurückgenommen: \d+ · anonymisiert: \d+ · Dateien gelöscht: \d+/,
    );

    const phone = await phoneContext(env.browser, env.server.baseUrl);
    const p = await phone.newPage();
    await logIn(p, DPO);
    for (const part of ['', '?part=notices', '?part=proofs']) {
      await p.goto(`/privacy/retention${part}`);
      await p.getByRole('tab', { name: 'Löschnachweise' }).waitFor();
      await p.waitForLoadState('networkidle');
      expect(await axeFindings(p), part).toEqual([]);
    }
    await phone.close();
  });

  it('lets the admin keep the periods without the deletion list', async () => {
    const admin = await env.browser.newContext({
      baseURL: env.server.baseUrl,
      locale: 'de-DE',
      viewport: { width: 1400, height: 900 },
    });
    const p = await admin.newPage();
    await logIn(p, ADMIN);
    await p.goto('/privacy/retention');
    await expect.poll(() => p.getByLabel('Beratungsdokumentation: Monate').inputValue()).toBe('24');
    expect(await p.getByRole('tab', { name: 'Löschliste' }).count()).toBe(0);
    expect(await p.getByText('Löschlauf jetzt starten').count()).toBe(0);
    await admin.close();
  });
});
