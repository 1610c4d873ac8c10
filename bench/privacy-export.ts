// The Art. 15 export of a full case (issue 15: ≤ 3 s): a case with 300 counselling contacts, 60
// next steps, 40 documents of 150 kB, 6 consents, 120 disclosures and ~2,000 audit entries by six
// users, exported as the dpo — the ZIP (PDF, data.json, files) and the JSON alone — through the
// real app in this process, on PGlite in a data directory or on PostgreSQL (--pg postgres://…).
//
//   npx tsx bench/privacy-export.ts [--pg postgres://postgres@127.0.0.1:5432/postgres] [--rounds 6]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { AppContext } from '../src/server/context';
import { openDatabase } from '../src/server/db/client';
import { disclosures, users } from '../src/server/db/schema';
import { auditMany } from '../src/server/lib/audit';
import type { App } from '../src/server/lib/http';
import { hashPassword } from '../src/server/lib/secrets';
import { createOrganisationWithAdmin } from '../src/server/organisation/service';
import { arg } from './lib';

const PASSWORD = 'bench passphrase 2026';
// biome-ignore lint/suspicious/noExplicitAny: the answers are read field by field, as in the API tests
type Json = any;
const rounds = Number(arg('rounds') ?? 6);

type Call = (
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
) => Promise<{ status: number; json: () => Json; raw: Buffer }>;

async function login(app: App, email: string): Promise<Call> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  const csrf = res.json().csrfToken as string;
  return async (method, url, body) => {
    const r = await app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrf },
      ...(body ? { payload: body } : {}),
    });
    return { status: r.statusCode, json: () => r.json(), raw: r.rawPayload };
  };
}

async function must(p: Promise<{ status: number; json: () => Json }>) {
  const r = await p;
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.json())}`);
  return r.json();
}

/** A multipart upload the way the documents dialog sends it. */
function upload(app: App, call: { cookie: string; csrf: string }, url: string, name: string, data: Buffer) {
  const b = 'bench-upload';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="category"\r\n\r\ncertificate\r\n`),
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: call.cookie,
      'x-csrf-token': call.csrf,
      'content-type': `multipart/form-data; boundary=${b}`,
    },
    payload,
  });
}

