/**
 * Helpers of backup.test.ts: staff who keep writing while a backup is taken, a record of what each
 * of their writes was and when it finished, and the question whether a write came back from a
 * restore whole, not at all, or in part (the one answer a consistent backup never gives).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { RawQuery } from '../db/client';
import { documentFile } from '../documents/service';
import type { Session } from '../testing/harness';
import { readTar, tarStream } from './archive';

export interface Write {
  kind: 'case' | 'contact' | 'document' | 'deletion';
  /** The record written; for a deletion, the document deleted. */
  id: string;
  organisationId: string;
  startedAt: number;
  finishedAt: number;
  /** The uploaded bytes (documents). */
  bytes?: Buffer;
}

/** A small PDF, different each time, so that every document has its own checksum. */
const pdf = () =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2000 + Math.floor(Math.random() * 4000))]);

/**
 * `lanes` loops that each open a case, record a contact on it and upload a document to it, and
 * every other time delete the document before (its file goes once the deletion commits), again
 * and again until stopped; every write that succeeded is in `done` with its start and end time.
 */
export function keepWriting(s: Session, organisationId: string, lanes = 3) {
  const done: Write[] = [];
  let stopped = false;
  const timed = async (
    kind: Write['kind'],
    run: () => Promise<{ statusCode: number; json(): unknown }>,
    id?: string,
  ) => {
    const startedAt = performance.now();
    const res = await run();
    if (res.statusCode !== 200) throw new Error(`${kind} failed: ${res.statusCode}`);
    const write = { kind, id: id ?? (res.json() as { id: string }).id, organisationId, startedAt };
    done.push({ ...write, finishedAt: performance.now() });
    return done.at(-1) as Write;
  };
  const lane = async (n: number) => {
    let previous: { caseId: string; id: string } | undefined;
    for (let i = 0; !stopped; i++) {
      const c = await timed('case', () =>
        s.post('/api/clients', {
          givenNames: `Lane${n}`,
          familyName: `Writer${i}`,
          intakeDate: '2026-01-10',
        }),
      );
      await timed('contact', () =>
        s.post(`/api/clients/${c.id}/contacts`, {
          kind: 'session',
          occurredOn: '2026-01-12',
          summary: `n${i}`,
        }),
      );
      const bytes = pdf();
      const doc = await timed('document', () =>
        s.upload(`/api/clients/${c.id}/documents`, `c${i}.pdf`, bytes),
      );
      doc.bytes = bytes;
      if (previous && i % 2 === 1) {
        const gone = previous;
        await timed('deletion', () => s.delete(`/api/clients/${gone.caseId}/documents/${gone.id}`), gone.id);
      }
      previous = { caseId: c.id, id: doc.id };
    }
  };
  const running = Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)));
  return {
    done,
    /** Resolves once `count` writes have finished after time `since`. */
    async until(count: number, since = 0) {
      while (done.filter((w) => w.finishedAt > since).length < count)
        await new Promise((r) => setTimeout(r, 10));
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/**
 * Whether a write is in a restored copy, counting each of its traces: the row (gone, for a
 * deletion), its audit entry and, for a document, its file as uploaded unless its deletion is in
 * too. 'in' and 'out' are consistent; anything else names what is partial.
 */
export async function presence(query: RawQuery, dataDir: string, w: Write): Promise<string> {
  const table = { case: 'clients', contact: 'contacts', document: 'documents', deletion: 'documents' }[
    w.kind
  ];
  const action = {
    case: 'client.created',
    contact: 'client.entry_added',
    document: 'document.uploaded',
    deletion: 'document.deleted',
  }[w.kind];
  const audited = async (what: string) =>
    (
      await query(
        `SELECT 1 FROM audit_log WHERE action = '${what}' AND ${w.kind === 'case' ? 'subject_client_id' : 'entity_id'} = '${w.id}'`,
      )
    ).length > 0;
  const [row] = await query<{ key: string }>(
    `SELECT ${w.kind === 'case' || w.kind === 'contact' ? 'id::text' : 'storage_key'} AS key FROM ${table} WHERE id = '${w.id}'`,
  );
  // A deletion of a document that is not in the copy at all is simply after the moment.
  if (w.kind === 'deletion' && !(await audited('document.uploaded'))) return 'out';
  const traces = [w.kind === 'deletion' ? !row : Boolean(row), await audited(action)];
  if (w.kind === 'document' && (await audited('document.deleted'))) traces[0] = true;
  else if (w.kind === 'document') {
    const file = row ? documentFile(dataDir, w.organisationId, row.key) : null;
    traces.push(
      Boolean(file && fs.existsSync(file) && fs.readFileSync(file).equals(w.bytes ?? Buffer.alloc(0))),
    );
  }
  if (traces.every(Boolean)) return 'in';
  if (!traces.some(Boolean)) return 'out';
  return `partial ${w.kind} ${w.id}: ${traces.join(',')}`;
}

/** Every file under `dir`, relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/** A copy of a backup file with one byte of its first document changed, as a bad disk would. */
export async function damagedCopy(file: string, dir: string): Promise<string> {
  const out = path.join(dir, 'damaged.tar.gz');
  const entries: { name: string; data: Buffer }[] = [];
  for await (const e of readTar(fs.createReadStream(file).pipe(zlib.createGunzip()))) {
    const chunks: Buffer[] = [];
    for await (const c of e.content) chunks.push(c);
    entries.push({ name: e.name, data: Buffer.concat(chunks) });
  }
  const doc = entries.find((e) => e.name.startsWith('documents/'));
  if (!doc) throw new Error('the backup has no document to damage');
  doc.data[100] = (doc.data[100] ?? 0) ^ 0xff;
  const tar = tarStream(entries.map((e) => ({ name: e.name, size: e.data.length, content: () => [e.data] })));
  await pipeline(tar, zlib.createGzip(), fs.createWriteStream(out));
  return out;
}

/**
 * Runs one of the command-line tools (src/server/cli/<name>.ts) as `npm run <name>` does, in a
 * process of its own, with only the given environment besides PATH.
 */
export function runCli(name: string, args: string[], env: Record<string, string>) {
  const script = path.resolve(import.meta.dirname, `../cli/${name}.ts`);
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
