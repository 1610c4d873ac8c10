import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../lib/csv';
import { openCase, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let aylin: Session;
let jonas: Session;

beforeAll(async () => {
  t = await startTestApp();
  ({ aylin, jonas } = await staff(t, ['aylin', 'jonas']));
});
afterAll(() => t.close());

describe('importing a client list', () => {
  const csv = [
    'Nachname;Vorname;Geburtsdatum;Staatsangehörigkeit;E-Mail;Erstberatung',
    'Haddad;Fatima;14.05.1988;SY;fatima@example.org;03.02.2026',
    'Kovalenko;Olha;1990-01-02;UA;;2026-02-04',
    ';Ohne Nachname;31.02.1990;Syrien;kaputt;',
    'Haddad;Fatima;14.05.1988;SY;;',
  ].join('\n');

  it('suggests a mapping, shows every row’s problems in a dry run, and imports nothing while any row has an error', async () => {
    const up = await aylin.upload('/api/clients/import', 'liste.csv', Buffer.from(csv));
    expect(up.statusCode, up.body).toBe(200);
    const { id, columns, rowCount, suggestedMapping } = up.json();
    expect(columns[0]).toBe('Nachname');
    expect(rowCount).toBe(4);
    expect(suggestedMapping).toMatchObject({
      familyName: 0,
      givenNames: 1,
      birthDate: 2,
      citizenships: 3,
      email: 4,
      intakeDate: 5,
    });

    const check = (await aylin.post(`/api/clients/import/${id}/check`, { mapping: suggestedMapping })).json();
    expect(check).toMatchObject({ rowCount: 4, validCount: 3, errorRows: 1, canCommit: false });
    const row4 = check.problems
      .filter((p: { row: number }) => p.row === 4)
      .map((p: { field: string }) => p.field)
      .sort();
    expect(row4).toEqual(['birthDate', 'citizenships.0', 'email', 'familyName']);
    expect(check.problems.find((p: { row: number }) => p.row === 5)).toMatchObject({
      severity: 'warning',
      message: 'same person as row 2',
    });

    const refused = await aylin.post(`/api/clients/import/${id}/commit`, { mapping: suggestedMapping });
    expect(refused.statusCode).toBe(400);
    expect((await aylin.get('/api/clients')).json().total).toBe(0);
  });

  it('commits all rows at once when they are valid, with warnings for duplicates already in Lotse', async () => {
    await openCase(aylin, {
      givenNames: 'Olha',
      familyName: 'Kovalenko',
      birthDate: '1990-01-02',
      intakeDate: '2025-12-01',
    });
    const good = csv
      .split('\n')
      .filter((_, i) => i !== 3)
      .join('\n');
    const { id, suggestedMapping } = (
      await aylin.upload('/api/clients/import', 'liste.csv', Buffer.from(good))
    ).json();
    const check = (await aylin.post(`/api/clients/import/${id}/check`, { mapping: suggestedMapping })).json();
    expect(check.canCommit).toBe(true);
    expect(check.problems.map((p: { message: string }) => p.message)).toContain(
      'already in Lotse as case 2025-0001',
    );
    const done = await aylin.post(`/api/clients/import/${id}/commit`, { mapping: suggestedMapping });
    expect(done.json()).toEqual({ imported: 3 });
    const list = (await aylin.get('/api/clients?q=haddad')).json();
    expect(list.total).toBe(2);
    expect(list.items[0].birthDate).toBe('1988-05-14');
    expect(
      (await aylin.post(`/api/clients/import/${id}/commit`, { mapping: suggestedMapping })).statusCode,
    ).toBe(409);
    // Someone else's import is not theirs to commit.
    const other = (await aylin.upload('/api/clients/import', 'x.csv', Buffer.from(good))).json();
    expect(
      (await jonas.post(`/api/clients/import/${other.id}/check`, { mapping: suggestedMapping })).statusCode,
    ).toBe(404);
  });

  it('says of a colleague’s case only that it exists and whom to ask, as the duplicate check does', async () => {
    // A fresh organisation with a lead, so that the cases of the other tests do not count here.
    const team = await staff(t, ['aylin', 'jonas', 'lead']);
    const hassan = await openCase(team.aylin, {
      givenNames: 'Mohammed',
      familyName: 'Al-Hassan',
      birthDate: '1987-04-12',
      email: 'm.hassan@example.org',
      intakeDate: '2026-02-01',
    });
    const sheet = [
      'Nachname;Vorname;Geburtsdatum;E-Mail',
      'Al-Hassan;Mohammed;12.04.1987;',
      'Other;Someone;01.01.1990;m.hassan@example.org',
    ].join('\n');
    const dryRun = async (s: Session) => {
      const up = (await s.upload('/api/clients/import', 'liste.csv', Buffer.from(sheet))).json();
      const res = await s.post(`/api/clients/import/${up.id}/check`, { mapping: up.suggestedMapping });
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    // Jonas cannot open Aylin's case: he learns that the person may be in Lotse and to ask her;
    // of the e-mail alone he learns nothing (typing addresses must not tell who is a client).
    const jonasRun = await dryRun(team.jonas);
    for (const secret of [hassan.caseCode, hassan.id, '1987-04-12'])
      expect(jonasRun.body).not.toContain(secret);
    expect(
      jonasRun.json().problems.map((p: { row: number; duplicate: unknown }) => [p.row, p.duplicate]),
    ).toEqual([[2, expect.objectContaining({ visible: false, caseCode: null, owner: 'Aylin Demir' })]]);
    // The lead may open every case, and is shown which one.
    const leadRun = (await dryRun(team.lead)).json();
    expect(leadRun.problems).toEqual([
      expect.objectContaining({
        row: 2,
        message: `already in Lotse as case ${hassan.caseCode}`,
        duplicate: expect.objectContaining({ visible: true, id: hassan.id, caseCode: hassan.caseCode }),
      }),
      expect.objectContaining({
        row: 3,
        field: 'email',
        message: `e-mail already used by case ${hassan.caseCode}`,
      }),
    ]);
  });

  it('reads XLSX with real dates, and refuses other files', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tabelle1');
    ws.addRow(['Vorname', 'Nachname', 'Geburtsdatum']);
    ws.addRow(['Юлія', 'Шевченко', new Date(Date.UTC(1985, 6, 1))]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const up = (await aylin.upload('/api/clients/import', 'liste.xlsx', data)).json();
    expect(up.sample[0]).toEqual(['Юлія', 'Шевченко', '1985-07-01']);
    const res = await aylin.post(`/api/clients/import/${up.id}/commit`, { mapping: up.suggestedMapping });
    expect(res.json()).toEqual({ imported: 1 });
    expect((await aylin.get('/api/clients?q=shevchenko')).json().total).toBe(1);
    expect((await aylin.upload('/api/clients/import', 'bild.png', Buffer.from('x'))).statusCode).toBe(415);
    const fresh = (await aylin.upload('/api/clients/import', 'liste.xlsx', data)).json();
    const badMap = await aylin.post(`/api/clients/import/${fresh.id}/check`, { mapping: { familyName: 9 } });
    expect(badMap.statusCode).toBe(400);
  });
});

describe('exporting the case list', () => {
  it('exports only the cases the user may see, as CSV and XLSX', async () => {
    await openCase(jonas, { givenNames: 'Nur', familyName: 'Jonas', intakeDate: '2026-01-05' });
    const res = await aylin.get('/api/clients/export?format=csv&q=haddad');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Haddad');
    const all = (await aylin.get('/api/clients/export?format=csv')).body;
    expect(all).not.toContain('Jonas;Nur');
    const xlsx = await aylin.get('/api/clients/export?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(1 + (await aylin.get('/api/clients')).json().total);
  });

  it('writes text that starts like a formula as text, in the CSV and in the XLSX alike', async () => {
    // A fresh organisation, so that the export holds exactly these two cases.
    const { aylin: own } = await staff(t, ['aylin']);
    await openCase(own, {
      familyName: '=HYPERLINK("http://evil.example","Akte")',
      givenNames: '\uFF1D1+1',
      givenNamesOriginal: '@SUM(A1)',
      phone: '+49 681 123',
      birthDate: '1990-01-02',
    });
    await openCase(own, {
      familyName: '-2+3',
      givenNames: '\uFF0Bcmd',
      phone: '\uFF0D1',
      givenNamesOriginal: '\uFF20x',
    });
    const expected = [
      ['\'=HYPERLINK("http://evil.example","Akte")', "'\uFF1D1+1", "'@SUM(A1)", '1990-01-02', "'+49 681 123"],
      ["'-2+3", "'\uFF0Bcmd", "'\uFF20x", '', "'\uFF0D1"],
    ];
    // Family name, given names, original name, birth date and phone, by their column in the export.
    const pick = (row: string[]) => [row[1], row[2], row[3], row[4], row[10]];

    const csv = (await own.get('/api/clients/export?format=csv&sort=-name')).body;
    const csvRows = parseCsv(csv).slice(1);
    expect(csvRows.map(pick)).toEqual(expected);

    const xlsx = await own.get('/api/clients/export?format=xlsx&sort=-name');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const xlsxRows = [2, 3].map((n) =>
      Array.from({ length: 12 }, (_, c) => sheet?.getRow(n).getCell(c + 1).value ?? '').map(String),
    );
    expect(xlsxRows.map(pick)).toEqual(expected);
    // Text stays text: no cell became a formula.
    expect(sheet?.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});
