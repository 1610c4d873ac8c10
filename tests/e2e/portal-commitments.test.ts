import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client';
import { hashPassword } from '../../src/server/lib/secrets';
import { recipientOf, startMailServer, type TestMailServer } from '../../src/server/testing/smtp';
import {
  DEMO_PASSWORD,
  field,
  launchBrowser,
  type RunningServer,
  snap,
  startDemoServer,
  textOf,
} from './support';

/**
 * Issue 13's "a commitment of mine", on a phone: the job centre's partner gets the reminder of a
 * commitment due the day after tomorrow by mail (a real SMTP server), opens its link, logs in
 * with password and second factor, lands on that commitment, reports it done by keyboard and finds
 * it under "Done"; axe finds nothing on the list and the report dialog. The partner is added to
 * the demo's data dir between two starts (the demo has no partner yet); the second factor's secret
 * is stored plain, as before secrets were sealed, and the start seals it (auth/totp.ts).
 */
const AXE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);
const JOBCENTRE = 'Jobcenter Regionalverband Saarbrücken-Mitte';
const ACTION = 'Ansprechperson für Pflegeberufe im Jobcenter benennen';
const PARTNER = 'jana.portal@jobcenter-saar.example';
const secret = new Secret({ size: 20 }).base32;

let dataDir: string;
let mail: TestMailServer;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let commitmentId: string;
const inbox: ParsedMail[] = [];

/** The job centre's partner (password and second factor set), and the commitment's reminder made due again. */
async function addPartner(dir: string) {
  const { db, close } = await openDatabase({ dataDir: path.join(dir, 'pglite') });
  try {
    const run = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
      (await db.execute<T>(q)).rows;
    const [jc] = await run<{ id: string; organisation_id: string }>(
      sql`SELECT id, organisation_id FROM institutions WHERE name = ${JOBCENTRE}`,
    );
    if (!jc) throw new Error('the demo has no job centre');
    const [user] = await run<{ id: string }>(sql`INSERT INTO users
        (organisation_id, email, name, roles, language, status, password_hash, totp_secret)
      VALUES (${jc.organisation_id}, ${PARTNER}, 'Jana Portal', ARRAY['partner'], 'de', 'active',
        ${await hashPassword(DEMO_PASSWORD)}, ${secret}) RETURNING id`);
    await run(sql`INSERT INTO partner_memberships (organisation_id, user_id, institution_id)
      VALUES (${jc.organisation_id}, ${user?.id}, ${jc.id})`);
    // The first start (without a mail server) put its reminder in the outbox: due once more.
    const [c] = await run<{ id: string }>(
      sql`UPDATE commitments SET reminded_before_at = NULL WHERE action = ${ACTION} RETURNING id`,
    );
    commitmentId = c?.id ?? '';
    // The hourly run is due again at once, not an hour after the first start.
    await run(sql`UPDATE jobs SET run_at = now() WHERE kind = 'commitments.reminders'`);
  } finally {
    await close();
  }
}

