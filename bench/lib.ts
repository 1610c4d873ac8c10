import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { required } from '../src/server/lib/required';

export const root = path.resolve(import.meta.dirname, '..');
export const ADMIN = { email: 'bench-admin@example.org', password: 'bench passphrase 2026' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Started {
  url: string;
  pid: number;
  startupMs: number;
  /** The process itself: its IPC channel when started with `ipc`. */
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Options for Node.js itself, before the script (e.g. `--import` of a probe). */
  nodeArgs?: string[];
  /** Open an IPC channel to the process (`child.send`, `process.on('message')`). */
  ipc?: boolean;
}

async function waitFor(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited: ${log()}`);
    if (
      await fetch(url)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timeout waiting for ${url}: ${log()}`);
}

/** Starts a plain Node.js script; start-up = spawn → first successful probe. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  probe: string,
  options: StartOptions = {},
): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  await waitFor(`${url}${probe}`, child, () => out);
  const startupMs = performance.now() - t0;
  return {
    url,
    // Set once the process has started, which waitFor has just seen it do.
    pid: required(child.pid, 'the pid of the started process'),
    startupMs,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      // An open IPC channel would keep the process from ending on its own after SIGTERM.
      if (child.connected) child.disconnect();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export function startLotse(
  dataDir: string,
  databaseUrl?: string,
  extraEnv: Record<string, string> = {},
  options: StartOptions = {},
) {
  return startProcess(
    path.join(root, 'scripts/start.mjs'),
    {
      DATA_DIR: dataDir,
      LOTSE_ADMIN_EMAIL: ADMIN.email,
      LOTSE_ADMIN_PASSWORD: ADMIN.password,
      LOTSE_ORG_NAME: 'Bench',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...extraEnv,
    },
    '/api/health',
    options,
  );
}

export async function login(url: string, email = ADMIN.email, password = ADMIN.password) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error('login answered without a session cookie');
  // The cookie itself, without its attributes (Path, HttpOnly, …).
  const cookie = setCookie.replace(/;.*$/s, '');
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon against one URL: 10 connections, after a short warm-up. */
export async function load(
  url: string,
  headers: Record<string, string> = {},
  seconds = 10,
): Promise<LoadResult> {
  await autocannon({ url, connections: 10, duration: 2, headers });
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

/** Resident memory of a process in MiB (Linux). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

export function tempDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function postgresAvailable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh database on the server for one bench run, empty or a copy of `template` (which nobody
 * may be connected to); returns its URL and a drop function.
 */
export async function freshPostgresDatabase(adminUrl: string, name: string, template?: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node.js ${process.version}`;
}

/** The value after `--name` on the command line; with a fallback, always a string. */
export function arg(name: string, fallback: string): string;
export function arg(name: string): string | undefined;
export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined) throw new Error(`--${name} needs a value`);
  return value;
}

/** The run with the median throughput. */
export function median(runs: LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return required(sorted[Math.floor(sorted.length / 2)], 'a load run');
}
