/** The text of a PDF the app sent, page by page, for tests that check what a document says. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Every page's text, in order, lines ending in a newline. */
export async function pdfPages(data: Buffer | Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    // pdfmake writes the spaces between words as items of their own: joined as they come.
    pages.push(
      content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''),
    );
  }
  await doc.destroy();
  return pages;
}

/** The whole text of a PDF, pages separated by a form feed. */
export async function pdfText(data: Buffer | Uint8Array): Promise<string> {
  return (await pdfPages(data)).join('\f');
}
