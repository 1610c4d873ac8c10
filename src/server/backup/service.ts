/**
 * Backup and restore of an installation on PGlite, while it runs. PGlite holds its data directory
 * in one process, so a copy of the files from outside could catch a half-written page; instead the
 * running server takes the copy itself (`Snapshot` in db/client.ts) and streams it with the
 * documents as one .tar.gz. The command line asks for it over HTTP with a token that the server
 * writes into DATA_DIR at start: whoever can read DATA_DIR can copy the data anyway, and nobody
 * else — no user account, not even an admin's, whose role has no case content — can take one.
 * On PostgreSQL, pg_dump is the tool; `npm run backup` says so.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupDocument,
  type BackupManifest,
  type BackupProblem,
} from '../../contracts/backup';
import type { Config } from '../config';
import type { AppContext } from '../context';
import { organisations } from '../db/schema';
import { documentFile } from '../documents/service';
import { auditMany } from '../lib/audit';
import { AppError } from '../lib/errors';
import { randomToken, safeEqual } from '../lib/secrets';
import { type TarEntry, tarStream } from './archive';
import { BackupError, DATABASE_ENTRY, MANIFEST_ENTRY, postgresAdvice } from './files';
import { verifyBackup } from './restore';
import { migrationLevel, tableStates } from './tables';

export { BackupError, postgresAdvice } from './files';
export { restoreBackup, verifyBackup } from './restore';

const ACCESS_FILE = 'backup-access.json';
const STAGING_PREFIX = '.backup-staging-';

interface Access {
  pid: number;
  host: string;
  port: number;
  token: string;
}

const accessFile = (dataDir: string) => path.join(dataDir, ACCESS_FILE);

/**
 * Called once the server listens (PGlite only): a fresh token for this run, readable by the owner
 * of DATA_DIR only. Returns the clean-up for shutdown.
 */
export function openBackupAccess(config: Config, port: number): () => void {
  const file = accessFile(config.dataDir);
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
  const access: Access = { pid: process.pid, host, port, token: randomToken() };
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, JSON.stringify(access), { mode: 0o600, flag: 'wx' });
  return () => fs.rmSync(file, { force: true });
}

function readAccess(dataDir: string): Access | null {
  try {
    return JSON.parse(fs.readFileSync(accessFile(dataDir), 'utf8')) as Access;
  } catch {
    return null;
  }
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function assertBackupAllowed(
  ctx: AppContext,
  authorization: string | undefined,
  remoteAddress: string | undefined,
  /** The server's end of the connection: with HOST set to one address, the command comes from it. */
  localAddress: string | undefined,
) {
  const access = readAccess(ctx.config.dataDir);
  const sent = authorization?.match(/^Bearer (\S+)$/)?.[1];
  // The socket's own address, not X-Forwarded-For: the command runs on this machine.
  if (
    !access ||
    access.pid !== process.pid ||
    !sent ||
    !safeEqual(sent, access.token) ||
    !(loopback.has(remoteAddress ?? '') || (remoteAddress && remoteAddress === localAddress))
  )
    throw new AppError(
      'unauthenticated',
      'A backup is asked for with the token in DATA_DIR, from this machine (npm run backup)',
    );
}

interface DocumentRow extends Record<string, unknown> {
  id: string;
  organisation_id: string;
  storage_key: string;
  size_bytes: number;
  sha256: string;
}

/**
 * Keeps each document's file as it is at the moment of the snapshot: a hard link is taken at once
 * and outlives a deletion that commits after the snapshot, and files are never changed in place.
 */
function stage(source: string, target: string): boolean {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    fs.linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    // A file system without hard links: a copy, which holds every request up for longer.
    fs.copyFileSync(source, target);
  }
  return true;
}

let running = false;

/**
 * The backup as a .tar.gz stream: the database copy, every document, and the manifest last (it
 * carries the checksums of what was archived). The snapshot is taken before this returns, so a
 * refusal is still an ordinary error answer; a failure later breaks the stream off.
 */
