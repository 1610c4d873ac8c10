/**
 * Case lists in and out of Lotse: the filtered case list as CSV or XLSX, and a client list from a
 * spreadsheet, checked row by row in a dry run and then imported all or nothing.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { type ClientListFilter, createClientBody } from '../../contracts/clients';
import { type ImportField, importFields } from '../../contracts/transfer';
import { type CaseOpening, caseFilter, openCases, orderOf, selectCases } from '../clients/service';
import type { AppContext } from '../context';
import { clientImports, clients } from '../db/schema';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { auditActorMany } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { csvField, parseCsv } from '../lib/csv';
import { AppError, notFound } from '../lib/errors';
import { normalise } from '../lib/search-text';

export const MAX_EXPORT_ROWS = 20_000;

/** exceljs is large; it is loaded on the first import or export, not at start. */
const loadExcel = async () => (await import('exceljs')).default;
export const MAX_IMPORT_ROWS = 20_000;

const exportColumns = [
  ['caseCode', 'Fallnummer / Case'],
  ['familyName', 'Nachname / Family name'],
  ['givenNames', 'Vorname / Given names'],
  ['originalName', 'Name in Originalschrift / Original script'],
  ['birthDate', 'Geburtsdatum / Date of birth'],
  ['stage', 'Phase / Stage'],
  ['owner', 'Berater:in / Counsellor'],
  ['intakeDate', 'Aufnahme / Intake'],
  ['occupation', 'Referenzberuf / Reference occupation'],
  ['email', 'E-Mail'],
  ['phone', 'Telefon / Phone'],
  ['district', 'Kreis / District'],
] as const;

/** The filtered case list as CSV or XLSX, within the user's access; every exported person is audited. */
export async function exportClients(
  ctx: AppContext,
  actor: Actor,
  f: ClientListFilter,
  format: 'csv' | 'xlsx',
) {
  assertCan(actor, 'cases.work');
  const rows = await selectCases(ctx.db)
    .where(caseFilter(actor, f))
    .orderBy(...orderOf(f.sort))
    .limit(MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) {
    throw new AppError('validation_failed', `More than ${MAX_EXPORT_ROWS} cases: narrow the filter`);
  }
  const records = rows.map((r) => ({
    caseCode: r.caseCode,
    familyName: r.familyName,
    givenNames: r.givenNames,
    originalName: [r.givenNamesOriginal, r.familyNameOriginal].filter(Boolean).join(' '),
    birthDate: r.birthDate,
    stage: r.stage,
    owner: r.ownerName,
    intakeDate: r.intakeDate,
    occupation: r.occupation,
    email: r.email,
    phone: r.phone,
    district: r.district,
  }));
  await auditActorMany(
    ctx.db,
    actor,
    rows.map((r) => ({
      action: 'client.exported',
      entityType: 'client',
      entityId: r.id,
      subjectClientId: r.id,
      details: { format, count: rows.length },
    })),
  );
  const stamp = todayInGermany();
  if (format === 'csv') {
    const lines = [
      exportColumns.map(([, h]) => csvField(h)).join(';'),
      ...records.map((r) => exportColumns.map(([k]) => csvField(r[k])).join(';')),
    ];
    // A BOM makes spreadsheet programs read UTF-8 (names in Arabic or Cyrillic script) correctly.
    return {
      content: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
      mimeType: 'text/csv; charset=utf-8',
      filename: `lotse-cases-${stamp}.csv`,
    };
  }
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.columns = exportColumns.map(([key, header]) => ({ header, key, width: 22 }));
  for (const r of records) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    content: buffer,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `lotse-cases-${stamp}.xlsx`,
  };
}

// --- import ---

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

