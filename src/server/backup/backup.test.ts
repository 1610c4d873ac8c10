import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { openDatabase, queryRows, sql } from '../db/client';
import { staff } from '../testing/factories';
import { login, type Session, startTestApp, type TestApp } from '../testing/harness';
import { damagedCopy, filesUnder, keepWriting, presence, runCli } from './backup-test-support';
import { BackupError, downloadBackup, openBackupAccess, restoreBackup, verifyBackup } from './service';
import { tableStates } from './tables';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const made: string[] = [];
const tempDir = (name: string) => {
  made.push(fs.mkdtempSync(path.join(os.tmpdir(), `lotse-${name}-`)));
  return made.at(-1) as string;
};
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(onPostgres)(
  'backup and restore of a running Lotse (PGlite; PostgreSQL is backed up with pg_dump)',
  () => {
    let t: TestApp;
    let aylin: Session;
    let organisationId: string;
    let closeAccess: () => void;
    const backups = tempDir('backups');

    beforeAll(async () => {
      t = await startTestApp({}, { pgliteOnDisk: true });
      ({
        aylin,
        organisation: { id: organisationId },
      } = await staff(t, ['aylin']));
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const address = t.app.server.address();
      closeAccess = openBackupAccess(t.ctx.config, typeof address === 'object' && address ? address.port : 0);
    });
    afterAll(async () => {
      closeAccess();
      await t.close();
    });

    it('takes a backup while cases, contacts and documents are written, and restores exactly the moment it claims', async () => {
      const writers = keepWriting(aylin, organisationId);
      await writers.until(12);
      const file = path.join(backups, 'during-writes.tar.gz');
      const requested = performance.now();
      const cli = await runCli('backup', [file], { DATA_DIR: t.ctx.config.dataDir });
      const finished = performance.now();
      await writers.until(6, finished);
      await writers.stop();
      expect(cli, cli.stderr).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^Backup written to /),
      });
      const manifest = await verifyBackup(file);
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');

      const target = { ...t.ctx.config, dataDir: tempDir('restored') };
      expect(await restoreBackup(target, file)).toEqual(manifest);
      const copy = await openDatabase({ dataDir: path.join(target.dataDir, 'pglite') });
      const query = async <R extends Record<string, unknown>>(text: string) =>
        queryRows<R>(copy.db, sql.raw(text));
      try {
        // Every table, row for row (its digest), as the backup claims the moment was.
        expect(await tableStates(query)).toEqual(manifest.tables);
        // Each write whole or not at all: before the backup was asked for, in; after it was written, out.
        const states = await Promise.all(writers.done.map((w) => presence(query, target.dataDir, w)));
        expect(states.filter((s) => s !== 'in' && s !== 'out')).toEqual([]);
        writers.done.forEach((w, i) => {
          if (w.finishedAt < requested) expect(states[i], `${w.kind} before`).toBe('in');
          if (w.startedAt > finished) expect(states[i], `${w.kind} after`).toBe('out');
        });
        expect(states).toContain('out');
        // Every document of the moment byte for byte as uploaded (and as the manifest hashed it), no other file.
        expect(manifest.documents.length).toBe(manifest.tables['public.documents']?.rows);
        expect(filesUnder(path.join(target.dataDir, 'documents')).sort()).toEqual(
          manifest.documents.map((d) => d.file.replace(/^documents\//, '')).sort(),
        );
        const uploaded = new Map(
          writers.done.filter((w) => w.kind === 'document').map((w) => [w.id, w.bytes]),
        );
        for (const d of manifest.documents) {
          const restored = fs.readFileSync(path.join(target.dataDir, d.file));
          expect(restored.equals(uploaded.get(d.id) ?? Buffer.alloc(0)), d.file).toBe(true);
          expect(createHash('sha256').update(restored).digest('hex')).toBe(d.sha256);
        }
      } finally {
        await copy.close();
      }
      // Lotse starts on the restored DATA_DIR, and its people log in as before.
      const restored = await startTestApp({}, { pgliteOnDisk: true, dataDir: target.dataDir });
      await login(restored.app, aylin.user.email);
      await restored.close();
    }, 120_000);

    it('restores only into an empty DATA_DIR, and refuses a damaged backup without leaving anything behind', async () => {
      const file = path.join(backups, 'quiet.tar.gz');
      await downloadBackup(t.ctx.config, file);
      const used = tempDir('used');
      fs.writeFileSync(path.join(used, 'notes.txt'), 'keep me');
      await expect(restoreBackup({ ...t.ctx.config, dataDir: used }, file)).rejects.toThrow(
        /is not empty \(notes\.txt\)/,
      );
      expect(fs.readdirSync(used)).toEqual(['notes.txt']);

      const empty = tempDir('empty');
      const damaged = await damagedCopy(file, backups);
      await expect(restoreBackup({ ...t.ctx.config, dataDir: empty }, damaged)).rejects.toThrow(
        /damaged; nothing was restored:\n {2}documents\/.* does not match its checksum/,
      );
      expect(fs.readdirSync(empty)).toEqual([]);
    }, 60_000);

    it('gives a backup only for the token in DATA_DIR, on this machine, never for a session, and audits it', async () => {
      const { token } = JSON.parse(
        fs.readFileSync(path.join(t.ctx.config.dataDir, 'backup-access.json'), 'utf8'),
      );
      expect(
        (fs.statSync(path.join(t.ctx.config.dataDir, 'backup-access.json')).mode & 0o777).toString(8),
      ).toBe('600');
      const { admin } = await staff(t, ['admin']);
      const ask = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
        t.app.inject({ method: 'POST', url: '/api/backup', headers, remoteAddress });
      expect((await ask({})).statusCode).toBe(401);
      expect((await ask({ authorization: 'Bearer wrong' })).statusCode).toBe(401);
      expect((await ask({ cookie: admin.cookie, 'x-csrf-token': admin.csrfToken })).statusCode).toBe(401);
      expect((await ask({ authorization: `Bearer ${token}` }, '192.0.2.7')).statusCode).toBe(401);
      const res = await ask({ authorization: `Bearer ${token}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/gzip');
      const entries = await queryRows<{ n: number }>(
        t.ctx.db,
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'backup.created' AND organisation_id = ${organisationId}`,
      );
      expect(entries[0]?.n).toBeGreaterThanOrEqual(1);
    }, 60_000);
  },
);

describe('backup on PostgreSQL', () => {
  it('npm run backup and npm run restore print the pg_dump advice instead of half-working', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db.example/lotse' });
    await expect(downloadBackup(config, path.join(os.tmpdir(), 'never.tar.gz'))).rejects.toThrow(BackupError);
    await expect(restoreBackup(config, 'any.tar.gz')).rejects.toThrow(/pg_restore --no-owner/);
    const failed = await runCli('backup', ['backup.tar.gz'], { DATABASE_URL: 'postgres://db.example/lotse' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/pg_dump --format=custom[\s\S]*tar -czf lotse-documents\.tar\.gz/);
  }, 30_000);
});
