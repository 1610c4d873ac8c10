import { type ImportField, importFields } from '../../contracts/transfer';
import { parseCsv } from '../lib/csv';
import { AppError } from '../lib/errors';
import { normalise } from '../lib/search-text';

/** exceljs is large; it is loaded on the first import or export, not at start. */
export const loadExcel = async () => (await import('exceljs')).default;

/** Header words that suggest a field, German and English. */
const headerHints: Record<ImportField, RegExp> = {
  givenNames: /^(vorname|vornamen|given|first ?name)/,
  familyName: /^(nachname|familienname|name$|family|last ?name|surname)/,
  givenNamesOriginal: /vorname.*(original|schrift)|given.*original/,
  familyNameOriginal: /nachname.*(original|schrift)|family.*original/,
  birthDate: /geburt|birth|dob/,
  gender: /geschlecht|gender|sex/,
  citizenships: /staatsang|citizen|nationalit/,
  birthCountry: /geburtsland|country of birth/,
  languages: /^sprachen|^languages/,
  email: /mail/,
  phone: /telefon|phone|mobil/,
  street: /stra(ss|ß)e|street|adresse|address/,
  postcode: /plz|postleitzahl|post ?code|zip/,
  city: /^(ort|stadt|wohnort|city|town)/,
  district: /kreis|district/,
  arrivalDate: /einreise|arrival|ankunft/,
  referralSource: /zugang|referral|vermittelt/,
  benefits: /leistung|benefit|sgb/,
  intakeDate: /aufnahme|erstberatung|intake|beginn/,
  notes: /notiz|bemerkung|note|comment/,
};

export function suggestMapping(columns: string[]): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  // Specific fields first, so that "Vorname (Originalschrift)" does not become the given name.
  const first: ImportField[] = ['givenNamesOriginal', 'familyNameOriginal', 'birthCountry'];
  const order = [...first, ...importFields.filter((f) => !first.includes(f))];
  for (const field of order) {
    const index = columns.findIndex((c, i) => !used.has(i) && headerHints[field].test(normalise(c)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

export async function readSheet(filename: string, data: Buffer): Promise<string[][]> {
  if (/\.xlsx$/i.test(filename)) {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.Workbook();
    try {
      // exceljs declares an ArrayBuffer; hand it one holding exactly the upload's bytes (a Buffer
      // is a view that may share a larger pooled ArrayBuffer).
      await workbook.xlsx.load(new Uint8Array(data).buffer);
    } catch {
      throw new AppError('validation_failed', 'The XLSX file cannot be read', {
        fields: [{ path: 'file', message: 'unreadable' }],
      });
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const v = row.getCell(c).value;
        values.push(
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : v === null || v === undefined
              ? ''
              : typeof v === 'object' && 'text' in v
                ? String(v.text)
                : String(v),
        );
      }
      rows.push(values);
    });
    return rows;
  }
  if (/\.(csv|txt)$/i.test(filename)) return parseCsv(data.toString('utf8'));
  throw new AppError('unsupported_media_type', 'Import a CSV or XLSX file');
}

const genderWords: Record<string, string> = {
  w: 'female',
  weiblich: 'female',
  f: 'female',
  female: 'female',
  frau: 'female',
  m: 'male',
  mannlich: 'male',
  male: 'male',
  mann: 'male',
  d: 'diverse',
  divers: 'diverse',
  diverse: 'diverse',
  x: 'not_stated',
  'keine angabe': 'not_stated',
  'not stated': 'not_stated',
};

/** Turns one spreadsheet row into a create body, tolerant of the usual German formats. */
export function toBody(
  row: string[],
  mapping: Partial<Record<ImportField, number>>,
  today: string,
): Record<string, unknown> {
  const get = (f: ImportField) => {
    const column = mapping[f];
    return column === undefined ? '' : (row[column] ?? '').trim();
  };
  const date = (v: string) => {
    const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
    if (!de) return v;
    // All three groups take part in every match; the defaults only satisfy the index type.
    const [, day = '', month = '', year = ''] = de;
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  };
  const list = (v: string) =>
    v
      .split(/[,;/]/)
      .map((s) => s.trim())
      .filter(Boolean);
  const body: Record<string, unknown> = {
    givenNames: get('givenNames'),
    familyName: get('familyName'),
    intakeDate: date(get('intakeDate')) || today,
  };
  const optional: [ImportField, (v: string) => unknown][] = [
    ['givenNamesOriginal', (v) => v],
    ['familyNameOriginal', (v) => v],
    ['birthDate', date],
    ['gender', (v) => genderWords[normalise(v)] ?? v],
    ['citizenships', (v) => list(v).map((c) => c.toUpperCase())],
    ['birthCountry', (v) => v.toUpperCase()],
    ['languages', (v) => list(v).map((c) => c.toLowerCase())],
    ['email', (v) => v],
    ['phone', (v) => v],
    ['street', (v) => v],
    ['postcode', (v) => v],
    ['city', (v) => v],
    ['district', (v) => v],
    ['arrivalDate', date],
    ['referralSource', (v) => v],
    [
      'benefits',
      (v) => v.toLowerCase().replace(/\s|-/g, '').replace('sgbii', 'sgb2').replace('sgbiii', 'sgb3'),
    ],
    ['notes', (v) => v],
  ];
  for (const [field, convert] of optional) {
    const v = get(field);
    if (v) body[field] = convert(v);
  }
  return body;
}
