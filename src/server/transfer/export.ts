import type { ClientListFilter } from '../../contracts/clients';
import { caseFilter, orderOf, selectCases } from '../clients/service';
import type { AppContext } from '../context';
import { assertCan } from '../lib/access';
import type { Actor } from '../lib/actor';
import { auditActorMany } from '../lib/audit';
import { todayInGermany } from '../lib/calendar';
import { csvField, defuseFormula } from '../lib/csv';
import { AppError } from '../lib/errors';

import { loadExcel } from './sheet';

export const MAX_EXPORT_ROWS = 20_000;

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
  // exceljs writes text as text, but a user who edits the cell or saves the sheet as CSV turns
  // "=…" into a live formula; text is defused here exactly as in the CSV.
  for (const r of records) {
    sheet.addRow(
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? defuseFormula(v) : v]),
      ),
    );
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    content: buffer,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `lotse-cases-${stamp}.xlsx`,
  };
}
