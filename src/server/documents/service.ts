import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq } from 'drizzle-orm';
import { type ClientDocument, documentCategories } from '../../contracts/documents';
import type { CaseSection } from '../casefile/service';
import { loadCase } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { consents, documents, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { AppError, notFound } from '../lib/errors';
import { firstRow, required } from '../lib/required';
import { assertOfficeContainer } from './containers';
import { presentDocument } from './present';

/**
 * Documents are stored as files under DATA_DIR/documents/<organisation>/, not in the database:
 * PGlite keeps its working set in WebAssembly memory and one query at a time, so megabytes of
 * certificates there would cost every other request; files stream straight to and from disk,
 * and `npm run backup` archives them beside the database. The row carries what the access check
 * and the list need. A file is written before its row commits and removed after its row is
 * deleted, and never changed in between: a backup relies on that.
 */
const officeZip: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const officeOle: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** The type by content (magic bytes), not by what the browser claims. */
export function sniffType(head: Buffer, filename: string): string | null {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const starts = (bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (
    head
      .subarray(0, 6)
      .toString('latin1')
      .match(/^GIF8[79]a$/)
  )
    return 'image/gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  if (starts([0x49, 0x49, 0x2a, 0x00]) || starts([0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  // Office formats share a container (ZIP or OLE); the extension tells which one it holds.
  const zipType = officeZip[ext];
  if (zipType && starts([0x50, 0x4b, 0x03, 0x04])) return zipType;
  const oleType = officeOle[ext];
  if (oleType && starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleType;
  return null;
}

/** Where a document's file lives; backup and restore use the same place. */
export function documentFile(dataDir: string, organisationId: string, key: string) {
  return path.join(dataDir, 'documents', organisationId, key);
}

function storagePath(ctx: AppContext, organisationId: string, key: string) {
  return documentFile(ctx.config.dataDir, organisationId, key);
}

/** The documents of a case, newest first, or the one named by `id`. */
export async function listDocuments(db: Db, clientId: string, id?: string): Promise<ClientDocument[]> {
  const rows = await db
    .select({ d: documents, by: users.name })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.createdBy))
    .where(and(eq(documents.clientId, clientId), id ? eq(documents.id, id) : undefined))
    .orderBy(desc(documents.createdAt));
  return rows.map(({ d, by }) => presentDocument(d, by));
}

export interface Upload {
  filename: string;
  stream: Readable & { truncated?: boolean };
  /** As sent by the form: empty means "other". */
  category: string;
  description: string;
}

export async function uploadDocument(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  upload: Upload,
): Promise<ClientDocument> {
  const category = upload.category || 'other';
  if (!(documentCategories as readonly string[]).includes(category)) {
    upload.stream.resume();
    throw new AppError('validation_failed', 'Unknown category', {
      fields: [{ path: 'category', message: 'is not a known category' }],
    });
  }
  const description = upload.description.slice(0, 500) || null;
  await loadCase(ctx.db, actor, clientId);
  const key = randomUUID();
  const target = storagePath(ctx, actor.organisationId, key);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.part`;
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let size = 0;
  const inspect = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  let id: string;
  try {
    await pipeline(upload.stream, inspect, fs.createWriteStream(temp, { mode: 0o600 }));
    if (upload.stream.truncated) {
      throw new AppError(
        'payload_too_large',
        `The file is larger than ${Math.round(ctx.config.uploadLimitBytes / 1048576)} MB`,
      );
    }
    if (size === 0)
      throw new AppError('validation_failed', 'The file is empty', {
        fields: [{ path: 'file', message: 'is empty' }],
      });
    const mimeType = sniffType(head, upload.filename);
    if (!mimeType) {
      throw new AppError(
        'unsupported_media_type',
        'Only PDF, images (PNG, JPEG, GIF, WebP, TIFF) and office files are accepted',
      );
    }
    await assertOfficeContainer(temp, path.extname(upload.filename).slice(1).toLowerCase());
    await fs.promises.rename(temp, target);
    id = await ctx.db.transaction(async (tx) => {
      const row = firstRow(
        await tx
          .insert(documents)
          .values({
            organisationId: actor.organisationId,
            clientId,
            filename: path.basename(upload.filename).slice(0, 200) || 'document',
            mimeType,
            sizeBytes: size,
            sha256: hash.digest('hex'),
            storageKey: key,
            category,
            description,
            createdBy: actor.userId,
            updatedBy: actor.userId,
          })
          .returning({ id: documents.id }),
        'the new document',
      );
      await audit(tx, actor, {
        action: 'document.uploaded',
        entityType: 'document',
        entityId: row.id,
        subjectClientId: clientId,
      });
      return row.id;
    });
  } catch (error) {
    // Nothing was recorded: the file must not stay behind without its row.
    await fs.promises.rm(temp, { force: true });
    await fs.promises.rm(target, { force: true });
    throw error;
  }
  // Outside the clean-up above: once the row is committed, the file belongs to it.
  return required((await listDocuments(ctx.db, clientId, id))[0], 'the uploaded document');
}

/** Every download passes the case's access check and is audited. */
export async function openDocument(ctx: AppContext, actor: Actor, clientId: string, documentId: string) {
  await loadCase(ctx.db, actor, clientId);
  const [doc] = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.clientId, clientId)));
  if (!doc) throw notFound('document');
  const file = storagePath(ctx, doc.organisationId, doc.storageKey);
  if (!fs.existsSync(file)) throw notFound('document file');
  await audit(ctx.db, actor, {
    action: 'document.downloaded',
    entityType: 'document',
    entityId: doc.id,
    subjectClientId: clientId,
  });
  return {
    content: fs.createReadStream(file),
    filename: doc.filename,
    mimeType: doc.mimeType,
    size: doc.sizeBytes,
  };
}

export async function deleteDocument(ctx: AppContext, actor: Actor, clientId: string, documentId: string) {
  const key = await ctx.db.transaction(async (tx) => {
    await loadCase(tx, actor, clientId);
    const [doc] = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.clientId, clientId)));
    if (!doc) throw notFound('document');
    const [evidence] = await tx
      .select({ id: consents.id })
      .from(consents)
      .where(eq(consents.evidenceDocumentId, documentId));
    if (evidence)
      throw new AppError('conflict', 'This document is the evidence of a consent and is kept with it');
    await tx.delete(documents).where(eq(documents.id, documentId));
    await audit(tx, actor, {
      action: 'document.deleted',
      entityType: 'document',
      entityId: documentId,
      subjectClientId: clientId,
    });
    return doc.storageKey;
  });
  await fs.promises.rm(storagePath(ctx, actor.organisationId, key), { force: true });
}

/** Documents in the case file, and their upload on the case's timeline. */
export const documentsSection: CaseSection<'documents'> = {
  key: 'documents',
  async load(db: Db, clientId: string) {
    const data = await listDocuments(db, clientId);
    const timeline = data.map((d) => ({
      at: d.uploadedAt,
      kind: 'document',
      codes: [d.category],
      title: d.filename,
      detail: null,
      by: d.uploadedBy,
    }));
    return { data, timeline };
  },
};
