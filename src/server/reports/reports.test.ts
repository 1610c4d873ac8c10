import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Breakdown, ReportCatalogue, ReportResult, ReportTable } from '../../contracts/reports';
import { ok, sectorId, staff } from '../testing/factories';
import { expectedFacts, type Fact, figure, rowOf } from '../testing/funder-expected';
import { funderScenario, type Person } from '../testing/funder-scenario';
import { type Session, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp;
let lead: Session;
let aylin: Session;
let people: Person[];
const year = { from: '2025-01-01', to: '2025-12-31' };
const previousYear = { from: '2024-01-01', to: '2024-12-31' };

const run = async (who: Session, report: string, by: Breakdown, period = year) =>
  ok<ReportResult>(
    await who.get(`/api/reports/run?report=${report}&from=${period.from}&to=${period.to}&by=${by}`),
  );

beforeAll(async () => {
  t = await startTestApp();
  const team = await staff(t, ['lead', 'aylin', 'jonas']);
  lead = team.lead;
  aylin = team.aylin;
  const sectors = [await sectorId(lead, 'Gesundheit und Pflege'), await sectorId(lead, 'IT')];
  people = await funderScenario(
    t,
    team.organisation.id,
    [
      { id: team.aylin.user.id, team: 'Saarbrücken' },
      { id: team.jonas.user.id, team: 'Neunkirchen' },
      { id: team.lead.user.id, team: null },
    ],
    sectors,
    400,
  );
}, 120_000);
afterAll(async () => t?.close());

/**
 * Every cell of a table against the test's own count: a shown cell has exactly the counted value;
 * a cell with one to four persons behind it is hidden as primary; a hidden secondary cell hides a
 * value the totals would otherwise give away. Then: no line that adds up hides exactly one entry.
 */
function checkTable(table: ReportTable, facts: Fact[], by: Breakdown, peopleById: Map<string, Person>) {
  const rowKey = (f: Fact) =>
    f.row ?? rowOf(peopleById.get(f.client) as Person, table.rowsBy === 'breakdown' ? by : 'none');
  const allPersons = table.columns.every((c) => c.kind === 'persons');
  const seen = new Set(facts.map(rowKey));
  for (const key of seen)
    expect(
      table.rows.map((r) => r.key),
      `${table.id}: row ${key}`,
    ).toContain(key);
  const lines: { parts: { value: number; hidden: boolean }[]; total: { value: number; hidden: boolean } }[] =
    [];
  const check = (
    cell: ReportTable['totalRow']['cells'][number],
    mine: Fact[],
    kind: Parameters<typeof figure>[1],
    where: string,
  ) => {
    const want = figure(mine, kind, allPersons);
    const tooFew = kind !== 'plain' && want.persons > 0 && want.persons < 5;
    if (tooFew) expect(cell.suppressed, `${where} has ${want.persons} persons`).toBe('primary');
    else if (cell.suppressed === 'primary')
      throw new Error(`${where} hidden as primary with ${want.persons} persons`);
    if (!cell.suppressed) expect(cell.value, where).toBe(want.value);
    else expect(cell.value, where).toBeNull();
    return { value: want.value ?? 0, hidden: cell.suppressed !== null };
  };
  const columnParts = table.columns.map(() => [] as { value: number; hidden: boolean }[]);
  const rowTotals: { value: number; hidden: boolean }[] = [];
  for (const row of table.rows) {
    const inRow = facts.filter((f) => rowKey(f) === row.key);
    const parts = table.columns.map((c, j) => {
      const entry = check(
        row.cells[j] as never,
        inRow.filter((f) => f.col === c.key),
        c.kind,
        `${table.id}[${row.key}][${c.key}]`,
      );
      if (c.kind === 'persons' || c.kind === 'count') columnParts[j]?.push(entry);
      return entry;
    });
    if (table.partition) {
      const total = check(row.total as never, inRow, 'rowTotal', `${table.id}[${row.key}][total]`);
      rowTotals.push(total);
      lines.push({ parts, total });
    } else expect(row.total).toBeNull();
  }
  const totals = table.columns.map((c, j) => {
    const total = check(
      table.totalRow.cells[j] as never,
      facts.filter((f) => f.col === c.key),
      c.kind,
      `${table.id}[total][${c.key}]`,
    );
    if (c.kind === 'persons' || c.kind === 'count') lines.push({ parts: columnParts[j] ?? [], total });
    return total;
  });
  if (table.partition) {
    const grand = check(table.totalRow.total as never, facts, 'rowTotal', `${table.id}[total][total]`);
    lines.push({ parts: totals, total: grand }, { parts: rowTotals, total: grand });
  }
  for (const line of lines) {
    const adds = line.parts.reduce((s, p) => s + p.value, 0) === line.total.value;
    const hidden = [...line.parts, line.total].filter((e) => e.hidden).length;
    if (adds) expect(hidden, `${table.id}: a line hides exactly one entry`).not.toBe(1);
  }
}

describe('the funder reports, cell by cell', () => {
  it('counts every cell of every report as the test counts it, hiding small cells and those that would give them away', async () => {
    const byId = new Map(people.map((p) => [p.id, p]));
    const catalogue = ok<ReportCatalogue>(await lead.get('/api/reports'));
    let cells = 0;
    let hidden = { primary: 0, secondary: 0 };
    for (const period of [year, previousYear]) {
      const facts = expectedFacts(people, period);
      for (const { id } of catalogue.filter((c) => c.id !== 'conferences'))
        for (const by of ['none', 'gender', 'age_group', 'team', 'occupation_group'] as const) {
          const r = await run(lead, id, by, period);
          expect(r.population).toBe('organisation');
          for (const table of r.tables) {
            const mine = facts[`${id}.${table.id}`];
            if (!mine) throw new Error(`the test does not count ${id}.${table.id}`);
            checkTable(table, mine, by, byId);
            for (const row of [...table.rows, table.totalRow])
              for (const c of [...row.cells, ...(row.total ? [row.total] : [])]) {
                cells += 1;
                if (c.suppressed) hidden = { ...hidden, [c.suppressed]: hidden[c.suppressed] + 1 };
              }
          }
        }
    }
    // The scenario is large enough to show most figures and small enough to hide some of both kinds.
    expect(cells).toBeGreaterThan(2000);
    expect(hidden.primary).toBeGreaterThan(50);
    expect(hidden.secondary).toBeGreaterThan(10);
  }, 300_000);
});

describe('who sees which figures', () => {
  it('counts a counsellor’s own caseload only, and refuses admin, dpo and the drill-down to counsellors', async () => {
    const mine = people.filter((p) => p.ownerId === aylin.user.id);
    const r = await run(aylin, 'esf_entry', 'none');
    expect(r.population).toBe('caseload');
    const facts = expectedFacts(mine, year)['esf_entry.participants'] ?? [];
    checkTable(r.tables[0] as ReportTable, facts, 'none', new Map(mine.map((p) => [p.id, p])));
    const catalogue = ok<ReportCatalogue>(await aylin.get('/api/reports'));
    expect(catalogue.map((c) => c.id)).not.toContain('conferences');
    expect(
      (await aylin.get(`/api/reports/run?report=conferences&from=${year.from}&to=${year.to}`)).statusCode,
    ).toBe(403);
    const drill = `/api/reports/cases?report=esf_entry&from=${year.from}&to=${year.to}&table=participants&row=all&column=participants`;
    expect((await aylin.get(drill)).statusCode).toBe(403);
    const { admin, dpo } = await staff(t, ['admin', 'dpo']);
    for (const who of [admin, dpo]) {
      expect((await who.get('/api/reports')).statusCode).toBe(403);
      expect(
        (await who.get(`/api/reports/run?report=esf_entry&from=${year.from}&to=${year.to}`)).statusCode,
      ).toBe(403);
    }
  });
});
