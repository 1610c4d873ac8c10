import { describe, expect, it } from 'vitest';
import { csvField, parseCsv } from './csv';

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
});
