import { describe, expect, it } from 'vitest';
import { csvField, defuseFormula, parseCsv } from './csv';

describe('csv', () => {
  it('reads quoted fields with separators, quotes and line breaks, and a BOM', () => {
    const rows = parseCsv('\uFEFFa;b;c\n1;"x; ""y""\nz";3\r\n');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x; "y"\nz', '3'],
    ]);
  });

  it('detects commas', () => {
    expect(parseCsv('a,b\n"1,5",2')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('writes fields that spreadsheets will not run as formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('Müller; Anna')).toBe('"Müller; Anna"');
    expect(csvField(null)).toBe('');
  });

  it('defuses every character a spreadsheet may start a formula with, full-width forms included', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      expect(defuseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(defuseFormula('Müller')).toBe('Müller');
    expect(defuseFormula('1990-01-02')).toBe('1990-01-02');
    expect(csvField('\uFF1DHYPERLINK("x")')).toBe('"\'\uFF1DHYPERLINK(""x"")"');
  });
});
