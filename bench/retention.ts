// The deletion job at the size: the reports suite's 100,000 cases (bench/seed-reports.ts:
// sessions, procedures, measures, closing and exit answers), of which 10,000 are made due — closed
// four years ago with their sessions moved back with them, a document file for every tenth — and
// the rest kept (open or closed within the last year). The job runs in this process on a copy of
// the data (PGlite: a copied DATA_DIR; PostgreSQL: a database made from the data set as template),
// first announcing, then — the notice period later — anonymising. Beside it a probe reads a page of
// the case list every 20 ms through the same database handle; its slowest answer is how long the
// job held other requests up (on PGlite a transaction holds the one connection).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { contextOf } from '../src/server/context';
import { openDatabase, queryRows } from '../src/server/db/client';
import { runRetention } from '../src/server/privacy/deletion';
import { prepareDataSet } from './clients';
import { freshPostgresDatabase } from './lib';
import { seedReports } from './seed-reports';

export interface RetentionBench {
  due: number;
  announceSeconds: number;
  anonymiseSeconds: number;
  anonymised: number;
  filesRemoved: number;
  probe: { n: number; p50: number; p99: number; max: number };
  rssMiB: number;
}

export async function runRetentionBench(
  database: 'pglite' | 'postgres',
  count: number,
  pgAdminUrl: string,
): Promise<RetentionBench> {
  const set = await prepareDataSet(database, count, pgAdminUrl, { name: 'reports', add: seedReports });
  let copy: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
  if (set.databaseUrl) {
    copy = await freshPostgresDatabase(
      pgAdminUrl,
      `${process.env.BENCH_PG_PREFIX ?? 'lotse_bench'}_retention`,
      new URL(set.databaseUrl).pathname.slice(1),
    );
  }
  const opened = await openDatabase({
    databaseUrl: copy?.url,
    dataDir: copy ? undefined : path.join(set.runDir, 'pglite'),
  });
  const ctx = contextOf(opened, loadConfig({ DATA_DIR: set.runDir }), 'bench');
  try {
    const due = await makeDue(ctx.db, set.runDir);
    const probe = startProbe(ctx.db);
    const t0 = performance.now();
    const first = await runRetention(ctx);
    const t1 = performance.now();
    const second = await runRetention(ctx, { now: new Date(Date.now() + 15 * 86_400_000) });
    const t2 = performance.now();
    const samples = await probe.stop();
    if (first.announced !== due || second.anonymised !== due)
      throw new Error(`expected ${due} announced and anonymised: ${JSON.stringify({ first, second })}`);
    return {
      due,
      announceSeconds: (t1 - t0) / 1000,
      anonymiseSeconds: (t2 - t1) / 1000,
      anonymised: second.anonymised,
      filesRemoved: second.filesRemoved,
      probe: summary(samples),
      rssMiB: Math.round(process.memoryUsage().rss / 1048576),
    };
  } finally {
    await opened.close();
    await copy?.drop();
    set.cleanup();
  }
}

/** 10,000 cases closed four years ago (their sessions with them); the other closed ones recently. */
async function makeDue(db: Parameters<typeof queryRows>[0], dataDir: string): Promise<number> {
  await db.execute(
    sql`UPDATE clients SET closed_at = now() - interval '30 days' WHERE closed_at IS NOT NULL`,
  );
  await db.execute(
    sql`CREATE TABLE bench_due AS SELECT id, organisation_id FROM clients ORDER BY id LIMIT 10000`,
  );
  await db.execute(sql`UPDATE clients SET stage = 'closed', closed_at = now() - interval '4 years',
      intake_date = least(intake_date, (now() - interval '5 years')::date) WHERE id IN (SELECT id FROM bench_due)`);
  await db.execute(sql`UPDATE contacts SET occurred_on = (now() - interval '4 years 2 months')::date
      WHERE client_id IN (SELECT id FROM bench_due)`);
  const withFiles = await queryRows<{ id: string; organisation_id: string }>(
    db,
    sql`SELECT id, organisation_id FROM bench_due ORDER BY id LIMIT 1000`,
  );
  for (const c of withFiles) {
    const key = `bench-${c.id}.pdf`;
    const dir = path.join(dataDir, 'documents', c.organisation_id);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, key), `%PDF-1.4\n% ${c.id}\n%%EOF\n`);
    await db.execute(sql`INSERT INTO documents (organisation_id, client_id, filename, mime_type, size_bytes, sha256, storage_key, category)
      VALUES (${c.organisation_id}::uuid, ${c.id}::uuid, 'zeugnis.pdf', 'application/pdf', 30, 'x', ${key}, 'certificate')`);
  }
  await db.execute(sql`ANALYZE`);
  const [n] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM bench_due`);
  return n?.n ?? 0;
}

/** Reads a page of the case list every 20 ms and keeps how long each read took. */
function startProbe(db: Parameters<typeof queryRows>[0]) {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await db.execute(
        sql`SELECT id, case_code, family_name FROM clients WHERE anonymised_at IS NULL
            AND organisation_id = (SELECT organisation_id FROM bench_due LIMIT 1) ORDER BY updated_at DESC LIMIT 25`,
      );
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0) };
}
