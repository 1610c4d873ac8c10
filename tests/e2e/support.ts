import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

export const DEMO_PASSWORD = 'lotse-demo-2026';

/** What `startDemoServer` sets: the demo organisation, its admin and the demo seed. */
export const DEMO_ENV: Readonly<Record<string, string>> = {
  LOTSE_ADMIN_EMAIL: 'admin@ifk-saar.example',
  LOTSE_ADMIN_PASSWORD: DEMO_PASSWORD,
  LOTSE_ORG_NAME: 'IFK Saar (Demo)',
  LOTSE_DEMO: '1',
};

/**
 * The demo data dir that tests/e2e/global-setup.ts seeded once for the whole run (only with
 * LOTSE_E2E_SEED_ONCE=1, as CI sets it): a server with exactly the demo settings (and perhaps a
 * DATA_DIR of its own) starts on a copy of it instead of seeding the demo again, which is most of
 * a demo start. Any other setting (a mail server, say) could change what the first start stores,
 * so such a server seeds its own.
 */
function demoTemplateFor(env: Record<string, string>): string | null {
  const template = inject('demoTemplate');
  if (!template) return null;
  const keys = Object.keys(env).filter((k) => k !== 'DATA_DIR');
  const demo = keys.length === Object.keys(DEMO_ENV).length && keys.every((k) => env[k] === DEMO_ENV[k]);
  return demo ? template : null;
}

/**
 * Starts Lotse like `npm start` does, on a free port and a temporary data dir (or env.DATA_DIR);
 * a new data dir starts as a copy of `template` when there is one.
 */
export async function startServer(
  env: Record<string, string> = {},
  template: string | null = demoTemplateFor(env),
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const target = env.DATA_DIR ?? dataDir;
  const empty = !fs.existsSync(target) || fs.readdirSync(target).length === 0;
  if (template && empty) fs.cpSync(template, target, { recursive: true });
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      BASE_URL: baseUrl,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    const ok = await fetch(`${baseUrl}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    dataDir,
    output: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves a screenshot under tests/e2e/artifacts for a human to look at. */
export async function snap(page: import('playwright-core').Page, name: string) {
  const dir = path.join(root, 'tests/e2e/artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Waits until the locator's text contains the expected text (or fails after the timeout). */
export async function textOf(locator: import('playwright-core').Locator, expected: string, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last =
      (await locator
        .first()
        .textContent()
        .catch(() => '')) ?? '';
    if (last.includes(expected)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected text "${expected}", found "${last.slice(0, 300)}"`);
}

/** A text input by its visible label (Mantine adds " *" to required ones). */
export function field(
  scope: import('playwright-core').Page | import('playwright-core').Locator,
  label: string,
) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByRole('textbox', { name: new RegExp(`^${escaped}\\s*\\*?$`) });
}

type Scope = import('playwright-core').Page | import('playwright-core').Locator;

/** Chooses an option of a Mantine Select / MultiSelect by its label. */
export async function choose(
  page: import('playwright-core').Page,
  scope: Scope,
  label: string,
  option: string,
  search?: string,
) {
  const name = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
  const input = scope.getByRole('textbox', { name }).or(scope.getByRole('combobox', { name })).first();
  const target = page.getByRole('option', { name: option, exact: false }).first();
  // A MultiSelect with chosen values hides its input behind the pills: open it from the keyboard then.
  await input.click({ timeout: 3000 }).catch(async () => {
    await input.focus();
    await page.keyboard.press('ArrowDown');
  });
  if (search) await input.fill(search);
  if (!(await target.isVisible().catch(() => false))) {
    await input.focus();
    await page.keyboard.press('ArrowDown');
  }
  await target.click();
}

/** Types a date into a Mantine DateInput (display format of the interface language). */
export async function typeDate(scope: Scope, label: string, value: string) {
  const input = field(scope, label);
  await input.fill(value);
  await input.press('Tab');
}

/** Lotse with the demo organisation (every demo login shares the admin's password). */
export function startDemoServer(env: Record<string, string> = {}) {
  return startServer({ ...DEMO_ENV, ...env });
}

/** Logs in through the login page (English labels) and waits for the home page. */
export async function logIn(page: import('playwright-core').Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await field(page, 'E-mail').fill(email);
  await field(page, 'Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** Saves the open dialog and waits until it has closed. */
export async function saveDialog(page: import('playwright-core').Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Answers a dialog's "Discard changes?" (asked when it closes with changes) with Discard. */
export async function discardChanges(page: import('playwright-core').Page) {
  await page
    .getByRole('dialog', { name: 'Discard changes?' })
    .getByRole('button', { name: 'Discard' })
    .click();
}

/** A demo server and a browser for the tests of one file, started before and stopped after them. */
export function demoEnvironment() {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startDemoServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/**
 * What axe (WCAG 2.0/2.1 A and AA) finds in the page as it is now, or in the part `within` names:
 * one line per rule and where, so that a failure says what to fix.
 */
export async function axeFindings(page: import('playwright-core').Page, within = 'body'): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const source = path.join(root, 'node_modules/axe-core/axe.min.js');
    await page.evaluate(fs.readFileSync(source, 'utf8'));
  }
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const result = await axe.run(selector, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, within);
}

/** A German phone (390 × 844, Berlin time) on the server, as partners open the portal. */
export function phoneContext(browser: Browser, baseURL: string) {
  return browser.newContext({
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 390, height: 844 },
    acceptDownloads: true,
  });
}