async function readSheet(filename: string, data: Buffer): Promise<string[][]> {
  if (/\.xlsx$/i.test(filename)) {
    const ExcelJS = await loadExcel();
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
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

export async function uploadImport(ctx: AppContext, actor: Actor, filename: string, data: Buffer) {
  assertCan(actor, 'cases.work');
  const [header, ...rows] = await readSheet(filename, data);
  if (!header || rows.length === 0)
    throw new AppError('validation_failed', 'The file has no rows below its header');
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError('validation_failed', `At most ${MAX_IMPORT_ROWS} rows per import`);
  const width = header.length;
  const normalised = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()));
  const [row] = await ctx.db
    .insert(clientImports)
    .values({
      organisationId: actor.organisationId,
      userId: actor.userId,
      filename,
      columns: header.map((h) => h.trim()),
      rows: normalised,
    })
    .returning({ id: clientImports.id });
  return {
    id: row!.id,
    filename,
    columns: header,
    rowCount: rows.length,
    sample: normalised.slice(0, 5),
    suggestedMapping: suggestMapping(header),
  };
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
function toBody(
  row: string[],
  mapping: Partial<Record<ImportField, number>>,
  today: string,
): Record<string, unknown> {
  const get = (f: ImportField) => (mapping[f] === undefined ? '' : (row[mapping[f]!] ?? '').trim());
  const date = (v: string) => {
    const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
    return de ? `${de[3]}-${de[2]!.padStart(2, '0')}-${de[1]!.padStart(2, '0')}` : v;
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

export interface RowProblem {
  row: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

async function validateImport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  mapping: Partial<Record<ImportField, number>>,
) {
  assertCan(actor, 'cases.work');
  const [imp] = await ctx.db
    .select()
    .from(clientImports)
    .where(
      and(
        eq(clientImports.id, id),
        eq(clientImports.organisationId, actor.organisationId),
        eq(clientImports.userId, actor.userId),
      ),
    );
  if (!imp) throw notFound('import');
  if (imp.committedAt) throw new AppError('conflict', 'This import has already been committed');
  for (const [field, index] of Object.entries(mapping)) {
    if (
      !importFields.includes(field as ImportField) ||
      index === undefined ||
      index < 0 ||
      index >= imp.columns.length
    ) {
      throw new AppError('validation_failed', `Mapping of ${field} points to no column`, {
        fields: [{ path: `mapping.${field}`, message: 'no such column' }],
      });
    }
  }
  if (mapping.givenNames === undefined || mapping.familyName === undefined) {
    throw new AppError('validation_failed', 'Map the given names and the family name', {
      fields: [{ path: 'mapping', message: 'names are required' }],
    });
  }
  const today = todayInGermany();
  const problems: RowProblem[] = [];
  const valid: { index: number; values: ReturnType<typeof createClientBody.parse> }[] = [];
  const seen = new Map<string, number>();
  imp.rows.forEach((row, i) => {
    const rowNumber = i + 2; // as the spreadsheet numbers it, below the header
    const parsed = createClientBody.safeParse(toBody(row, mapping, today));
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          row: rowNumber,
          field: issue.path.join('.'),
          message: issue.message,
          severity: 'error',
        });
      return;
    }
    const key = `${normalise(`${parsed.data.givenNames} ${parsed.data.familyName}`)}|${parsed.data.birthDate ?? ''}`;
    if (parsed.data.birthDate && seen.has(key)) {
      problems.push({
        row: rowNumber,
        field: 'familyName',
        message: `same person as row ${seen.get(key)}`,
        severity: 'warning',
      });
    }
    seen.set(key, rowNumber);
    valid.push({ index: rowNumber, values: parsed.data });
  });
  // Already in Lotse: same name and birth date, or same e-mail (only the candidates are loaded).
  if (valid.length) {
    const dates = [...new Set(valid.map((v) => v.values.birthDate).filter((d): d is string => Boolean(d)))];
    const emails = [...new Set(valid.map((v) => v.values.email).filter((e): e is string => Boolean(e)))];
    const candidates = or(
      dates.length ? inArray(clients.birthDate, dates) : undefined,
      emails.length ? inArray(clients.email, emails) : undefined,
    );
    const existing = candidates
      ? await ctx.db
          .select({
            givenNames: clients.givenNames,
            familyName: clients.familyName,
            birthDate: clients.birthDate,
            email: clients.email,
            caseCode: clients.caseCode,
          })
          .from(clients)
          .where(and(eq(clients.organisationId, actor.organisationId), candidates))
      : [];
    const personKey = (given: string, family: string, birth: string | null) =>
      `${normalise(`${given} ${family}`)}|${birth ?? ''}`;
    const byKey = new Map(
      existing
        .filter((e) => e.birthDate)
        .map((e) => [personKey(e.givenNames, e.familyName, e.birthDate), e.caseCode]),
    );
    const byEmail = new Map(existing.filter((e) => e.email).map((e) => [e.email!, e.caseCode]));
    for (const v of valid) {
      const hit = v.values.birthDate
        ? byKey.get(personKey(v.values.givenNames, v.values.familyName, v.values.birthDate))
        : undefined;
      if (hit)
        problems.push({
          row: v.index,
          field: 'familyName',
          message: `already in Lotse as case ${hit}`,
          severity: 'warning',
        });
      else if (v.values.email && byEmail.has(v.values.email)) {
        problems.push({
          row: v.index,
          field: 'email',
          message: `e-mail already used by case ${byEmail.get(v.values.email)}`,
          severity: 'warning',
        });
      }
    }
  }
  return { imp, problems: problems.sort((a, b) => a.row - b.row), valid };
}

export async function checkImport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  mapping: Partial<Record<ImportField, number>>,
) {
  const { imp, problems, valid } = await validateImport(ctx, actor, id, mapping);
  const errorRows = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row));
  return {
    rowCount: imp.rows.length,
    validCount: valid.length,
    errorRows: errorRows.size,
    problems: problems.slice(0, 2000),
    canCommit: errorRows.size === 0,
  };
}

/** All or nothing: one transaction; any row with an error stops the whole import. */
export async function commitImport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  mapping: Partial<Record<ImportField, number>>,
) {
  const { problems, valid } = await validateImport(ctx, actor, id, mapping);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new AppError(
      'validation_failed',
      `${new Set(errors.map((e) => e.row)).size} rows have errors; nothing was imported`,
      {
        details: { problems: errors.slice(0, 200) },
      },
    );
  }
  await ctx.db.transaction(async (tx) => {
    await openCases(
      tx,
      actor,
      valid.map(({ values }) => {
        const { ignoreDuplicates: _ignore, ...fields } = values;
        return { ...(fields as CaseOpening), ownerId: actor.userId };
      }),
      { action: 'client.imported', details: { importId: id } },
    );
    await tx
      .update(clientImports)
      .set({ committedAt: new Date(), importedCount: valid.length, rows: [] })
      .where(eq(clientImports.id, id));
  });
  return { imported: valid.length };
}