/** Mail as it arrives, kept; waits until one matches. */
async function mailWhere(match: (m: ParsedMail) => boolean, timeout = 60_000): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    inbox.push(...mail.take());
    const found = inbox.filter(match);
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs axe on the page or the open dialog; answers what it found, one line each. */
async function axe(scope: 'document' | '[role="dialog"]') {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  await page.waitForTimeout(300); // a dialog's opening transition, whose half-faded text axe would measure
  return page.evaluate(async (where) => {
    const run = (window as unknown as { axe: typeof import('axe-core') }).axe.run;
    const result = await run(where === 'document' ? document : where, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, scope);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-portal-'));
  await (await startDemoServer({ DATA_DIR: dataDir })).stop();
  await addPartner(dataDir);
  mail = await startMailServer();
  server = await startDemoServer({
    DATA_DIR: dataDir,
    SMTP_URL: mail.url,
    MAIL_FROM: 'Lotse <lotse@ifk-saar.example>',
  });
  browser = await launchBrowser();
  context = await browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 390, height: 844 },
  });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mail?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a partner’s commitment, from the reminder mail to “done”', () => {
  let link = '';

  it('mails the partner once, with a link straight to the commitment and nothing of a client', async () => {
    const [reminder, ...more] = await mailWhere(
      (m) => recipientOf(m) === PARTNER && /^Erinnerung: Zusage/.test(m.subject ?? ''),
    );
    expect(more).toEqual([]);
    const text = reminder?.text ?? '';
    expect(text).toContain('Guten Tag Jana Portal,');
    expect(text).toContain(ACTION);
    link = /Zur Zusage in Lotse: (\S+)/.exec(text)?.[1] ?? '';
    expect(link).toBe(`${server.baseUrl}/portal/commitments/${commitmentId}`);
  });

  it('opens the link, asks for login and second factor, and comes back to the commitment', async () => {
    await page.goto(link);
    await page.waitForURL(`${server.baseUrl}/login`);
    await field(page, 'E-Mail').fill(PARTNER);
    await field(page, 'Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await field(page, 'Code aus Ihrer Authenticator-App').fill(
      new TOTP({ secret, digits: 6, period: 30 }).generate(),
    );
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(link);
    await page.getByRole('heading', { level: 1, name: ACTION }).waitFor();
    await textOf(page.getByTestId('due'), '.12.');
    await snap(page, 'portal-commitment-390-de');
  });

  it('reports it done by keyboard', async () => {
    await page.getByRole('button', { name: 'Melden', exact: true }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Zusage melden' });
    await dialog.waitFor();
    expect(await axe('[role="dialog"]')).toEqual([]);
    await snap(page, 'portal-report-dialog-390-de');
    // The focus is on the choice, "Erledigt"; the note next, then on to the button that sends it.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe('done');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Frau Weber ist ab sofort Ansprechperson.');
    for (let i = 0; i < 8; i++) {
      if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'report-save')
        break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await textOf(page.getByText(/^Erledigt gemeldet am/), 'rechtzeitig');
    expect(await page.getByRole('button', { name: 'Melden', exact: true }).count()).toBe(0);
  });

  it('finds it under “Done”, and axe finds nothing on the list', async () => {
    await page.getByRole('link', { name: 'Alle Zusagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihre Zusagen' }).waitFor();
    await page.getByTestId('show').getByText('Erledigt', { exact: true }).click();
    await page.waitForURL(/status=done/);
    const card = page.getByTestId('portal-commitment').filter({ hasText: ACTION });
    await textOf(card, 'Notiz: Frau Weber ist ab sofort Ansprechperson.');
    expect(await axe('document')).toEqual([]);
    await snap(page, 'portal-commitments-done-390-de');
    await page.getByTestId('show').getByText('Alle', { exact: true }).click();
    await page.waitForURL(/status=all/);
    // Overdue first: the demo's job centre has one, four days past its due date.
    await textOf(page.getByTestId('portal-commitment').first().getByTestId('due'), 'Seit 4 Tagen überfällig');
    await snap(page, 'portal-commitments-all-390-de');
  });

  it('reads the same in English and on a wide screen', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await snap(page, 'portal-commitments-all-1400-de');
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { level: 1, name: 'Your commitments' }).waitFor();
    expect(await axe('document')).toEqual([]);
    await snap(page, 'portal-commitments-all-1400-en');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('show').getByText('Open', { exact: true }).click();
    await page.getByTestId('portal-commitment').first().waitFor();
    await snap(page, 'portal-commitments-open-390-en');
    await page
      .getByRole('button', { name: /^Report: / })
      .first()
      .click();
    await page.getByRole('dialog', { name: 'Report on a commitment' }).waitFor();
    expect(await axe('[role="dialog"]')).toEqual([]);
    await snap(page, 'portal-report-dialog-390-en');
  });
});
