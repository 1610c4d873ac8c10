import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
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

/**
 * A ZIP file of stored (uncompressed) entries, in the given order: local headers, then the central
 * directory and its end record — what Word, Excel or LibreOffice would read.
 */
function zipOf(files: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

const DOCX = zipOf([
  [
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ],
  [
    'word/document.xml',
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Lebenslauf</w:t></w:r></w:p></w:body></w:document>',
  ],
]);
const odf = (mimetype: string) =>
  zipOf([
    ['mimetype', mimetype],
    [
      'META-INF/manifest.xml',
      `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ],
    [
      'content.xml',
      '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>',
    ],
  ]);

describe('office documents', () => {
  it('accepts Word, Excel and OpenDocument files that hold the parts their type needs', async () => {
    const id = (
      await openCase(aylin, { givenNames: 'Office', familyName: 'Dateien', intakeDate: '2026-02-01' })
    ).id;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Noten').addRow(['Fach', 'Note']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const files: [string, Buffer, string][] = [
      ['Lebenslauf.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Noten.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [
        'Brief.odt',
        odf('application/vnd.oasis.opendocument.text'),
        'application/vnd.oasis.opendocument.text',
      ],
    ];
    for (const [name, data, mimeType] of files) {
      const res = await upload(aylin, id, { category: 'cv' }, { name, data });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      expect(res.json().mimeType).toBe(mimeType);
    }
  });

  it('refuses a ZIP named like an office file that lacks what makes one, saying why', async () => {
    const id = (
      await openCase(aylin, { givenNames: 'Falsche', familyName: 'Dateien', intakeDate: '2026-02-01' })
    ).id;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tabelle1').addRow(['x']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const refused: [string, Buffer, RegExp][] = [
      // Only the four bytes a ZIP starts with, and nothing of a container after them.
      [
        'Lebenslauf.docx',
        Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 0x41)]),
        /not a readable ZIP/,
      ],
      [
        'Zeugnis.docx',
        zipOf([['readme.txt', 'hello']]),
        /lacks \[Content_Types\]\.xml and word\/document\.xml/,
      ],
      ['Tabelle.docx', xlsx, /lacks word\/document\.xml/],
      ['Noten.xlsx', DOCX, /lacks xl\/workbook\.xml/],
      [
        'Brief.odt',
        odf('application/vnd.oasis.opendocument.spreadsheet'),
        /mimetype says "application\/vnd\.oasis\.opendocument\.spreadsheet"/,
      ],
      [
        'Brief.odt',
        zipOf([
          ['content.xml', '<x/>'],
          ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ]),
        /first entry/,
      ],
    ];
    for (const [name, data, reason] of refused) {
      const res = await upload(aylin, id, { category: 'cv' }, { name, data });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'document_invalid',
        fields: [{ path: 'file', message: expect.stringMatching(reason) }],
      });
    }
    // Nothing of them was kept.
    expect((await caseFile(aylin, id)).documents).toEqual([]);
  });

  it('refuses a ZIP64 directory that points beyond the file, not with a server error', async () => {
    const id = (
      await openCase(aylin, { givenNames: 'Zip', familyName: 'Vierundsechzig', intakeDate: '2026-02-01' })
    ).id;
    // A ZIP64 locator whose offset is near 2^64, then an end record that sends the reader to it.
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(0xfffffffffffff000n, 8);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    const data = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100), locator, end]);
    const res = await upload(aylin, id, { category: 'cv' }, { name: 'Lebenslauf.docx', data });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('document_invalid');
  });
});