export async function createBackup(
  ctx: AppContext,
  request: {
    authorization: string | undefined;
    remoteAddress: string | undefined;
    localAddress: string | undefined;
    ip: string;
    /** Told why a backup broke off after its answer began (the command line sees only that it did). */
    onError: (error: Error) => void;
  },
): Promise<Readable> {
  assertBackupAllowed(ctx, request.authorization, request.remoteAddress, request.localAddress);
  if (!ctx.snapshot) throw new AppError('conflict', postgresAdvice);
  if (running) throw new AppError('conflict', 'A backup is already being taken; try again when it is done');
  running = true;
  const staging = path.join(ctx.config.dataDir, `${STAGING_PREFIX}${process.pid}`);
  const cleanUp = () => {
    fs.rmSync(staging, { recursive: true, force: true });
    running = false;
  };
  try {
    // Left over by a process that ended during a backup: only one process uses a PGlite DATA_DIR.
    for (const name of fs.readdirSync(ctx.config.dataDir))
      if (name.startsWith(STAGING_PREFIX))
        fs.rmSync(path.join(ctx.config.dataDir, name), { recursive: true, force: true });
    // A backup reads every person's data: each organisation's data protection officer sees it.
    const orgs = await ctx.db.select({ id: organisations.id }).from(organisations);
    for (const org of orgs)
      await auditMany(ctx.db, { organisationId: org.id, actorUserId: null, ip: request.ip }, [
        { action: 'backup.created' },
      ]);
    const snapshot = await ctx.snapshot(async (query) => {
      const tables = await tableStates(query);
      const migrations = await migrationLevel(query);
      const rows = await query<DocumentRow>(
        'SELECT id, organisation_id, storage_key, size_bytes, sha256 FROM documents ORDER BY organisation_id, id',
      );
      const staged = rows.map((row) => {
        const target = path.join(staging, row.organisation_id, row.storage_key);
        const source = documentFile(ctx.config.dataDir, row.organisation_id, row.storage_key);
        return { row, file: stage(source, target) ? target : null };
      });
      return { tables, migrations, staged };
    });
    // Large chunks: each one is a turn of the event loop that every request also needs.
    const gzip = zlib.createGzip({ level: 3, chunkSize: 256 * 1024 });
    gzip.on('close', cleanUp);
    // A failure halfway destroys the gzip stream too, so that the answer breaks off visibly.
    pipeline(tarStream(entries(ctx, snapshot.tarball, snapshot.read)), gzip).catch(request.onError);
    return gzip;
  } catch (error) {
    cleanUp();
    throw error;
  }
}

async function* entries(
  ctx: AppContext,
  tarball: Blob,
  read: {
    tables: BackupManifest['tables'];
    migrations: BackupManifest['database']['migrations'];
    staged: { row: DocumentRow; file: string | null }[];
  },
): AsyncGenerator<TarEntry> {
  const createdAt = new Date().toISOString();
  const databaseHash = createHash('sha256');
  yield {
    name: DATABASE_ENTRY,
    size: tarball.size,
    content: () => hashed(Readable.fromWeb(tarball.stream() as never), databaseHash),
  };
  const documents: BackupDocument[] = [];
  const problems: BackupProblem[] = [];
  for (const { row, file } of read.staged) {
    if (!file) {
      problems.push({ documentId: row.id, problem: 'missing' });
      continue;
    }
    const name = `documents/${row.organisation_id}/${row.storage_key}`;
    const size = fs.statSync(file).size;
    const hash = createHash('sha256');
    yield { name, size, content: () => hashed(fs.createReadStream(file, { highWaterMark: 1 << 20 }), hash) };
    const sha256 = hash.digest('hex');
    documents.push({ id: row.id, organisationId: row.organisation_id, file: name, bytes: size, sha256 });
    if (sha256 !== row.sha256 || size !== row.size_bytes)
      problems.push({ documentId: row.id, problem: 'checksum' });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    lotseVersion: ctx.version,
    createdAt,
    database: {
      kind: 'pglite',
      file: DATABASE_ENTRY,
      bytes: tarball.size,
      sha256: databaseHash.digest('hex'),
      migrations: read.migrations,
    },
    tables: read.tables,
    documents,
    problems,
  };
  const json = Buffer.from(JSON.stringify(manifest, null, 2));
  yield { name: MANIFEST_ENTRY, size: json.length, content: () => [json] };
}

async function* hashed(source: AsyncIterable<Buffer | Uint8Array>, hash: ReturnType<typeof createHash>) {
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    hash.update(buffer);
    yield buffer;
  }
}

/**
 * The command line's side: asks the server running on DATA_DIR for a backup and writes it to
 * `file` (mode 0600: it holds every person's data). The file appears only once complete and read
 * back; a failed attempt leaves a previous file of that name as it was.
 */
export async function downloadBackup(config: Config, file: string): Promise<BackupManifest> {
  if (config.databaseUrl) throw new BackupError(postgresAdvice);
  const access = readAccess(config.dataDir);
  if (!access)
    throw new BackupError(
      `No running Lotse found on DATA_DIR ${config.dataDir}: start it (npm start) with the same DATA_DIR, or stop it and copy the directory`,
    );
  const partial = `${file}.part`;
  try {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({
        host: access.host,
        port: access.port,
        method: 'POST',
        path: '/api/backup',
        headers: { authorization: `Bearer ${access.token}` },
      });
      req.on('response', resolve);
      req.on('error', (error) =>
        reject(
          new BackupError(
            `Lotse does not answer at ${access.host}:${access.port} (${(error as NodeJS.ErrnoException).code ?? error.message}); is it running on DATA_DIR ${config.dataDir}?`,
          ),
        ),
      );
      req.end();
    });
    if (response.statusCode !== 200) {
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      let message = body;
      try {
        message = (JSON.parse(body) as { error: { message: string } }).error.message;
      } catch {
        // not JSON: show it as it came
      }
      throw new BackupError(`The server refused the backup (${response.statusCode}): ${message}`);
    }
    await pipeline(response, fs.createWriteStream(partial, { mode: 0o600 })).catch((error: Error) => {
      throw new BackupError(
        `The backup broke off (${error.message}); the server's log says why. Nothing was written to ${file}.`,
      );
    });
    const manifest = await verifyBackup(partial);
    fs.renameSync(partial, file);
    return manifest;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
