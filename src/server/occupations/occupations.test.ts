import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../testing/factories';
import { type Session, sharedDataDir, startTestApp, type TestApp } from '../testing/harness';
import { importOccupations, occupationCounts } from './service';

let t: TestApp;
let counsellor: Session;
beforeAll(async () => {
  t = await startTestApp();
  ({ aylin: counsellor } = await staff(t, ['aylin']));
});
afterAll(() => t.close());

describe('reference occupations', () => {
  it('ships a built-in list that can be searched', async () => {
    const found = (await counsellor.get('/api/occupations?q=pflegefach')).json();
    expect(found[0]).toMatchObject({ scheme: 'builtin', code: '81302', level: 2, regulated: true });
    expect(
      (await counsellor.get('/api/occupations?q=nurse')).json().map((o: { code: string }) => o.code),
    ).toContain('81302');
  });

  it('imports the publisher’s KldB 2010 file: 1,301 occupations with padded keys and requirement levels', async () => {
    const text = fs.readFileSync(
      path.join(sharedDataDir(), 'kldb2010/KldB2010-V2020-Gliederung.csv'),
      'utf8',
    );
    const result = await importOccupations(t.ctx.db, text);
    expect(result).toEqual({ scheme: 'kldb2010', imported: 1301 });
    const hits = (
      await counsellor.get('/api/occupations?q=Gesundheits-%20und%20Krankenpflege&limit=50')
    ).json();
    const kldb = hits.find(
      (o: { scheme: string; code: string }) => o.scheme === 'kldb2010' && o.code === '81302',
    );
    expect(kldb).toMatchObject({ level: 2 });
    // Keys lose their leading zero in the file: "1104" at level 5 is 01104.
    const military = (await counsellor.get('/api/occupations?q=01104')).json();
    expect(military.map((o: { code: string }) => o.code)).toContain('01104');
    // Importing again updates instead of duplicating.
    await importOccupations(t.ctx.db, text);
    expect((await occupationCounts(t.ctx.db)).kldb2010).toBe(1301);
  });

  it('imports the ESCO occupations file, keeping the concept URI and ISCO group', async () => {
    const text = fs.readFileSync(path.join(sharedDataDir(), 'esco/occupations_de.csv'), 'utf8');
    const result = await importOccupations(t.ctx.db, text);
    expect(result.scheme).toBe('esco');
    expect(result.imported).toBe(3039);
    const hits = (await counsellor.get('/api/occupations?q=krankenpfleger&limit=50')).json();
    const esco = hits.filter((o: { scheme: string }) => o.scheme === 'esco');
    expect(esco.length).toBeGreaterThan(0);
    expect(esco[0].code).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\//);
    expect(esco[0].iscoGroup).toMatch(/^\d{4}$/);
  });

  it('refuses a file of another format with a clear error', async () => {
    await expect(importOccupations(t.ctx.db, 'name;age\nAnna;3\n')).rejects.toThrow(
      /Not a KldB 2010 or ESCO/,
    );
  });

  it('lets admins and leads upload a file in the browser, not counsellors', async () => {
    const esco =
      'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,definition\r\nOccupation,http://data.europa.eu/esco/occupation/test-1,2221,Testberuf,,\r\n';
    const res = await counsellor.form(
      '/api/occupations/import',
      {},
      { name: 'x.csv', data: esco, type: 'text/csv' },
    );
    expect(res.statusCode).toBe(403);
  });
});
