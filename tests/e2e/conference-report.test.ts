import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stages } from '../../src/contracts/clients';
import { openDatabase } from '../../src/server/db/client';
import { pdfText } from '../../src/server/testing/pdf';
import { launchBrowser, logIn, type RunningServer, snap, startDemoServer, textOf } from './support';

/**
 * The conference report in the browser, as issue 12 asks: the lead opens it, reads the chart by
 * its accessible name and summary, exports XLSX and PDF, and the XLSX holds the figures on the screen.
 * The demo's conference lies ahead; the data dir is given a past, held conference with commitments
 * in every state, a case that moved on and a pathway (what live mode and the commitments list
 * will write), between two starts of the demo server.
 */
let dataDir: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const LEAD = 'miriam.kessler@ifk-saar.example';

/** The demo's upcoming conference, held 30 days ago instead, with six commitments, a stage move and a followed pathway. */
async function giveTheDemoAPast(dir: string) {
  // The app keeps PGlite's files in DATA_DIR/pglite (server/main.ts).
  const { db, close } = await openDatabase({ dataDir: path.join(dir, 'pglite') });
  try {
    const run = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
      (await db.execute<T>(q)).rows;
    const [c] = await run<{ id: string; organisation_id: string; sector_id: string }>(
      sql`UPDATE conferences SET starts_at = now() - interval '30 days', status = 'held' WHERE status = 'invited' RETURNING id, organisation_id, sector_id`,
    );
    if (!c) throw new Error('the demo has no conference');
    const invited = await run<{ id: string }>(
      sql`SELECT DISTINCT institution_id AS id FROM conference_invitations WHERE conference_id = ${c.id} ORDER BY 1`,
    );
    const states: [number, string, number, string | null][] = [
      [0, 'done', -20, '-22'],
      [0, 'open', -3, null],
      [1, 'open', 14, null],
      [1, 'done', -10, '-5'],
      [2, 'dropped', -8, '-9'],
      [3, 'open', -1, null],
    ];
    for (const [i, status, due, reported] of states)
      await run(sql`INSERT INTO commitments (organisation_id, conference_id, institution_id, action, due_date, status, reported_on)
        VALUES (${c.organisation_id}, ${c.id}, ${invited[i]?.id}, 'Prüft den Antrag', current_date + ${due}::int, ${status},
          ${reported === null ? null : sql`current_date + ${Number(reported)}::int`})`);
    const [n] = await run<{ client_id: string; stage: string }>(
      sql`SELECT n.client_id, cl.stage FROM conference_nominations n JOIN clients cl ON cl.id = n.client_id
        WHERE n.conference_id = ${c.id} ORDER BY n.position LIMIT 1`,
    );
    if (!n) throw new Error('the demo conference has no case');
    const next = stages[stages.indexOf(n.stage as (typeof stages)[number]) + 1] ?? 'placed';
    await run(sql`INSERT INTO case_transitions (organisation_id, client_id, from_stage, to_stage)
      VALUES (${c.organisation_id}, ${n.client_id}, ${n.stage}, ${next})`);
    await run(sql`UPDATE clients SET stage = ${next} WHERE id = ${n.client_id}`);
    const [p] = await run<{
      id: string;
    }>(sql`INSERT INTO pathways (organisation_id, sector_id, title, occupation_group, conference_id, adopted_at)
      VALUES (${c.organisation_id}, ${c.sector_id}, 'Pflege mit Defizitbescheid', 'Pflegefachkräfte', ${c.id}, now()) RETURNING id`);
    await run(sql`INSERT INTO objectives (organisation_id, client_id, text, pathway_id)
      VALUES (${c.organisation_id}, ${n.client_id}, 'Anerkennung', ${p?.id})`);
    for (const done of [true, true, false])
      await run(sql`INSERT INTO next_steps (organisation_id, client_id, text, pathway_id, done_at)
        VALUES (${c.organisation_id}, ${n.client_id}, 'Schritt', ${p?.id}, ${done ? sql`now()` : null})`);
  } finally {
    await close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-report-'));
  await (await startDemoServer({ DATA_DIR: dataDir })).stop();
  await giveTheDemoAPast(dataDir);
  server = await startDemoServer({ DATA_DIR: dataDir });
  browser = await launchBrowser();
  context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  await logIn(page, server.baseUrl, LEAD);
  await page.getByTestId('language-switch').getByText('EN').click();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The rows of a table on the screen, cell by cell. */
async function tableRows(testId: string) {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
}

async function download(name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { name: file.suggestedFilename(), data: fs.readFileSync(await file.path()) };
}

describe('the conference report', () => {
  it('opens from the conferences page for the lead, with the chart named and summarised', async () => {
    await page.goto(`${server.baseUrl}/conferences`);
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Conference report' }).waitFor();
    const chart = page.getByRole('img', { name: 'Commitments by institution and state' });
    await chart.waitFor();
    const summary = await chart.evaluate((svg) => {
      const id = svg.getAttribute('aria-describedby') ?? '';
      return document.getElementById(id)?.textContent ?? '';
    });
    // The figures the screen shows are the API's for the same scope (the last 12 months): the demo's
    // own held conferences and the one this test gave a past.
    const report = (await (await page.request.get(`${server.baseUrl}/api/conference-report`)).json()) as {
      totals: { commitments: Record<string, number> };
    };
    const c = report.totals.commitments;
    expect(summary).toContain(
      `made ${c.made} commitments: ${c.doneOnTime} done on time, ${c.doneLate} done late, ${c.openNotDue} open and not yet due, ${c.overdue} overdue, ${c.dropped} dropped`,
    );
    await textOf(page.getByTestId('report-pathways'), '2 of 3');
    for (const language of ['EN', 'DE']) {
      await page.getByTestId('language-switch').getByText(language).click();
      for (const width of [1400, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await snap(page, `conference-report-${language.toLowerCase()}-${width}`);
      }
    }
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('is clean for axe (WCAG 2.1 A/AA) with its chart and tables, wide and at 390 px', async () => {
    await page.evaluate(fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, `at ${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('exports an XLSX that holds the figures on the screen, and a PDF', async () => {
    const report = (await (await page.request.get(`${server.baseUrl}/api/conference-report`)).json()) as {
      commitmentsByInstitution: unknown[];
    };
    // The language switches of the first test re-read the report; wait for the table to be back.
    await expect
      .poll(async () => (await tableRows('report-commitments')).length)
      .toBe(report.commitmentsByInstitution.length + 1); // the institutions and the total
    const onScreen = await tableRows('report-commitments');
    const xlsx = await download('Export XLSX');
    expect(xlsx.name).toMatch(/^conference-report-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.data).buffer);
    const sheet = (book.getWorksheet('Commitments')?.getSheetValues() ?? []).filter(Boolean);
    const inFile = sheet.slice(2).map((row) => (row as unknown[]).slice(1).map(String));
    expect(inFile.map((r) => r.slice(1))).toEqual(onScreen.map((r) => r.slice(1)));
    expect(inFile.slice(0, -1).map((r) => r[0])).toEqual(onScreen.slice(0, -1).map((r) => r[0]));
    const pdf = await download('Export PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    const text = await pdfText(pdf.data);
    expect(text).toContain('Donor conference report');
    expect(text).toContain('Commitments by institution and state');
  });

  it("shows one conference's report in its Report tab", async () => {
    await page.goto(`${server.baseUrl}/conferences?when=past`);
    await page.getByTestId('conferences').getByRole('link').first().click();
    await page.getByRole('tab', { name: 'Report' }).click();
    await page.getByRole('img', { name: 'Commitments by institution and state' }).waitFor();
    expect(await page.getByRole('link', { name: 'Export PDF' }).getAttribute('href')).toMatch(
      /^\/api\/conference-report\.pdf\?conferenceId=[0-9a-f-]{36}&lang=en$/,
    );
  });
});
