/**
 * PDF documents out (the consent form, conference packs): pdfmake with its Roboto fonts (Latin,
 * Greek, Cyrillic), loaded on the first document, reading nothing but its own fonts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PassThrough } from 'node:stream';

const require = createRequire(import.meta.url);
type PdfMake = {
  addFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
let pdfmakeInstance: PdfMake | undefined;

function pdfmake(): PdfMake {
  if (!pdfmakeInstance) {
    const instance = require('pdfmake') as PdfMake;
    const fontsDir = path.dirname(require.resolve('pdfmake/fonts/Roboto.js'));
    instance.addFonts(require('pdfmake/fonts/Roboto.js'));
    // A document names no image or font of its own: nothing from the web, nothing else on disk.
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontsDir));
    pdfmakeInstance = instance;
  }
  return pdfmakeInstance;
}

/** The page set-up every document of Lotse shares; `content` and `info` are the document's own. */
export const pageDefaults = {
  pageSize: 'A4',
  pageMargins: [50, 50, 50, 50],
  defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
} as const;

/** A pdfmake document definition rendered to bytes. */
export function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}

/** A rendered PDF as a download for `sendFile` (lib/http). */
export function pdfDownload(buffer: Buffer, filename: string) {
  const content = new PassThrough();
  content.end(buffer);
  return { content, filename, mimeType: 'application/pdf', size: buffer.length };
}
