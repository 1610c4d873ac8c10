/**
 * A CSV reader for the files counsellors and publishers actually produce: UTF-8 with or without
 * BOM, `,` or `;` separated, quoted fields with doubled quotes and line breaks inside.
 */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = delimiter ?? detectDelimiter(input);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
  }
  return rows;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const count = (c: string) => firstLine.split(c).length;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

/**
 * Characters with which a spreadsheet program may start a formula when the cell is read from a
 * CSV or typed over: `= + - @`, their full-width forms (Excel and LibreOffice with East Asian
 * input treat `＝` like `=`), and tab or CR, which some programs skip before looking for `=`.
 */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell a spreadsheet will show, never run: a leading apostrophe, which Excel and LibreOffice
 * read as "this is text". The one defence for every CSV and XLSX the server writes; only text is
 * touched — numbers and dates written as such stay what they are.
 */
export function defuseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One CSV field: quoted when needed; formulas are defused so that spreadsheets do not execute them. */
export function csvField(value: unknown, delimiter = ';'): string {
  if (value === null || value === undefined) return '';
  const s = defuseFormula(Array.isArray(value) ? value.join(', ') : String(value));
  return /["\n\r]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}
