import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceReport } from '../../contracts/conference-report';
import type { DrillDownResult, ReportResult, SavedReport } from '../../contracts/reports';
import { clientMeasures, clients, measures } from '../db/schema';
import { todayInGermany } from '../lib/calendar';
import { auditTrail, ok, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { pdfText } from '../testing/pdf';
import { reportScenario } from '../testing/report-scenario';
import { suppress } from './suppression';

let t: TestApp;
let lead: Session;
let aylin: Session;
let dpo: Session;
let organisationId: string;
const year = 'from=2025-01-01&to=2025-12-31';

/** `n` cases of the organisation, each with one measure of `type` that started in 2025, ending as `status`. */
async function measuresOf(type: string, status: string, n: number, ownerId: string, gender = 'female') {
  const [m] = await t.ctx.db.insert(measures).values({ organisationId, title: type, type }).returning();
  const made = await t.ctx.db
    .insert(clients)
    .values(
      Array.from({ length: n }, (_, i) => ({
        organisationId,
        caseCode: `M-${type}-${status}-${i}`,
        ownerId,
        givenNames: `Teilnehmerin ${i}`,
        familyName: `${type}-${status}`,
        birthDate: '1990-04-02',
        gender,
        intakeDate: '2025-02-01',
      })),
    )
    .returning({ id: clients.id });
  await t.ctx.db.insert(clientMeasures).values(
    made.map((c) => ({
      organisationId,
      clientId: c.id,
      measureId: m?.id as string,
      status,
      startDate: '2025-03-01',
    })),
  );
  return made.map((c) => c.id);
}

let languageCompleted: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['lead', 'aylin', 'dpo']);
  ({ lead, aylin, dpo } = team);
  organisationId = team.organisation.id;
  // Measures by type and outcome: language courses 3 completed (too few to show), 6 dropped, 7
  // running; coaching 10, 5, 5. Hiding the 3 alone would leave it as 16 − 6 − 7.
  languageCompleted = await measuresOf('language_course', 'completed', 3, aylin.user.id);
  await measuresOf('language_course', 'dropped', 6, aylin.user.id);
  await measuresOf('language_course', 'started', 7, aylin.user.id);
  await measuresOf('coaching', 'completed', 10, lead.user.id, 'male');
  await measuresOf('coaching', 'dropped', 5, lead.user.id, 'male');
  await measuresOf('coaching', 'funded', 5, lead.user.id, 'male');
}, 120_000);
afterAll(async () => t?.close());

const byType = async (who: Session) => {
  const r = ok<ReportResult>(await who.get(`/api/reports/run?report=measures&${year}`));
  const table = r.tables.find((x) => x.id === 'by_type');
  if (!table) throw new Error('no by_type table');
  const row = (key: string) => table.rows.find((x) => x.key === key);
  return { r, table, row };
};

describe('small cells', () => {
  it('hides a cell of fewer than five, and the cells from which the totals would give it away', async () => {
    const { table, row } = await byType(lead);
    expect(table.columns.map((c) => c.key)).toEqual(['completed', 'dropped', 'running']);
    const show = (key: string) => {
      const r = row(key);
      return [...(r?.cells ?? []), r?.total].map((c) => (c?.suppressed ? c.suppressed : c?.value));
    };
    // Primary alone would leave 16 − 6 − 7 = 3 and 13 − 10 = 3: the rectangle of four hides it.
    expect(show('language_course')).toEqual(['primary', 'secondary', 7, 16]);
    expect(show('coaching')).toEqual(['secondary', 'secondary', 5, 20]);
    expect([...table.totalRow.cells, table.totalRow.total].map((c) => c?.value)).toEqual([13, 11, 12, 36]);
    expect(show('internship')).toEqual([0, 0, 0, 0]);
  });

  it('keeps to the rule in the algorithm itself: a line never hides exactly one of its entries', () => {
    // Row a: 2 (too few), 9 | 11; row b: 8, 1 (too few) | 9; totals 10, 10 | 20.
    const cell = (value: number) => ({ value, persons: value });
    const cells = [2, 9, 11, 8, 1, 9, 10, 10, 20].map(cell);
    const lines = [
      { parts: [0, 1], total: 2 },
      { parts: [3, 4], total: 5 },
      { parts: [6, 7], total: 8 },
      { parts: [0, 3], total: 6 },
      { parts: [1, 4], total: 7 },
      { parts: [2, 5], total: 8 },
    ];
    const marks = suppress(cells, lines);
    expect(marks[0]).toBe('primary');
    expect(marks[4]).toBe('primary');
    for (const l of lines) expect([...l.parts, l.total].filter((i) => marks[i]).length).not.toBe(1);
    // A line that does not add up (persons seen in several months) needs no second hiding.
    expect(suppress([cell(3), cell(8), cell(9)], [{ parts: [0, 1], total: 2 }])).toEqual([
      'primary',
      null,
      null,
    ]);
  });

  it('is valid for an empty period and says so', async () => {
    const r = ok<ReportResult>(
      await lead.get('/api/reports/run?report=iq_counselling&from=1999-01-01&to=1999-03-31'),
    );
    expect(r.empty).toBe(true);
    expect(r.tables.length).toBeGreaterThan(0);
    for (const table of r.tables)
      for (const c of table.totalRow.cells) expect(c).toEqual({ value: 0, suppressed: null });
    expect(r.trend?.months.map((m) => m.month)).toEqual(['1999-01', '1999-02', '1999-03']);
    expect(r.previous).toMatchObject({ from: '1998-10-01', to: '1998-12-31', empty: true });
  });
});

