import { describe, expect, it } from 'vitest';
import { reportLabels } from './report-labels';
import { breakdowns, reportIds } from './reports';

/** Every key path of a nested object of texts. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => paths(v, `${prefix}.${k}`));
}

describe('report labels', () => {
  it('name the same keys in German and English, none of them blank', () => {
    expect(paths(reportLabels.en).sort()).toEqual(paths(reportLabels.de).sort());
    for (const labels of Object.values(reportLabels)) expect(JSON.stringify(labels)).not.toMatch(/:""/);
  });

  it('title every report, describe every breakdown, and head every table with a definition', () => {
    const { de } = reportLabels;
    expect(Object.keys(de.reports).sort()).toEqual([...reportIds].sort());
    expect(Object.keys(de.breakdowns).sort()).toEqual([...breakdowns].sort());
    for (const by of breakdowns) expect(de.rowsBy[by]).toBeTruthy();
    const reportsWithTables = new Set(Object.keys(de.tables).map((key) => key.split('.')[0]));
    expect([...reportsWithTables].sort()).toEqual([...reportIds].sort());
  });
});
