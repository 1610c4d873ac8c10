import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceReport } from '../../contracts/conference-report';
import { ok } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/harness';
import { pdfText } from '../testing/pdf';
import { type ReportScenario, reportScenario } from '../testing/report-scenario';

let t: TestApp;
let s: ReportScenario;
let r: ConferenceReport;

beforeAll(async () => {
  t = await startTestApp();
  s = await reportScenario(t);
  r = ok<ConferenceReport>(await s.lead.get(`/api/conference-report?seriesId=${s.seriesId}`));
}, 120_000);
afterAll(async () => t?.close());

describe('the documents', () => {
  it('gives the same figures as an XLSX: a cover sheet, then a sheet per table', async () => {
    const res = await s.lead.get(`/api/conference-report.xlsx?seriesId=${s.seriesId}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Report',
      'Overview',
      'Conferences',
      'Commitments',
      'Cases',
      'Pathways',
    ]);
    const rows = (name: string) =>
      (book.getWorksheet(name)?.getSheetValues() ?? [])
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    const cover = rows('Report').map((x) => x.join(' '));
    expect(cover).toContain('Scope Series: Pflege Saar');
    expect(cover.some((x) => x.startsWith('Case discussed'))).toBe(true);
    const commitments = rows('Commitments').slice(2);
    expect(commitments).toEqual([
      ...r.commitmentsByInstitution.map((x) => [
        x.institution.name,
        x.made,
        x.doneOnTime,
        x.doneLate,
        x.openNotDue,
        x.overdue,
        x.dropped,
      ]),
      ['Σ', ...Object.values(r.totals.commitments)],
    ]);
    expect(rows('Cases').slice(2)).toEqual(
      r.casesByInstitution.map((x) => [x.institution.name, x.casesDiscussed, x.casesMovedOn]),
    );
    expect(rows('Overview').slice(1, 5)).toEqual([
      ['Conferences', 2],
      ['of them held', 2],
      ['Cases discussed', 4],
      ['of them moved on a stage since', 2],
    ]);
    expect(JSON.stringify(book.worksheets.map((w) => w.getSheetValues()))).not.toContain(
      s.a.cases[0]?.caseCode,
    );
    expect(await exportsLogged()).toContainEqual({ format: 'xlsx', scope: 'series', entity: s.seriesId });
    expect(rows('Pathways')[2]).toEqual([
      'Pflege mit Defizitbescheid',
      expect.any(String),
      expect.stringContaining('Pflege Frühjahr'),
      2,
      4,
      6,
      1,
    ]);
  });

  it('gives the same figures as a PDF, with the chart, and audits every export', async () => {
    const res = await s.lead.get(`/api/conference-report.pdf?seriesId=${s.seriesId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Bericht über die Geberkonferenzen');
    expect(text).toContain('Reihe: Pflege Saar');
    expect(text).toContain('Verabredungen nach Institution und Stand');
    const flat = text.replace(/\s+/g, ' ');
    for (const x of r.commitmentsByInstitution) {
      const figures = [x.made, x.doneOnTime, x.doneLate, x.openNotDue, x.overdue, x.dropped].join(' ');
      expect(flat).toContain(`${x.institution.name} ${figures}`);
    }
    for (const c of [...s.a.cases, ...s.b.cases]) expect(text).not.toContain(c.caseCode);
    expect(await exportsLogged()).toContainEqual({ format: 'pdf', scope: 'series', entity: s.seriesId });
  });

  it('says so when the period has no conference, in both documents', async () => {
    const query = '?from=2001-01-01&to=2001-12-31';
    const pdf = await pdfText((await s.lead.get(`/api/conference-report.pdf${query}`)).rawPayload);
    expect(pdf).toContain('In diesem Zeitraum fanden keine Konferenzen statt');
    expect(pdf).toContain('01.01.2001 – 31.12.2001');
    const res = await s.lead.get(`/api/conference-report.xlsx${query}&lang=en`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const cover = JSON.stringify(book.getWorksheet('Report')?.getSheetValues());
    expect(cover).toContain('No conference took place in this period');
    expect(await exportsLogged()).toContainEqual({
      format: 'xlsx',
      scope: 'organisation',
      entity: expect.any(String),
    });
  });
});

/** The lead's exports in the audit log: format, scope and the audited entity. */
async function exportsLogged() {
  const logged = await t.ctx.db.execute<{ format: string; scope: string; entity: string }>(
    sql`SELECT details->>'format' AS format, details->>'scope' AS scope, entity_id AS entity FROM audit_log
      WHERE action = 'conference.report_exported' AND actor_user_id = ${s.lead.user.id}::uuid`,
  );
  return logged.rows;
}
