import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, caseFile, consent, openCase, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp, type UploadedFile } from '../testing/harness';

let t: TestApp;
let aylin: Session;
let jonas: Session;
let dpo: Session;
let caseId: string;

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n'),
  Buffer.alloc(2000, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

/** Adds a document to the case the way the upload dialog does: its fields, then the file. */
const upload = (s: Session, id: string, fields: Record<string, string>, file?: UploadedFile) =>
  s.form(`/api/clients/${id}/documents`, fields, file);

beforeAll(async () => {
  t = await startTestApp({ uploadLimitBytes: 64 * 1024 });
  ({ aylin, jonas, dpo } = await staff(t, ['aylin', 'jonas', 'dpo']));
  caseId = (await openCase(aylin, { givenNames: 'Dok', familyName: 'Umente', intakeDate: '2026-02-01' })).id;
});
afterAll(() => t.close());

describe('documents', () => {
  it('uploads a PDF, lists it, and downloads the same bytes through the access check', async () => {
    const res = await upload(
      aylin,
      caseId,
      { category: 'certificate', description: 'Abschlusszeugnis' },
      { name: 'Zeugnis Müller.pdf', data: PDF, type: 'image/png' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    // The type comes from the content, not from what the browser claimed.
    expect(doc).toMatchObject({
      filename: 'Zeugnis Müller.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      category: 'certificate',
    });
    const cf = await caseFile(aylin, caseId);
    expect(cf.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    const dl = await aylin.get(`/api/clients/${caseId}/documents/${doc.id}`);
    expect(dl.statusCode).toBe(200);
    expect(Buffer.compare(dl.rawPayload, PDF)).toBe(0);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''Zeugnis%20M%C3%BCller.pdf");
    expect((await jonas.get(`/api/clients/${caseId}/documents/${doc.id}`)).statusCode).toBe(404);
    const trail = await auditTrail(dpo, { subjectId: caseId, action: 'document.downloaded' });
    expect(trail.total).toBe(1);
  });

  it('refuses files whose content is not an accepted type, oversize files and missing files', async () => {
    const exe = await upload(
      aylin,
      caseId,
      { category: 'other' },
      { name: 'invoice.pdf', data: Buffer.from('MZ\x90\x00 this is not a pdf') },
    );
    expect(exe.statusCode).toBe(415);
    const big = await upload(
      aylin,
      caseId,
      { category: 'other' },
      { name: 'big.pdf', data: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(70 * 1024)]) },
    );
    expect(big.statusCode).toBe(413);
    const none = await upload(aylin, caseId, { category: 'other' });
    expect(none.statusCode).toBe(400);
    const cat = await upload(aylin, caseId, { category: 'secret' }, { name: 'a.pdf', data: PDF });
    expect(cat.statusCode).toBe(400);
    const cf = await caseFile(aylin, caseId);
    expect(cf.documents).toHaveLength(1);
  });

  it('deletes a document, but not the evidence of a consent', async () => {
    const doc = (
      await upload(aylin, caseId, { category: 'consent_form' }, { name: 'consent.pdf', data: PDF })
    ).json();
    await consent(aylin, caseId, { givenOn: '2026-02-01', evidenceDocumentId: doc.id });
    expect((await aylin.delete(`/api/clients/${caseId}/documents/${doc.id}`)).statusCode).toBe(409);
    const other = (await upload(aylin, caseId, { category: 'cv' }, { name: 'cv.pdf', data: PDF })).json();
    expect((await aylin.delete(`/api/clients/${caseId}/documents/${other.id}`)).statusCode).toBe(200);
    expect((await aylin.get(`/api/clients/${caseId}/documents/${other.id}`)).statusCode).toBe(404);
  });
});
