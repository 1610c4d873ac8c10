import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conference, Series } from '../../contracts/conferences';
import { disclosures } from '../db/schema';
import {
  type PreparedConference,
  preparedConference,
  tableCommitments,
  tableEntries,
} from '../testing/conferences';
import { institution, ok, sectorId, staff } from '../testing/factories';
import { type Session, startTestApp, type TestApp } from '../testing/harness';
import { pdfText } from '../testing/pdf';

let t: TestApp;
let lead: Session;
let aylin: Session;
let p: PreparedConference;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, aylin } = await staff(t, ['lead', 'aylin']));
  const series = ok<Series>(
    await lead.post('/api/conference-series', {
      title: 'Reihe Pflege',
      sectorId: await sectorId(lead, 'Gesundheit und Pflege'),
    }),
  );
  const earlier = await preparedConference(t, lead, aylin, { cases: 1, seriesId: series.id });
  p = await preparedConference(t, lead, aylin, { seriesId: series.id });
  const [one, two, three] = p.cases;
  // Made at the series' earlier conference, still open: the first item of this one.
  await tableCommitments(t, p, [
    {
      item: 'commitments',
      madeAt: earlier.conference.id,
      institution: 'ihk',
      action: 'Prüftermin A',
      clientId: one?.id,
    },
    {
      item: 'commitments',
      madeAt: earlier.conference.id,
      institution: 'aa',
      action: 'Förderung C',
      clientId: three?.id,
    },
    { item: 'commitments', madeAt: earlier.conference.id, institution: 'jc', action: 'Trägerliste B' },
  ]);
  await tableEntries(t, p, [{ item: 1, kind: 'decision', text: 'Sprachkurs zuerst.' }]);
  // The second case is discussed anonymised.
  const c = ok<Conference>(await lead.get(`/api/conferences/${p.conference.id}`));
  const n = c.nominations.find((x) => x.id === two?.nominationId);
  ok(
    await aylin.patch(`/api/conferences/${p.conference.id}/nominations/${n?.id}`, {
      anonymised: true,
      version: n?.version,
    }),
  );
});
afterAll(() => t.close());

async function copy(key?: 'jc' | 'ihk' | 'aa') {
  const query = key ? `?institutionId=${p.institutions[key].id}` : '';
  const res = await lead.get(`/api/conferences/${p.conference.id}/minutes.pdf${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return pdfText(res.rawPayload);
}

describe('the minutes as PDF', () => {
  it('carries over onto the first item only the commitments an institution made or may see', async () => {
    const [one, , three] = p.cases;
    const jc = await copy('jc');
    expect(jc).toContain(`${one?.name} (${one?.caseCode}): Prüftermin A`);
    expect(jc).toContain(`${three?.name} (${three?.caseCode}): Förderung C`);
    expect(jc).toContain('Trägerliste B');
    const ihk = await copy('ihk');
    expect(ihk).toContain(`Fall ${one?.caseCode}: Prüftermin A`);
    expect(ihk).not.toContain('Förderung C');
    expect(ihk).not.toContain(one?.name);
    const aa = await copy('aa');
    // Its own commitment, without naming a case its consent does not share.
    expect(aa).toContain('Förderung C');
    expect(aa).not.toContain(three?.caseCode);
    expect(aa).not.toContain('Prüftermin A');
    expect(aa).toContain('Trägerliste B');
  });

  it('shows an anonymised case anonymised to every institution, and no one its name or code', async () => {
    const two = p.cases[1];
    for (const key of ['jc', 'ihk', 'aa'] as const) {
      const text = await copy(key);
      expect(text).toContain('Anonymisierter Fall');
      expect(text).toContain('What next for case 2?');
      expect(text).not.toContain(two?.caseCode);
      expect(text).not.toContain(two?.name);
    }
    // The Agentur is named by no consent: the two other cases are only counted.
    expect(await copy('aa')).toContain(
      '2 weitere Fälle wurden ohne Freigabe für Ihre Institution besprochen.',
    );
  });

  it('gives the staff everything, with who received each case how; previews disclose nothing', async () => {
    const staffCopy = await copy();
    expect(staffCopy).toContain('Protokoll (interne Fassung)');
    for (const c of p.cases) expect(staffCopy).toContain(`${c.name} (${c.caseCode})`);
    expect(staffCopy).toContain('anonymisiert besprochen');
    expect(staffCopy).toContain(
      `${p.institutions.ihk.name}: nicht freigegeben (nicht in der Einwilligung genannt)`,
    );
    expect(staffCopy).toContain(`${p.institutions.jc.name}: namentlich (mit Einwilligung)`);
    expect(staffCopy).toContain('Sprachkurs zuerst.');
    const rows = await t.ctx.db
      .select()
      .from(disclosures)
      .where(eq(disclosures.conferenceId, p.conference.id));
    expect(rows).toEqual([]);
  });

  it('is for leads, for invited institutions only', async () => {
    const url = `/api/conferences/${p.conference.id}/minutes.pdf`;
    expect((await aylin.get(url)).statusCode).toBe(403);
    const stranger = await institution(lead, { name: 'Nicht eingeladen' });
    const res = await lead.get(`${url}?institutionId=${stranger.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'institutionId' })]);
  });
});