describe('the cases behind a cell', () => {
  it('lists them for a lead, audits the opening and each case, and gives them out only pseudonymised', async () => {
    const q = `report=measures&${year}&table=by_type&row=language_course&column=completed`;
    const d = ok<DrillDownResult>(await lead.get(`/api/reports/cases?${q}`));
    expect(d.total).toBe(3);
    expect(d.cases.map((c) => c.id).sort()).toEqual([...languageCompleted].sort());
    const opened = await auditTrail(dpo, { action: 'report.drilldown' });
    expect(JSON.stringify(opened)).toContain('language_course');
    const reads = await auditTrail(dpo, { action: 'client.read', subjectId: languageCompleted[0] as string });
    expect(JSON.stringify(reads)).toContain('report.drilldown');

    const res = await lead.get(`/api/reports/cases.xlsx?${q}&lang=en`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const all = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
    expect(all).not.toContain('Teilnehmerin');
    expect(all).not.toContain('1990-04-02');
    expect(all).not.toContain('M-language_course');
    const rows = (book.getWorksheet('Cases')?.getSheetValues() ?? []).slice(3) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual(
      Array.from({ length: 3 }, () => [
        expect.stringMatching(/^[0-9a-f]{16}$/),
        'Female',
        '30–54',
        expect.any(String),
      ]),
    );
    // The same case keeps its pseudonym in the next export: a funder can follow it, nobody can reverse it.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(
      new Uint8Array((await lead.get(`/api/reports/cases.xlsx?${q}&lang=en`)).rawPayload).buffer,
    );
    expect(JSON.stringify(again.getWorksheet('Cases')?.getSheetValues())).toBe(
      JSON.stringify(book.getWorksheet('Cases')?.getSheetValues()),
    );
  });

  it('answers a wrong table, row or column with 400 naming it, and a counsellor with 403', async () => {
    const base = `/api/reports/cases?report=measures&${year}`;
    const bad = await lead.get(`${base}&table=nope&row=all&column=completed`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('table');
    expect((await lead.get(`${base}&table=by_type&row=all&column=nope`)).statusCode).toBe(400);
    expect((await aylin.get(`${base}&table=by_type&row=all&column=completed`)).statusCode).toBe(403);
  });
});

describe('choices that do not fit', () => {
  it('answers with 400 naming the field, never 500', async () => {
    const cases: [string, string][] = [
      ['/api/reports/run?report=measures&from=2025-12-31&to=2025-01-01', 'to'],
      ['/api/reports/run?report=measures&from=2025-01-01&to=2025-12-31&version=9', 'version'],
      ['/api/reports/run?report=conferences&from=2025-01-01&to=2025-12-31&by=gender', 'by'],
      ['/api/reports/run?report=nope&from=2025-01-01&to=2025-12-31', 'report'],
      ['/api/reports/run?report=measures&from=2025-02-30&to=2025-12-31', 'from'],
      ['/api/reports/run?report=measures&from=1900-01-01&to=2025-12-31', 'to'],
    ];
    for (const [url, field] of cases) {
      const res = await lead.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain(field);
    }
  });
});

describe('saved reports', () => {
  it('saves a report with its version, lists it for its user only, runs it again and removes it', async () => {
    const body = {
      name: 'Maßnahmen 2025',
      report: 'measures',
      version: 1,
      from: '2025-01-01',
      to: '2025-12-31',
      by: 'gender',
    };
    const saved = ok<SavedReport>(await lead.post('/api/reports/saved', body));
    expect(saved).toMatchObject(body);
    expect(ok<SavedReport[]>(await lead.get('/api/reports/saved')).map((s) => s.id)).toContain(saved.id);
    expect(ok<SavedReport[]>(await aylin.get('/api/reports/saved'))).toEqual([]);
    const again = ok<ReportResult>(
      await lead.get(
        `/api/reports/run?report=${saved.report}&version=${saved.version}&from=${saved.from}&to=${saved.to}&by=${saved.by}`,
      ),
    );
    expect(again).toMatchObject({ report: 'measures', version: 1, by: 'gender' });
    expect((await aylin.delete(`/api/reports/saved/${saved.id}`)).statusCode).toBe(404);
    expect((await lead.post('/api/reports/saved', { ...body, name: ' ' })).statusCode).toBe(400);
    expect((await lead.post('/api/reports/saved', { ...body, version: 7 })).statusCode).toBe(400);
    expect((await lead.delete(`/api/reports/saved/${saved.id}`)).statusCode).toBe(200);
    expect(ok<SavedReport[]>(await lead.get('/api/reports/saved'))).toEqual([]);
  });
});

describe('the documents', () => {
  it('gives a report as XLSX with the definition, version and period on the cover and the screen’s figures', async () => {
    const r = ok<ReportResult>(await lead.get(`/api/reports/run?report=measures&${year}`));
    const res = await lead.get(`/api/reports/run.xlsx?report=measures&${year}&lang=de`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const cover = JSON.stringify(book.worksheets[0]?.getSheetValues());
    expect(cover).toContain('01.01.2025 – 31.12.2025');
    expect(cover).toContain('Version der Definition');
    expect(cover).toContain('< 5');
    const sheet = book.worksheets[1];
    const values = (sheet?.getSheetValues() ?? []) as unknown[][];
    const language = values.find(
      (row) => Array.isArray(row) && String(row[1]).startsWith('Berufsbezogener Sprachkurs'),
    );
    expect(language?.slice(2)).toEqual(['< 5', '•', 7, 16]);
    const total = values.at(-1) as unknown[];
    const screen = r.tables.find((x) => x.id === 'by_type')?.totalRow;
    expect(total.slice(2)).toEqual([...(screen?.cells ?? []), screen?.total].map((c) => c?.value));
    const exported = await auditTrail(dpo, { action: 'report.exported' });
    expect(JSON.stringify(exported)).toContain('"format":"xlsx"');
  });

  it('gives the same report as a PDF for the steering group', async () => {
    const res = await lead.get(`/api/reports/run.pdf?report=measures&${year}&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Measures by type and outcome');
    expect(text).toContain('2025-01-01 – 2025-12-31');
    expect(text).toContain('< 5 • 7 16');
    expect(text).toContain('13 11 12 36');
    expect(text).not.toContain('Teilnehmerin');
  });

  it('gives every report of a year in one workbook', async () => {
    const res = await lead.get(`/api/reports/year.xlsx?${year}&lang=en`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(book.worksheets.length).toBeGreaterThan(15);
    const names = book.worksheets.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });
});

describe('the conference figures', () => {
  it('count the conferences held and commitments per institution as the conference report does', async () => {
    const s = await reportScenario(t);
    const today = todayInGermany();
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const r = ok<ReportResult>(
      await s.lead.get(`/api/reports/run?report=conferences&from=${from}&to=${today}`),
    );
    const c = ok<ConferenceReport>(await s.lead.get(`/api/conference-report?from=${from}&to=${today}`));
    const [conferences, commitments] = r.tables;
    expect(conferences?.totalRow.cells[0]).toEqual({ value: c.totals.conferencesHeld, suppressed: null });
    const made = commitments?.totalRow.total;
    expect(made?.suppressed ? null : made?.value).toBe(made?.suppressed ? null : c.totals.commitments.made);
    for (const row of commitments?.rows ?? []) {
      const theirs = c.commitmentsByInstitution.find((x) => x.institution.id === row.key);
      expect(row.label).toBe(theirs?.institution.name);
      const mine = [row.cells[0], row.cells[1], row.cells[2], row.cells[3], row.cells[4]];
      const want = [
        theirs?.doneOnTime,
        theirs?.doneLate,
        theirs?.openNotDue,
        theirs?.overdue,
        theirs?.dropped,
      ];
      mine.forEach((cell, i) => {
        if (!cell?.suppressed) expect(cell?.value).toBe(want[i]);
      });
    }
  });
});
