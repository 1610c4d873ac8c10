import { type Browser, chromium, type Page } from 'playwright-core';
import { startLotse, tempDir } from './lib';

/** The demo organisation; its users share the admin's password (src/server/demo/seed.ts). */
const DEMO = { email: 'admin@ifk-saar.example', password: 'lotse-demo-2026' };
const LEAD = 'miriam.kessler@ifk-saar.example';

/** What Chromium asks for on its own (brotli and gzip, on localhost and https), or gzip alone. */
type Asking = 'browser' | 'gzip';

export interface PageWeight {
  page: string;
  asking: Asking;
  /** Response bodies as sent (compressed where the server compressed them). */
  js: number;
  css: number;
  /** Headers and bodies, as Chromium's `encodedDataLength` counts what came over the network. */
  wire: number;
  /** Bytes after decompression, what the browser parses. */
  decoded: number;
  files: number;
  /** Content-Encoding of the scripts and styles as served (e.g. `br`, or `identity`). */
  encodings: string[];
}

interface Seen {
  kind: 'js' | 'css' | 'other';
  encoding: string;
  body: number;
  wire: number;
  decoded: number;
}

/**
 * Loads one page in a fresh browser context (cache off) and sums what the network carried for
 * scripts and styles, from the DevTools protocol: the body as sent (`Content-Length`, else what
 * came after the headers), `loadingFinished.encodedDataLength` (on the wire, with headers) and
 * `dataReceived.dataLength` (decoded).
 */
async function weigh(page: Page, name: string, asking: Asking, open: () => Promise<void>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (asking === 'gzip')
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
  const seen = new Map<string, Seen & { headers: number; length: number | null }>();
  cdp.on('Network.responseReceived', (e) => {
    const kind = e.type === 'Script' ? 'js' : e.type === 'Stylesheet' ? 'css' : 'other';
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const length = headers['content-length'];
    seen.set(e.requestId, {
      kind,
      encoding: String(headers['content-encoding'] ?? 'identity'),
      body: 0,
      wire: 0,
      decoded: 0,
      headers: e.response.encodedDataLength,
      length: length === undefined ? null : Number(length),
    });
  });
  cdp.on('Network.dataReceived', (e) => {
    const s = seen.get(e.requestId);
    if (s) s.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = seen.get(e.requestId);
    if (!s) return;
    s.wire = e.encodedDataLength;
    s.body = s.length ?? e.encodedDataLength - s.headers;
  });
  await open();
  await cdp.detach();
  const assets = [...seen.values()].filter((s) => s.kind !== 'other');
  const sum = (key: 'body' | 'wire' | 'decoded', kind?: Seen['kind']) =>
    assets.filter((s) => !kind || s.kind === kind).reduce((n, s) => n + s[key], 0);
  return {
    page: name,
    asking,
    js: sum('body', 'js'),
    css: sum('body', 'css'),
    wire: sum('wire'),
    decoded: sum('decoded'),
    files: assets.length,
    encodings: [...new Set(assets.map((s) => s.encoding))],
  } satisfies PageWeight;
}

async function loginPage(browser: Browser, url: string, asking: Asking) {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const weight = await weigh(page, 'login page (/login)', asking, async () => {
    await page.goto(`${url}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
  });
  await context.close();
  return weight;
}

async function dashboard(browser: Browser, url: string, asking: Asking) {
  const context = await browser.newContext({ locale: 'de-DE' });
  // Logged in through the API, so that the page itself is loaded cold.
  const res = await context.request.post(`${url}/api/auth/login`, {
    data: { email: LEAD, password: DEMO.password },
  });
  if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
  const page = await context.newPage();
  const weight = await weigh(page, 'dashboard of a lead (/)', asking, async () => {
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
    const weights: PageWeight[] = [];
    for (const asking of ['browser', 'gzip'] as const)
      weights.push(await loginPage(browser, app.url, asking), await dashboard(browser, app.url, asking));
    return weights;
  } finally {
    await browser.close();
    await app.stop();
  }
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

export function weightReport(weights: PageWeight[]): string[] {
  return [
    'Weight suite: each page of the demo organisation loaded cold (new browser context, cache off) in headless Chromium with a German locale, until the network is idle; scripts and styles summed from the DevTools protocol: bodies as sent (`Content-Length`), on the wire with headers (`encodedDataLength`), decoded (`dataReceived`). Once with the Accept-Encoding Chromium sends itself, once with gzip alone (what browsers ask for over plain http).',
    '',
    '| page | Accept-Encoding | **JS as sent** | CSS as sent | JS + CSS on the wire | JS + CSS decoded | files | served as |',
    '|---|---|---|---|---|---|---|---|',
    ...weights.map(
      (w) =>
        `| ${w.page} | ${w.asking === 'browser' ? "Chromium's" : 'gzip'} | **${kB(w.js)}** | ${kB(w.css)} | ${kB(w.wire)} | ${kB(w.decoded)} | ${w.files} | ${w.encodings.join(', ')} |`,
    ),
    '',
  ];
}
