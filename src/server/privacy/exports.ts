/**
 * Answering an access request: the export of the request's person as a ZIP (the PDF in the form
 * language, data.json, the documents' files) or as data.json alone. Reading it is a read of the
 * case, audited as one (`client.read`) and as the export of the request.
 */
import fs from 'node:fs/promises';
import { desc, eq } from 'drizzle-orm';
import type { Language } from '../../contracts/common';
import type { AppContext } from '../context';
import { consents } from '../db/schema';
import { documentFile } from '../documents/service';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { invalidField } from '../lib/errors';
import { zipStored } from '../lib/zip';
import { type AccessExport, documentKeys, gatherExport } from './access-export';
import { exportPdf } from './export-pdf';
import { getRequest, personOf } from './requests';

async function exportOf(ctx: AppContext, actor: Actor, requestId: string, format: 'zip' | 'json') {
  assertCan(actor, 'privacy.requests');
  const request = await getRequest(ctx, actor, requestId);
  if (!request.person) throw invalidField('clientId', 'the person is no longer on record');
  const clientId = request.person.clientId;
  return ctx.db.transaction(async (tx) => {
    const person = await personOf(tx, actor, clientId);
    const data = await gatherExport(tx, clientId);
    const [latest] = await tx
      .select({ language: consents.formLanguage })
      .from(consents)
      .where(eq(consents.clientId, clientId))
      .orderBy(desc(consents.givenOn), desc(consents.createdAt))
      .limit(1);
    const files = format === 'zip' ? await documentKeys(tx, clientId) : [];
    await audit(tx, actor, {
      action: 'client.read',
      entityType: 'client',
      entityId: clientId,
      subjectClientId: clientId,
      details: { via: 'privacy.request_exported', request: requestId },
    });
    await audit(tx, actor, {
      action: 'privacy.request_exported',
      entityType: 'data_subject_request',
      entityId: requestId,
      subjectClientId: clientId,
      details: { format, documents: files.length, auditEntries: data.auditTrail.length },
    });
    // Form languages are ISO 639-3 codes (consent/consentFormLanguages): 'eng' prints in English.
    const formLanguage: Language = latest?.language === 'eng' ? 'en' : 'de';
    return { data, files, caseCode: person.caseCode, formLanguage };
  });
}

const stamp = () => todayInGermany();

/** data.json alone: every field, machine-readable. */
export async function exportJson(ctx: AppContext, actor: Actor, requestId: string) {
  const { data, caseCode } = await exportOf(ctx, actor, requestId, 'json');
  const content = Buffer.from(JSON.stringify(data, null, 2));
  return {
    content,
    filename: `art15-${caseCode}-${stamp()}.json`,
    mimeType: 'application/json',
    size: content.length,
  };
}

/** The ZIP: the PDF in the chosen language (else the latest consent's form language, else German), data.json, the files. */
export async function exportZip(ctx: AppContext, actor: Actor, requestId: string, language?: Language) {
  const { data, files, caseCode, formLanguage } = await exportOf(ctx, actor, requestId, 'zip');
  const lang = language ?? formLanguage;
  const documents = await readDocuments(ctx, files);
  const pdf = await exportPdf(withMissing(data, documents.missing), lang);
  const content = zipStored([
    { name: `art15-${caseCode}-${lang}.pdf`, data: pdf },
    { name: 'data.json', data: Buffer.from(JSON.stringify(data, null, 2)) },
    ...documents.found,
  ]);
  return {
    content,
    filename: `art15-${caseCode}-${stamp()}.zip`,
    mimeType: 'application/zip',
    size: content.length,
  };
}

async function readDocuments(ctx: AppContext, files: Awaited<ReturnType<typeof documentKeys>>) {
  const found: { name: string; data: Buffer }[] = [];
  const missing: string[] = [];
  await Promise.all(
    files.map(async (f, i) => {
      try {
        const data = await fs.readFile(documentFile(ctx.config.dataDir, f.organisation_id, f.storage_key));
        found.push({
          name: `documents/${String(i + 1).padStart(3, '0')}-${f.filename.replace(/[\\/]/g, '_')}`,
          data,
        });
      } catch {
        missing.push(f.id);
      }
    }),
  );
  found.sort((a, b) => a.name.localeCompare(b.name));
  return { found, missing };
}

/** A document whose file could not be read is said so in the PDF rather than left out silently. */
function withMissing(data: AccessExport, missing: string[]): AccessExport {
  if (missing.length === 0) return data;
  return {
    ...data,
    documents: data.documents.map((d) => (missing.includes(String(d.id)) ? { ...d, file: 'missing' } : d)),
  };
}
