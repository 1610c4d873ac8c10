import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInGermany } from '../../src/contracts/common';
import { pdfText } from '../../src/server/testing/pdf';
import { axeFindings, choose, demoEnvironment, field, phoneContext, typeDate } from './support';

/**
 * Issue 14's report screen in the browser, as the demo lead: a period picked by its date inputs,
 * the charts, the exports — and the figures in the XLSX and the PDF are those on the screen,
 * hidden cells included ("< 5" on all three) —, and the page and a drill-down on a phone (axe).
 */
const env = demoEnvironment();
let context: BrowserContext;
let page: Page;
const LEAD = 'miriam.kessler@ifk-saar.example';
// The demo's data lies in the last twelve months (its dates are relative to today).
const today = todayInGermany();
const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
const german = (iso: string) => iso.split('-').reverse().join('.');

/** Logs in through the German login page. */
async function logIn(p: Page, email: string) {
  await p.goto(`${env.server.baseUrl}/login`);
  await field(p, 'E-Mail').fill(email);
  await field(p, 'Passwort').fill('lotse-demo-2026');
  await p.getByRole('button', { name: 'Anmelden' }).click();
  await p.waitForURL(`${env.server.baseUrl}/`);
}

/** The rows of a table on the screen: the row's name and its figures (without the previous period's). */
const rowsOf = (table: string) =>
  page
    .getByTestId(`report-table-${table}`)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        (r.querySelector('th')?.textContent ?? '').trim(),
        ...[...r.querySelectorAll('[data-testid=report-cell]')].map((c) => (c.textContent ?? '').trim()),
      ]),
    );

/** A figure as a document prints it: a number without the screen's thousands separator, or "< 5" / "•". */
const plain = (v: unknown) => String(v).replace(/(\d)\.(?=\d{3}\b)/g, '$1');

async function download(name: string): Promise<Buffer> {
  const [file]: [Download, unknown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name, exact: true }).click(),
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
  await logIn(page, LEAD);
}, 60_000);

afterAll(async () => {
  await context?.close();
});

describe('the funder reports', () => {
  it('runs a report over a period typed into its date inputs, with a bar and a line chart', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Berichte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Berichte' }).waitFor();
    await typeDate(page, 'Von', german(from));
    await typeDate(page, 'Bis', german(today));
    await choose(page, page, 'Aufschlüsselung', 'Geschlecht');
    await page.waitForURL((url) => url.search.includes(`from=${from}`) && url.search.includes('by=gender'));
    await page.getByRole('heading', { level: 2, name: 'IQ-Beratungsbericht' }).waitFor();
    await page
      .getByTestId('report-facts')
      .getByText(`${german(from)} – ${german(today)}`)
      .waitFor();
    const bars = page.getByRole('img', { name: 'Beratene Personen nach Geschlecht' });
    const line = page.getByRole('img', { name: 'Beratungsgespräche je Monat' });
    for (const chart of [bars, line]) {
      await chart.waitFor();
      expect(await chart.locator('title').textContent()).toBeTruthy();
    }
    // The bars' spoken summary names each row with its figure as the table has it.
    const [female] = (await rowsOf('persons')).filter((r) => r[0] === 'Weiblich');
    const summary = await bars.locator('desc').textContent();
    expect(summary).toContain(`Weiblich: ${female?.[1]}`);
  });

  it('exports XLSX and PDF holding the figures on the screen, hidden cells as "< 5"', async () => {
    const total = (await rowsOf('persons')).find((r) => r[0] === 'Insgesamt') ?? [];
    expect(total.length).toBe(4);
    // A row of the screen with a hidden cell in it, and its table's title.
    let hidden: { title: string; row: string[] } | undefined;
    for (const section of await page.locator('[data-testid^="report-table-"]').all()) {
      const id = ((await section.getAttribute('data-testid')) ?? '').replace('report-table-', '');
      const row = (await rowsOf(id)).find((r) => r.includes('< 5'));
      if (row) hidden ??= { title: (await section.getByRole('heading').textContent()) ?? '', row };
    }
    if (!hidden) throw new Error('the demo report hides no cell');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await download('Als XLSX')).buffer);
    const sheetRows = (title: string) => {
      const sheet = book.worksheets.find((s) => s.getCell('A1').value === title);
      return (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1).map(plain));
    };
    expect(sheetRows('Beratene Personen')).toContainEqual(total.map(plain));
    expect(sheetRows(hidden.title)).toContainEqual(hidden.row.map(plain));

    const text = await pdfText(await download('Als PDF'));
    expect(text).toContain('IQ-Beratungsbericht');
    const inSequence = (row: string[]) =>
      new RegExp(row.map((v) => plain(v).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'));
    expect(text).toMatch(inSequence(total));
    expect(text).toMatch(inSequence(hidden.row));
  });

  it('has no axe findings on a phone, nor in the audited list of the cases behind a cell', async () => {
    const phone = await phoneContext(env.browser, env.server.baseUrl);
    const p = await phone.newPage();
    await logIn(p, LEAD);
    await p.goto(`/reports?from=${from}&to=${today}&by=gender`);
    await p.getByRole('img', { name: 'Beratene Personen nach Geschlecht' }).waitFor();
    expect(await axeFindings(p)).toEqual([]);
    // A figure is a button for the lead: the dialog lists the cases behind it and says it is logged.
    await p
      .getByTestId('report-table-persons')
      .getByRole('button', { name: /Weiblich · Beratene Personen/ })
      .click();
    const dialog = p.getByRole('dialog', { name: /^Fälle: Weiblich · Beratene Personen/ });
    await dialog.getByText('Protokoll', { exact: false }).waitFor();
    await dialog
      .getByRole('link', { name: /^[A-Z]/ })
      .first()
      .waitFor();
    expect(await dialog.getByRole('link', { name: 'Pseudonymisiert als XLSX' }).getAttribute('href')).toMatch(
      /^\/api\/reports\/cases\.xlsx\?.*table=persons&row=female&column=persons_counselled&lang=de$/,
    );
    expect(await axeFindings(p)).toEqual([]);
    await phone.close();
  });
});
