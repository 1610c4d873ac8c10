import { describe, expect, it } from 'vitest';
import { normalise, skeleton } from './search-text';

describe('name search keys', () => {
  it('ignores case and accents', () => {
    expect(normalise('Müller')).toBe('muller');
    expect(normalise('ŞAHİN Özdemir')).toBe('sahin ozdemir');
    expect(normalise('Nguyễn Văn An')).toBe('nguyen van an');
  });

  it('transliterates Cyrillic and Arabic', () => {
    expect(normalise('Сергій Коваленко')).toBe('sergiy kovalenko');
    expect(normalise('محمد')).toBe('mhmd');
  });

  it('gives transliteration variants the same skeleton', () => {
    expect(skeleton('Sergii')).toBe(skeleton('Сергій'));
    expect(skeleton('Serhii')).toBe(skeleton('Сергій'));
    expect(skeleton('Mohammed')).toBe(skeleton('محمد'));
    expect(skeleton('Muhammad')).toBe(skeleton('محمد'));
    expect(skeleton('Schewtschenko')).toBe(skeleton('Shevchenko'));
    expect(skeleton('Ahmad')).toBe(skeleton('أحمد'));
  });

  it('keeps different names apart', () => {
    expect(skeleton('Kovalenko')).not.toBe(skeleton('Petrenko'));
    expect(skeleton('Ahmad')).not.toBe(skeleton('Mahmoud'));
  });
});
