/**
 * The HTTP edge as an attacker meets it: paths spelt so that the router and a string test disagree,
 * and every error the framework itself answers. Both walk the app's own route table, so a new route
 * is covered without being listed here.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../lib/route-table';
import { staff } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const someId = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) =>
  url
    .split('/')
    .map((s) => (s.startsWith(':') ? someId : s === '*' ? 'x' : s))
    .join('/');
/** The same path as a router decodes it, spelt differently on the wire. */
const spellings = (path: string) => [
  path,
  path.replace('/api/', '/%61pi/'),
  path.replace('/api/', '/%2561pi/'),
  path.replace('/api/', '/ap%69/'),
  path.replace(/\/([a-z])/g, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
  `/${path}`,
  path.replace('/api/', '/api//'),
  path.replace('/api/', '/API/'),
  path.toUpperCase(),
  `${path}?x=/api/`,
];
const apiRoutes = (): RouteEntry[] => t.app.routeTable.routes.filter((r) => r.url.startsWith('/api/'));
/** The web client's page (or, in a tree without a build, the note saying so): never data. */
const isWebPage = (body: string) =>
  body.startsWith('<!doctype html>') || body === 'The web client is not built; run npm start.';

function expectErrorShape(res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  expect(() => JSON.parse(res.body), res.body).not.toThrow();
  const body = JSON.parse(res.body);
  expect(Object.keys(body), res.body).toEqual(['error']);
  expect(typeof body.error.code, res.body).toBe('string');
  expect(typeof body.error.message, res.body).toBe('string');
  expect(res.headers['cache-control'], res.body).toBe('no-store');
}

describe('login is decided by the matched route, not by the text of the URL', () => {
  it('refuses every non-public route without a session, however its path is spelt', async () => {
    const routes = apiRoutes().filter((r) => !r.public);
    expect(routes.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const route of routes) {
      for (const url of spellings(concrete(route.url))) {
        const withBody = !['GET', 'HEAD'].includes(route.method);
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          ...(withBody ? { payload: {} } : {}),
        });
        // A spelling the router does not take for an API path gets the web client's page.
        if (isWebPage(res.body)) continue;
        if (route.method === 'HEAD') {
          // No body to tell: the page's type says it is the web client, not the route.
          const json = String(res.headers['content-type']).startsWith('application/json');
          if (res.statusCode < 400 && json) leaks.push(`HEAD ${url} → ${res.statusCode}`);
          continue;
        }
        if (res.statusCode < 400) leaks.push(`${route.method} ${url} → ${res.statusCode}`);
        else expectErrorShape(res);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('checks the CSRF token on an encoded path too', async () => {
    const { aylin } = await staff(t, ['aylin']);
    for (const url of ['/api/clients', '/%61pi/clients', '/ap%69/clients']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: aylin.cookie },
        payload: { givenName: 'Csrf', familyName: 'Probe' },
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('csrf_failed');
    }
  });
});

describe('every error has the shape {error:{code,message}}', () => {
  it('answers the router’s own refusals in the shape', async () => {
    const cases: [string, string, number, Record<string, string>?][] = [
      ['GET', `/api/clients/${'x'.repeat(500)}`, 414],
      ['GET', '/api/%zz', 400],
      ['GET', '/api/nothing-here', 404],
      ['DELETE', '/api/auth/login', 405],
      ['PROPFIND', '/api/clients', 405],
      ['POST', '/api/auth/login', 415, { 'content-type': 'text/xml' }],
    ];
    for (const [method, url, status, headers] of cases) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: headers ?? {},
        payload: '<x/>',
      });
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expectErrorShape(res);
    }
    const wrongMethod = await t.app.inject({ method: 'DELETE', url: '/api/auth/login' });
    expect(wrongMethod.headers.allow).toBe('POST');
  });

  it('answers a handler that runs too long with 503 in the shape', async () => {
    const slow = await startTestApp({ handlerTimeoutMs: 1 });
    try {
      const res = await slow.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@example.org', password: 'some wrong password' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('timeout');
      expectErrorShape(res);
      // The handler goes on (the timeout is cooperative); let it finish before the database closes.
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await slow.close();
    }
  });

  it('answers broken HTTP, oversized headers and a request timeout on the socket in the shape', async () => {
    const port = await listening();
    const broken = await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('bad_request');
    const huge = await rawExchange(
      port,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
    );
    expect(huge.status).toBe(431);
    expect(huge.body.error.code).toBe('header_too_large');
    // Node's own request timeout ends in the same handler; Node checks it only every 30 s, so the
    // event is raised here on the server's socket as Node raises it.
    const serverSockets: net.Socket[] = [];
    t.app.server.on('connection', (s: net.Socket) => serverSockets.push(s));
    const timedOut = rawExchange(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n');
    await new Promise((r) => setTimeout(r, 100));
    const timeout = Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    t.app.server.emit('clientError', timeout, serverSockets.at(-1));
    expect((await timedOut).status).toBe(408);
    expect((await timedOut).body.error.code).toBe('request_timeout');
  });
});

async function listening(): Promise<number> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  return (t.app.server.address() as net.AddressInfo).port;
}

/** Writes raw bytes to the server and reads the answer until the server closes the connection. */
function rawExchange(port: number, text: string) {
  return new Promise<{ status: number; body: { error: { code: string } } }>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => {
      answer += d;
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      try {
        const status = Number(answer.slice(9, 12));
        resolve({ status, body: JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) });
      } catch (error) {
        reject(new Error(`not a JSON answer: ${answer.slice(0, 200)} (${error})`));
      }
    });
  });
}
