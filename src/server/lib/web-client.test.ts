/**
 * The web client as a browser gets it: every text file in the encoding the browser asks for
 * (written once at build time), with the cache rules and security headers of the plain file, and
 * HEAD answered wherever GET is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { startTestApp, type TestApp } from '../testing/harness';
import type { App } from './http';
import { preferredEncoding } from './web-client';

const page =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head></html>';
const script = `export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `text ${i}`))};`;

/** A built client as vite.config.ts leaves it: plain files with their .br and .gz beside them. */
function builtClient() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const write = (name: string, text: string, compressed = true) => {
    fs.writeFileSync(path.join(dir, name), text);
    if (!compressed) return;
    fs.writeFileSync(path.join(dir, `${name}.br`), zlib.brotliCompressSync(text));
    fs.writeFileSync(path.join(dir, `${name}.gz`), zlib.gzipSync(text));
  };
  write('index.html', page);
  write('assets/index-Ab12Cd34.js', script);
  write('favicon.svg', '<svg/>', false);
  return dir;
}

let t: TestApp;
let app: App;
let webDir: string;
beforeAll(async () => {
  t = await startTestApp();
  webDir = builtClient();
  app = await buildApp(t.ctx, { webDir });
});
afterAll(async () => {
  await app.close();
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const decode: Record<string, (b: Buffer) => Buffer> = {
  br: zlib.brotliDecompressSync,
  gzip: zlib.gunzipSync,
  identity: (b) => b,
};

async function get(url: string, acceptEncoding?: string, method: 'GET' | 'HEAD' = 'GET') {
  const res = await app.inject({
    method,
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
  const encoding = String(res.headers['content-encoding'] ?? 'identity');
  const text = method === 'GET' ? decode[encoding]?.(res.rawPayload).toString() : undefined;
  return { res, encoding, text };
}

const cases = [
  ['br', 'br'],
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip', 'gzip'],
  ['br;q=0, gzip', 'gzip'],
  ['identity', 'identity'],
  [undefined, 'identity'],
] as const;

describe('a hashed asset', () => {
  it.each(cases)('for Accept-Encoding %s comes as %s, cached for good', async (accept, expected) => {
    const { res, encoding, text } = await get('/assets/index-Ab12Cd34.js', accept);
    expect(res.statusCode).toBe(200);
    expect(encoding).toBe(expected);
    expect(text).toBe(script);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the single-page app at any page path', () => {
  it.each(cases)('for Accept-Encoding %s comes as %s, never cached unchecked', async (accept, expected) => {
    for (const url of ['/', '/cases/123?tab=plan']) {
      const { res, encoding, text } = await get(url, accept);
      expect(res.statusCode, url).toBe(200);
      expect(encoding, url).toBe(expected);
      expect(text, url).toBe(page);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(res.headers.vary, url).toBe('accept-encoding');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });
});

describe('HEAD', () => {
  it('answers wherever GET does, with the same headers and no body', async () => {
    for (const url of [
      '/',
      '/login',
      '/cases/123',
      '/index.html',
      '/assets/index-Ab12Cd34.js',
      '/favicon.svg',
      '/api/health',
    ]) {
      for (const accept of ['br', 'gzip', undefined]) {
        const getting = await get(url, accept);
        const heading = await get(url, accept, 'HEAD');
        expect(heading.res.statusCode, `HEAD ${url}`).toBe(200);
        expect(heading.res.rawPayload.length, `HEAD ${url}`).toBe(0);
        for (const name of ['content-type', 'content-encoding', 'content-length', 'cache-control', 'vary'])
          expect(heading.res.headers[name], `HEAD ${url} ${name}`).toEqual(getting.res.headers[name]);
      }
    }
  });
});

describe('preferredEncoding', () => {
  it('follows the weights the browser gives', () => {
    expect(preferredEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('*;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('deflate')).toBeNull();
    expect(preferredEncoding('')).toBeNull();
  });
});
