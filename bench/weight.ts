import { type Browser, chromium, type Page } from 'playwright-core';
import { startLotse, tempDir } from './lib';

/** The demo organisation; its users share the admin's password (src/server/demo/seed.ts). */
const DEMO = { email: 'admin@ifk-saar.example', password: 'lotse-demo-2026' };
const LEAD = 'miriam.kessler@ifk-saar.example';

export interface PageWeight {
  page: string;
  /** Bytes on the wire (headers and compressed body, as Chromium's encodedDataLength counts them). */
  js: number;
  css: number;
  /** Bytes after decompression, what the browser parses. */
  decodedJs: number;
  decodedCss: number;
  requests: number;
  /** Content-Encoding of the scripts and styles as served (e.g. `br`, or `identity`). */
  encodings: string[];
}

interface Seen {
  kind: 'js' | 'css' | 'other';
  encoding: string;
  wire: number;
  decoded: number;
}

/**
 * Loads one page in a fresh browser context (empty cache) and sums what the network carried for
 * scripts and styles, from the DevTools protocol's own counters: `loadingFinished.encodedDataLength`
 * (on the wire) and `dataReceived.dataLength` (decoded).
 */
async function weigh(page: Page, name: string, open: () => Promise<void>): Promise<PageWeight> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Map<string, Seen>();
  cdp.on('Network.responseReceived', (e) => {
    const kind = e.type === 'Script' ? 'js' : e.type === 'Stylesheet' ? 'css' : 'other';
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    seen.set(e.requestId, {
      kind,
      encoding: String(headers['content-encoding'] ?? 'identity'),
      wire: 0,
      decoded: 0,
    });
  });
  cdp.on('Network.dataReceived', (e) => {
    const s = seen.get(e.requestId);
    if (s) s.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = seen.get(e.requestId);
    if (s) s.wire = e.encodedDataLength;
  });
  await open();
  const assets = [...seen.values()].filter((s) => s.kind !== 'other');
  const sum = (kind: Seen['kind'], key: 'wire' | 'decoded') =>
    assets.filter((s) => s.kind === kind).reduce((n, s) => n + s[key], 0);
  await cdp.detach();
  return {
    page: name,
    js: sum('js', 'wire'),
    css: sum('css', 'wire'),
    decodedJs: sum('js', 'decoded'),
    decodedCss: sum('css', 'decoded'),
    requests: assets.length,
    encodings: [...new Set(assets.map((s) => s.encoding))],
  };
}

async function loginPage(browser: Browser, url: string) {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const weight = await weigh(page, 'login page (/login)', async () => {
    await page.goto(`${url}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
  });
  await context.close();
  return weight;
}

async function dashboard(browser: Browser, url: string) {
  const context = await browser.newContext({ locale: 'de-DE' });
  // Logged in through the API, so that the page itself is loaded cold.
  const res = await context.request.post(`${url}/api/auth/login`, {
    data: { email: LEAD, password: DEMO.password },
  });
  if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
  const page = await context.newPage();
  const weight = await weigh(page, 'dashboard of a lead (/)', async () => {
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });
  await context.close();
  return weight;
}

/** The login page and a lead's dashboard of the demo organisation, loaded cold in headless Chromium. */
export async function runWeight(): Promise<PageWeight[]> {
  const app = await startLotse(tempDir('lotse-bench-weight-'), undefined, {
    LOTSE_ADMIN_EMAIL: DEMO.email,
    LOTSE_ADMIN_PASSWORD: DEMO.password,
    LOTSE_ORG_NAME: 'IFK Saar (Demo)',
    LOTSE_DEMO: '1',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    return [await loginPage(browser, app.url), await dashboard(browser, app.url)];
  } finally {
    await browser.close();
    await app.stop();
  }
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

export function weightReport(weights: PageWeight[]): string[] {
  return [
    'Weight suite: each page loaded cold (new browser context, cache off) in headless Chromium with a German locale; bytes summed from the DevTools protocol (`encodedDataLength` on the wire incl. headers, `dataReceived` decoded).',
    '',
    '| page | JS on the wire | CSS on the wire | JS + CSS on the wire | JS + CSS decoded | files | encoding |',
    '|---|---|---|---|---|---|---|',
    ...weights.map(
      (w) =>
        `| ${w.page} | **${kB(w.js)}** | ${kB(w.css)} | ${kB(w.js + w.css)} | ${kB(w.decodedJs + w.decodedCss)} | ${w.requests} | ${w.encodings.join(', ')} |`,
    ),
    '',
  ];
}
