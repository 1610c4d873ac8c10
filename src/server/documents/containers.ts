/**
 * Office files are ZIP containers, and the first bytes only say "ZIP". A file is accepted as a
 * Word, Excel, PowerPoint or OpenDocument file only when it holds the entries that make one: for
 * OOXML the content types and the main part, for ODF a first, uncompressed `mimetype` entry that
 * names the type of the extension (as ODF requires), the manifest and the content. Anything else
 * named .docx — a bare ZIP header, an archive of other files — could be anything once opened.
 */
import { AppError } from '../lib/errors';
import { storedEntry, zipEntries } from '../lib/zip';

const ooxml: Record<string, { label: string; mainPart: string }> = {
  docx: { label: 'Word document', mainPart: 'word/document.xml' },
  xlsx: { label: 'Excel workbook', mainPart: 'xl/workbook.xml' },
  pptx: { label: 'PowerPoint presentation', mainPart: 'ppt/presentation.xml' },
};
const odf: Record<string, { label: string; mediaType: string }> = {
  odt: { label: 'OpenDocument text', mediaType: 'application/vnd.oasis.opendocument.text' },
  ods: { label: 'OpenDocument spreadsheet', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { label: 'OpenDocument presentation', mediaType: 'application/vnd.oasis.opendocument.presentation' },
};

const invalid = (label: string, problem: string) =>
  new AppError('document_invalid', `The file is not a valid ${label}: ${problem}`, {
    fields: [{ path: 'file', message: problem }],
  });

/** Refuses the office file at `file` (extension `ext`) unless its container holds what its type needs. */
export async function assertOfficeContainer(file: string, ext: string): Promise<void> {
  const kind = ooxml[ext] ?? odf[ext];
  if (!kind) return;
  // Whatever a crafted file makes the reader trip over is a refusal, never a server error.
  const entries = await zipEntries(file).catch(() => null);
  if (!entries || entries.length === 0) throw invalid(kind.label, 'it is not a readable ZIP container');
  const names = new Set(entries.map((e) => e.name));
  const missing = (required: string[]) => required.filter((name) => !names.has(name));

  const office = ooxml[ext];
  if (office) {
    const lacking = missing(['[Content_Types].xml', office.mainPart]);
    if (lacking.length) throw invalid(office.label, `it lacks ${lacking.join(' and ')}`);
    return;
  }
  const open = odf[ext];
  if (!open) return;
  const [first] = entries;
  const mimetype = first?.name === 'mimetype' ? await storedEntry(file, first, 200).catch(() => null) : null;
  if (!mimetype) throw invalid(open.label, 'its first entry is not an uncompressed "mimetype"');
  const declared = mimetype.toString('latin1');
  if (declared !== open.mediaType) {
    // Shown to the user: only printable characters of what the file claims.
    throw invalid(open.label, `its mimetype says "${declared.replace(/[^\x20-\x7e]/g, '?')}"`);
  }
  const lacking = missing(['META-INF/manifest.xml', 'content.xml']);
  if (lacking.length) throw invalid(open.label, `it lacks ${lacking.join(' and ')}`);
}
