import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type BackupManifest, backupManifest, type TableState } from '../../contracts/backup';
import type { Config } from '../config';
import { knownMigrations, restorePglite } from '../db/client';
import { documentFile } from '../documents/service';
import { lockDataDir } from '../lib/lockfile';
import { readTar } from './archive';
import { BackupError, DATABASE_ENTRY, DOCUMENT_ENTRY, MANIFEST_ENTRY, postgresAdvice } from './files';
import { tableStates } from './tables';

interface Found {
  bytes: number;
  sha256: string;
}

/**
 * Reads a backup archive through: every file is hashed, and written where `target` says (null:
 * only hashed). Answers the manifest and what was found.
 */
async function readArchive(file: string, target: (name: string) => string | null) {
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const gunzip = zlib.createGunzip({ chunkSize: 1 << 20 });
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  let manifest: BackupManifest | undefined;
  const found = new Map<string, Found>();
  try {
    for await (const entry of readTar(gunzip)) {
      if (entry.name === MANIFEST_ENTRY) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry.content) chunks.push(chunk);
        const parsed = backupManifest.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        if (!parsed.success)
          throw new BackupError(`${file} has a manifest this version of Lotse does not read`);
        manifest = parsed.data;
        continue;
      }
      if (entry.name !== DATABASE_ENTRY && !DOCUMENT_ENTRY.test(entry.name))
        throw new BackupError(`${file} holds ${entry.name}, which a Lotse backup does not: refused`);
      const hash = createHash('sha256');
      let bytes = 0;
      const counted = async function* () {
        for await (const chunk of entry.content) {
          hash.update(chunk);
          bytes += chunk.length;
          yield chunk;
        }
      };
      const to = target(entry.name);
      if (to) {
        fs.mkdirSync(path.dirname(to), { recursive: true });
        await pipeline(Readable.from(counted()), fs.createWriteStream(to, { mode: 0o600, flags: 'wx' }));
      } else {
        for await (const _ of counted()) {
          // hashed only
        }
      }
      found.set(entry.name, { bytes, sha256: hash.digest('hex') });
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a complete Lotse backup: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
  if (!manifest) throw new BackupError(`${file} has no manifest: it is incomplete or not a Lotse backup`);
  return { manifest, found };
}

/** What differs between the manifest's claims and the files found; empty when all agree. */
function fileProblems(manifest: BackupManifest, found: Map<string, Found>): string[] {
  const problems: string[] = [];
  const check = (name: string, expected: Found) => {
    const got = found.get(name);
    if (!got) problems.push(`${name} is missing`);
    else if (got.sha256 !== expected.sha256 || got.bytes !== expected.bytes)
      problems.push(`${name} does not match its checksum`);
  };
  check(manifest.database.file, manifest.database);
  for (const doc of manifest.documents) check(doc.file, doc);
  const named = new Set([manifest.database.file, ...manifest.documents.map((d) => d.file)]);
  for (const name of found.keys()) if (!named.has(name)) problems.push(`${name} is not in the manifest`);
  return problems;
}

function tableProblems(expected: Record<string, TableState>, got: Record<string, TableState>): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(got)]);
  const problems: string[] = [];
  for (const name of [...names].sort()) {
    const e = expected[name];
    const g = got[name];
    if (!e || !g) problems.push(`table ${name} is ${e ? 'missing' : 'not in the manifest'}`);
    else if (e.rows !== g.rows) problems.push(`table ${name} has ${g.rows} rows, the backup had ${e.rows}`);
    else if (e.digest !== g.digest) problems.push(`table ${name} has other rows than the backup had`);
  }
  return problems;
}

function failIf(problems: string[], what: string) {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10).join('\n  ');
  const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
  throw new BackupError(`${what}:\n  ${shown}${more}`);
}

/** Reads a backup file through and checks every file against the manifest's checksums. */
export async function verifyBackup(file: string): Promise<BackupManifest> {
  const { manifest, found } = await readArchive(file, () => null);
  failIf(fileProblems(manifest, found), `${file} is damaged`);
  return manifest;
}

function assertEmpty(dataDir: string) {
  const present = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (present.length === 0) return;
  throw new BackupError(
    `DATA_DIR ${dataDir} is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}). A restore goes only into an empty directory, so that nothing is overwritten: set DATA_DIR to a new directory, or move this one aside.`,
  );
}

function assertKnownSchema(manifest: BackupManifest) {
  const newest = Math.max(...knownMigrations().map((m) => m.createdAt));
  const level = manifest.database.migrations;
  if (level.lastCreatedAt !== null && level.lastCreatedAt > newest)
    throw new BackupError(
      `The backup was made by a newer Lotse (${manifest.lotseVersion}, database migration ${level.last}); update Lotse first, then restore`,
    );
}

/**
 * Restores a backup into an empty DATA_DIR: documents to their place, the database from its copy,
 * then proves it — every file against its checksum, every table's rows and digest against the
 * manifest. On any failure DATA_DIR is emptied again, so that the next attempt may start over.
 */
export async function restoreBackup(config: Config, file: string): Promise<BackupManifest> {
  if (config.databaseUrl) throw new BackupError(postgresAdvice);
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const dataDir = config.dataDir;
  assertEmpty(dataDir);
  const unlock = lockDataDir(dataDir);
  const databaseTar = path.join(dataDir, '.restore-database.tar');
  try {
    const { manifest, found } = await readArchive(file, (name) => {
      if (name === DATABASE_ENTRY) return databaseTar;
      const [, organisationId, key] = DOCUMENT_ENTRY.exec(name) ?? [];
      return organisationId && key ? documentFile(dataDir, organisationId, key) : null;
    });
    failIf(fileProblems(manifest, found), `${file} is damaged; nothing was restored`);
    assertKnownSchema(manifest);
    const tables = await restorePglite(
      path.join(dataDir, 'pglite'),
      await fs.openAsBlob(databaseTar),
      tableStates,
    );
    failIf(
      tableProblems(manifest.tables, tables),
      'The restored database differs from the backup; nothing was restored',
    );
    fs.rmSync(databaseTar);
    return manifest;
  } catch (error) {
    for (const name of fs.readdirSync(dataDir))
      if (name !== 'lotse.lock') fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    throw error;
  } finally {
    unlock();
  }
}