async function open(pgUrl: string | undefined, dataDir: string) {
  if (!pgUrl)
    return { ...(await openDatabase({ dataDir: path.join(dataDir, 'pglite') })), drop: async () => {} };
  const name = `lotse_bench_export_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    ...database,
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main() {
  const pgUrl = arg('pg');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-export-'));
  const database = await open(pgUrl, dataDir);
  const ctx: AppContext = {
    db: database.db,
    config: loadConfig({ DATA_DIR: dataDir }),
    databaseKind: database.kind,
    subscribe: database.subscribe,
    snapshot: database.snapshot,
    version: 'bench',
  };
  const app = await buildApp(ctx, { logger: { level: 'error' } });
  try {
    const passwordHash = await hashPassword(PASSWORD);
    const { org } = await ctx.db.transaction((tx) =>
      createOrganisationWithAdmin(
        tx,
        { organisationName: 'Bench', adminName: 'Bench Admin', email: 'admin@bench.example', passwordHash },
        { onlyIfFirst: false, ip: null },
      ),
    );
    const staff = await ctx.db
      .insert(users)
      .values(
        ['lead', 'counsellor', 'counsellor', 'counsellor', 'lead', 'dpo'].map((role, i) => ({
          organisationId: org.id,
          roles: [role],
          name: `Bench ${role} ${i}`,
          email: `u${i}@bench.example`,
          status: 'active',
          passwordHash,
        })),
      )
      .returning();
    const lead = await login(app, 'u0@bench.example');
    const dpo = await login(app, 'u5@bench.example');
    const t0 = performance.now();
    const c = await must(
      lead('POST', '/api/clients', { givenNames: 'Olena', familyName: 'Bench', intakeDate: '2026-01-10' }),
    );
    for (let i = 0; i < 300; i++)
      await must(
        lead('POST', `/api/clients/${c.id}/contacts`, {
          kind: 'session',
          occurredOn: '2026-03-01',
          sessionType: 'follow_up',
          channel: 'in_person',
          durationMinutes: 45,
          summary:
            `Beratung ${i}: Unterlagen für die Anerkennung besprochen, nächste Schritte vereinbart. `.repeat(
              3,
            ),
        }),
      );
    for (let i = 0; i < 60; i++)
      await must(lead('POST', `/api/clients/${c.id}/steps`, { text: `Schritt ${i}`, dueDate: '2026-12-20' }));
    const leadCookie = await loginRaw(app, 'u0@bench.example');
    for (let i = 0; i < 40; i++) {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(150_000), Buffer.from('\n%%EOF\n')]);
      const r = await upload(app, leadCookie, `/api/clients/${c.id}/documents`, `Zeugnis-${i}.pdf`, pdf);
      if (r.statusCode !== 200) throw new Error(`upload ${r.statusCode} ${r.body}`);
    }
    for (let i = 0; i < 6; i++)
      await must(
        lead('POST', `/api/clients/${c.id}/consents`, {
          purposes: ['counselling_record'],
          givenOn: '2026-02-01',
        }),
      );
    await ctx.db.insert(disclosures).values(
      Array.from({ length: 120 }, (_, i) => ({
        organisationId: org.id,
        clientId: c.id,
        recipientName: `Institution ${i % 12}`,
        purpose: 'conference_sharing',
        dataCategories: ['qualifications', 'language'],
        byUserId: staff[0]?.id,
      })),
    );
    // Reads and changes by six users until the trail holds ~2,000 entries of the person.
    const extra = 2000 - 300 - 60 - 40 - 6 - 2;
    for (let u = 0; u < staff.length; u++)
      await auditMany(
        ctx.db,
        { organisationId: org.id, actorUserId: staff[u]?.id ?? null, ip: '127.0.0.1' },
        Array.from({ length: Math.ceil(extra / staff.length) }, () => ({
          action: 'client.read' as const,
          entityType: 'client',
          entityId: c.id,
          subjectClientId: c.id,
        })),
      );
    const request = await must(
      dpo('POST', '/api/privacy/requests', { clientId: c.id, kind: 'access', receivedOn: '2026-11-20' }),
    );
    console.error(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const zip: number[] = [];
    const json: number[] = [];
    let size = 0;
    let entries = 0;
    for (let round = 0; round <= rounds; round++) {
      const a = performance.now();
      const z = await dpo('GET', `/api/privacy/requests/${request.id}/export`);
      const b = performance.now();
      const j = await dpo('GET', `/api/privacy/requests/${request.id}/export.json`);
      const e = performance.now();
      if (z.status !== 200 || j.status !== 200) throw new Error(`export ${z.status} ${j.status}`);
      size = z.raw.length;
      entries = j.json().auditTrail.length;
      if (round > 0) {
        zip.push(Math.round(b - a));
        json.push(Math.round(e - b));
      }
    }
    const stat = (xs: number[]) => {
      const s = [...xs].sort((x, y) => x - y);
      return `p50 ${s[Math.floor(s.length / 2)]} ms, max ${s[s.length - 1]} ms`;
    };
    console.log(
      `${pgUrl ? 'PostgreSQL' : 'PGlite'}: ZIP (${(size / 1e6).toFixed(1)} MB, ${entries} audit entries) ${stat(zip)}; JSON ${stat(json)}; load ${os.loadavg()[0]?.toFixed(1)}`,
    );
  } finally {
    await app.close();
    await database.close();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function loginRaw(app: App, email: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: PASSWORD },
  });
  return {
    cookie: String(res.headers['set-cookie']).split(';')[0] ?? '',
    csrf: res.json().csrfToken as string,
  };
}

await main();
