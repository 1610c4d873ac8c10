/**
 * The conference report as a document for the steering group and the funder: PDF (with the chart)
 * or XLSX (a cover sheet with scope, period, when it was made and the definitions, then a sheet
 * per table). Each export is audited; it holds counts only, so it names no person.
 */
import type { ConferenceReportExportQuery } from '../../contracts/conference-report';
import type { AppContext } from '../context';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { defuseFormula } from '../lib/csv';
import { pdfDownload, renderPdf } from '../lib/pdf';
import { conferenceReport } from './report';
import { reportDocument } from './report-pdf';
import { coverLines, type ReportTable, reportTables } from './report-tables';
import { type ReportTexts, reportTexts } from './report-texts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The report of the scope as a PDF or XLSX download (for lib/http's sendFile). */
export async function exportConferenceReport(
  ctx: AppContext,
  actor: Actor,
  q: ConferenceReportExportQuery,
  format: 'pdf' | 'xlsx',
) {
  const { lang = 'de', ...scopeQuery } = q;
  const report = await conferenceReport(ctx, actor, scopeQuery);
  const t = reportTexts[lang];
  const tables = reportTables(report, t);
  const { scope } = report;
  await audit(ctx.db, actor, {
    action: 'conference.report_exported',
    entityType:
      scope.kind === 'organisation'
        ? 'organisation'
        : scope.kind === 'series'
          ? 'conference_series'
          : 'conference',
    entityId: scope.conference?.id ?? scope.series?.id ?? actor.organisationId,
    details: { format, scope: scope.kind, from: scope.from, to: scope.to, lang },
  });
  const name = `${lang === 'de' ? 'Konferenzbericht' : 'conference-report'}-${scope.from}${scope.to === scope.from ? '' : `-${scope.to}`}`;
  if (format === 'pdf') {
    const buffer = await renderPdf(reportDocument(report, tables, t, actor.organisationName));
    return pdfDownload(buffer, `${name}.pdf`);
  }
  const coverRows: [string, string][] = [
    ...coverLines(report, t, actor.organisationName),
    ['', report.empty ? t.empty : ''],
    ['', t.privacy],
  ];
  const content = await workbook(t, coverRows, tables);
  return { content, filename: `${name}.xlsx`, mimeType: XLSX, size: content.length };
}

/** Text as text: a title typed as "=…" must not become a formula in a spreadsheet. */
const safe = (v: string | number) => (typeof v === 'string' ? defuseFormula(v) : v);

async function workbook(t: ReportTexts, cover: [string, string][], tables: ReportTable[]): Promise<Buffer> {
  // exceljs is large; loaded on the first export, not at start.
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  book.creator = 'Lotse';
  const first = book.addWorksheet(t.sheets.cover);
  first.addRow([t.title]).font = { bold: true, size: 14 };
  first.addRow([]);
  for (const [k, v] of cover) if (k || v) first.addRow([k, safe(v)]);
  first.addRow([]);
  first.addRow([t.sections.definitions]).font = { bold: true };
  for (const [term, meaning] of t.definitions) first.addRow([term, meaning]);
  first.getColumn(1).width = 28;
  first.getColumn(2).width = 100;
  first.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  for (const x of tables) {
    const sheet = book.addWorksheet(x.sheet);
    sheet.addRow([x.title]).font = { bold: true, size: 12 };
    if (x.head.some(Boolean)) sheet.addRow(x.head).font = { bold: true };
    for (const row of x.rows) sheet.addRow(row.map(safe));
    if (x.total) sheet.addRow(x.total.map(safe)).font = { bold: true };
    if (x.rows.length === 0) sheet.addRow([t.none]);
    for (let i = 1; i <= Math.max(2, x.head.length); i++) sheet.getColumn(i).width = i === 1 ? 40 : 18;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
