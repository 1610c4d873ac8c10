/**
 * Titled tables of figures as documents: one sheet per table in an XLSX with a cover sheet, and
 * the same tables in a PDF. The conference report and the funder reports both print this way,
 * so a steering group gets the same look from either.
 */
import { defuseFormula } from './csv';

export type DocCell = string | number;
export interface DocTable {
  /** The sheet's name in the XLSX (at most 31 characters, unique in the workbook). */
  sheet: string;
  title: string;
  /** What the table counts, printed under its title. */
  note?: string;
  head: string[];
  rows: DocCell[][];
  /** A last row that sums the columns (bold). */
  total?: DocCell[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Text as text: a title typed as "=…" must not become a formula in a spreadsheet. */
const safe = (v: DocCell) => (typeof v === 'string' ? defuseFormula(v) : v);

export interface Workbook {
  title: string;
  coverSheet: string;
  cover: [string, string][];
  definitionsHeading: string;
  definitions: [string, string][];
  tables: DocTable[];
  /** Printed in a table with no rows. */
  none: string;
}

export async function tablesWorkbook(w: Workbook): Promise<Buffer> {
  // exceljs is large; loaded on the first export, not at start.
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  book.creator = 'Lotse';
  const first = book.addWorksheet(w.coverSheet);
  first.addRow([w.title]).font = { bold: true, size: 14 };
  first.addRow([]);
  for (const [k, v] of w.cover) if (k || v) first.addRow([k, safe(v)]);
  first.addRow([]);
  first.addRow([w.definitionsHeading]).font = { bold: true };
  for (const [term, meaning] of w.definitions) first.addRow([term, meaning]);
  first.getColumn(1).width = 28;
  first.getColumn(2).width = 100;
  first.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  for (const x of w.tables) {
    const sheet = book.addWorksheet(x.sheet);
    sheet.addRow([x.title]).font = { bold: true, size: 12 };
    if (x.note) sheet.addRow([x.note]).font = { italic: true };
    if (x.head.some(Boolean)) sheet.addRow(x.head).font = { bold: true };
    for (const row of x.rows) sheet.addRow(row.map(safe));
    if (x.total) sheet.addRow(x.total.map(safe)).font = { bold: true };
    if (x.rows.length === 0) sheet.addRow([w.none]);
    for (let i = 1; i <= Math.max(2, x.head.length); i++) sheet.getColumn(i).width = i === 1 ? 40 : 18;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Thin rules between rows, a stronger one under the head; no vertical lines. */
const lines = {
  hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows?: number } }) =>
    i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 1 : 0.5,
  hLineColor: (i: number, node: { table: { headerRows?: number } }) =>
    i === node.table.headerRows ? '#333333' : '#bbbbbb',
  vLineWidth: () => 0,
};

export const pdfHeading = (text: string) => ({ text, fontSize: 13, bold: true, margin: [0, 14, 0, 4] });

/** A table for pdfmake: numbers right-aligned, the total row bold. */
export function pdfTable(x: DocTable, none: string): unknown[] {
  if (x.rows.length === 0) return [{ text: none, italics: true, color: '#555' }];
  const numeric = (v: unknown) => typeof v === 'number';
  const first = x.rows[0] ?? [];
  // A figure hidden as "< 5" is still a figure: aligned like the numbers of its column.
  const right = (i: number) => numeric(first[i]) || (i > 0 && x.head.length > 0);
  const cell = (v: DocCell, i: number, bold = false) =>
    right(i) ? { text: String(v), alignment: 'right', bold } : { text: String(v), bold };
  const head = x.head.every((h) => h === '')
    ? []
    : [x.head.map((h, i) => ({ text: h, bold: true, fontSize: 8, alignment: right(i) ? 'right' : 'left' }))];
  const body = [
    ...head,
    ...x.rows.map((r) => r.map((v, i) => cell(v, i))),
    ...(x.total ? [x.total.map((v, i) => cell(v, i, true))] : []),
  ];
  return [
    ...(x.note ? [{ text: x.note, fontSize: 8, color: '#555', margin: [0, 0, 0, 4] }] : []),
    {
      table: {
        headerRows: head.length,
        keepWithHeaderRows: head.length,
        // A list of figures (no head) stays narrow; in a table the names get a column of their
        // own width and the figures share the rest evenly.
        widths:
          head.length === 0 ? [260, 50] : x.head.map((_, i) => (i > 0 || x.head.length <= 3 ? '*' : 160)),
        body,
      },
      layout: lines,
      fontSize: 9,
    },
  ];
}
