/**
 * The conference report as a document for the steering group and the funder: PDF (with the chart)
 * or XLSX (a cover sheet with scope, period, when it was made and the definitions, then a sheet
 * per table). Each export is audited; it holds counts only, so it names no person.
 */
import type { ConferenceReportExportQuery } from '../../contracts/conference-report';
import type { AppContext } from '../context';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { tablesWorkbook, XLSX_TYPE } from '../lib/doc-tables';
import { pdfDownload, renderPdf } from '../lib/pdf';
import { conferenceReport } from './report';
import { reportDocument } from './report-pdf';
import { coverLines, type ReportTable, reportTables } from './report-tables';
import { type ReportTexts, reportTexts } from './report-texts';

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
  return { content, filename: `${name}.xlsx`, mimeType: XLSX_TYPE, size: content.length };
}

function workbook(t: ReportTexts, cover: [string, string][], tables: ReportTable[]): Promise<Buffer> {
  return tablesWorkbook({
    title: t.title,
    coverSheet: t.sheets.cover,
    cover,
    definitionsHeading: t.sections.definitions,
    definitions: t.definitions,
    tables,
    none: t.none,
  });
}
