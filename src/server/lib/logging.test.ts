/**
 * What the terminal shows of requests: nothing at the default level, one line each at debug,
 * without query strings.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { startTestApp, type TestApp } from '../testing/harness';
import { loggerOptions } from './logging';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The app with its own logger at `level`, and the lines it wrote. */
async function appLoggingAt(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const options = loggerOptions(level) as Record<string, unknown>;
  const app = await buildApp(t.ctx, { logger: { ...options, stream } });
  return { app, lines };
}

describe('request logging', () => {
  it('writes no line per request at the default level', async () => {
    const { app, lines } = await appLoggingAt('info');
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/nothing-here?name=Mariam' });
    expect(lines).toEqual([]);
    await app.close();
  });

  it('writes one line per request at debug, with method, path and status only', async () => {
    const { app, lines } = await appLoggingAt('debug');
    await app.inject({ method: 'GET', url: '/api/health?name=Mariam' });
    const requestLines = lines.filter((l) => l.req || l.res);
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      level: 20,
      msg: 'request completed',
      req: { method: 'GET', url: '/api/health' },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(lines)).not.toContain('Mariam');
    await app.close();
  });

  it('keeps the token of an RSVP link out of the log', async () => {
    const { app, lines } = await appLoggingAt('debug');
    const conferenceId = '4f51dcba-5e92-428f-a7a6-4b19a5b4367d';
    await app.inject({ method: 'GET', url: `/api/rsvp/${conferenceId}/secret-token-part.abc` });
    const requestLines = lines.filter((l) => l.req);
    expect(requestLines[0]).toMatchObject({ req: { url: `/api/rsvp/${conferenceId}/…` } });
    expect(JSON.stringify(lines)).not.toContain('secret-token-part');
    await app.close();
  });
});
