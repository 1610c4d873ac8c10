import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role } from '../../contracts/auth';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type AppContext, contextOf } from '../context';
import { openDatabase } from '../db/client';
import { users } from '../db/schema';
import type { App } from '../lib/http';
import { firstRow } from '../lib/required';
import { hashPassword } from '../lib/secrets';
import { createOrganisationWithAdmin } from '../organisation/service';

export const PASSWORD = 'correct horse battery staple';

let migrated: Blob | undefined;
/** The migrated PGlite of global-setup.ts, read once per test file. */
function migratedPglite(): Blob | undefined {
  const file = inject('pgliteTemplate');
  if (file && !migrated) migrated = new Blob([fs.readFileSync(file)]);
  return migrated;
}

/**
 * A fresh database per test file: in-memory PGlite, or — with TEST_DATABASE_URL — a new
 * PostgreSQL database that is dropped afterwards.
 */
async function openTestDatabase(existing?: string) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ loadDataDir: migratedPglite() });
    return { ...database, url: undefined, closeConnection: database.close };
  }
  const name = existing
    ? new URL(existing).pathname.slice(1)
    : `lotse_test_${randomBytes(6).toString('hex')}`;
  if (!existing) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: testUrl.toString(), poolSize: 4 });
  return {
    ...database,
    url: testUrl.toString(),
    closeConnection: database.close,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  dataDir: string;
  /** The PostgreSQL database of this app; undefined on PGlite. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
  /** Closes the app and its database but keeps DATA_DIR (and a PostgreSQL database) for a restart on it. */
  stop(): Promise<void>;
}

export async function startTestApp(
  overrides: Partial<Config> = {},
  options: {
    /** PGlite in DATA_DIR/pglite as in production, instead of in memory (ignored on PostgreSQL). */
    pgliteOnDisk?: boolean;
    /** An existing DATA_DIR to start on (a restored one), removed at close like a fresh one. */
    dataDir?: string;
    /** The PostgreSQL database of a stopped test app to start on again (dropped at close). */
    databaseUrl?: string | undefined;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-test-'));
  const database =
    options.pgliteOnDisk && !process.env.TEST_DATABASE_URL
      ? await onDisk(path.join(dataDir, 'pglite'))
      : await openTestDatabase(options.databaseUrl);
  return startApp(database, overrides, dataDir);
}

async function onDisk(dir: string) {
  const database = await openDatabase({ dataDir: dir });
  return { ...database, url: undefined, closeConnection: database.close };
}

/** A second app process on the same PostgreSQL database, as behind a load balancer. */
export async function startSecondApp(first: TestApp): Promise<TestApp> {
  if (!first.databaseUrl) throw new Error('a second app needs PostgreSQL');
  const database = await openDatabase({ databaseUrl: first.databaseUrl, poolSize: 2 });
  return startApp(
    { ...database, url: first.databaseUrl, closeConnection: database.close },
    {},
    fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-test-')),
  );
}

async function startApp(
  database: Awaited<ReturnType<typeof openTestDatabase>>,
  overrides: Partial<Config>,
  dataDir: string,
): Promise<TestApp> {
  const config: Config = { ...loadConfig({ DATA_DIR: dataDir }), ...overrides };
  const ctx = contextOf(database, config, 'test');
  // Unexpected errors (500) are printed; expected ones are answered without a log line.
  const app = await buildApp(ctx, { logger: { level: 'error' } });
  return {
    app,
    ctx,
    dataDir,
    databaseUrl: database.url,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async stop() {
      await app.close();
      await database.closeConnection();
    },
  };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}`;

/**
 * PASSWORD hashed once per test file: argon2id is slow on purpose, and every user of the test
 * set-up shares the password, so one salted hash serves them all.
 */
let passwordHash: Promise<string> | undefined;
const hashedPassword = () => {
  passwordHash ??= hashPassword(PASSWORD);
  return passwordHash;
};

/** An organisation with an active admin whose password is PASSWORD. */
export async function createOrganisation(ctx: AppContext, name = unique('Org')) {
  const passwordHash = await hashedPassword();
  const email = `${unique('admin')}@example.org`;
  const { org, admin } = await ctx.db.transaction((tx) =>
    createOrganisationWithAdmin(
      tx,
      { organisationName: name, adminName: `Admin of ${name}`, email, passwordHash },
      { onlyIfFirst: false, ip: null },
    ),
  );
  return { org, admin };
}

/** An active user with the given roles and the password PASSWORD. */
export async function createUser(ctx: AppContext, organisationId: string, roles: Role[], name?: string) {
  return firstRow(
    await ctx.db
      .insert(users)
      .values({
        organisationId,
        roles,
        name: name ?? unique(roles.join('+')),
        email: `${unique(roles.join('-'))}@example.org`,
        status: 'active',
        passwordHash: await hashedPassword(),
      })
      .returning(),
    'the new user',
  );
}

/** An HTTP client bound to one session: sends the cookie and the CSRF token like the web client. */
export class Session {
  constructor(
    readonly app: App,
    readonly cookie: string,
    readonly csrfToken: string,
    readonly user: { id: string; email: string },
  ) {}

  request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.app.inject({
      method,
      url,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown) => this.request('POST', url, payload ?? {});
  patch = (url: string, payload: unknown) => this.request('PATCH', url, payload);
  put = (url: string, payload: unknown) => this.request('PUT', url, payload);
  delete = (url: string) => this.request('DELETE', url);

  /** Sends one file as multipart/form-data, the way the web client's upload fields do. */
  upload(url: string, filename: string, data: Buffer | string, field = 'file') {
    return this.form(url, {}, { name: filename, data, field });
  }

  /**
   * Sends a multipart form: text fields first, then at most one file. `type` is the content type
   * the browser claims for the file (the server is expected to sniff the real one).
   */
  form(url: string, fields: Record<string, string>, file?: UploadedFile) {
    const boundary = 'lotse-upload';
    const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
    if (file) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data),
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
      },
    });
  }
}

/** A file in a multipart form: its name, its bytes, the form field and the content type claimed. */
export interface UploadedFile {
  name: string;
  data: Buffer | string;
  field?: string;
  type?: string;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'lotse_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `lotse_session=${cookie.value}`;
}

/** One attempt at the login form, from the given address; answers the response whatever its status. */
export function attemptLogin(
  app: App,
  payload: { email: string; password: string; code?: string },
  remoteAddress?: string,
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

export async function login(app: App, email: string, password = PASSWORD, code?: string): Promise<Session> {
  const response = await attemptLogin(app, { email, password, ...(code ? { code } : {}) });
  if (response.statusCode !== 200) throw new Error(`login failed ${response.statusCode}: ${response.body}`);
  const body = response.json();
  return new Session(app, sessionCookieOf(response), body.csrfToken, body.user);
}

/**
 * The project's shared reference files (KldB, ESCO) live beside the repository in ../shared/data;
 * LOTSE_SHARED_DATA points elsewhere. They are read from there, never copied into the project.
 */
export function sharedDataDir(): string {
  const candidates = [
    process.env.LOTSE_SHARED_DATA,
    path.resolve(import.meta.dirname, '../../../../shared/data'),
    '/work/shared/data',
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(path.join(p, 'kldb2010')));
  if (!found) throw new Error(`reference data not found in ${candidates.join(', ')}`);
  return found;
}
