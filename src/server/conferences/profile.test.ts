import { describe, expect, it } from 'vitest';
import { countryGroups } from '../../contracts/conferences';
import { countriesOfGroup, countryGroupByCode, countryGroupOf } from '../../contracts/country-groups';
import { countryCodes } from '../../contracts/reference';
import { ageBandOf, ageOn, birthRangeOf } from './profile';

describe('country groups', () => {
  it('give every country code exactly one group, and nothing else one', () => {
    expect(countryCodes.filter((c) => !countryGroupByCode.has(c))).toEqual([]);
    expect([...countryGroupByCode.keys()].filter((c) => !countryCodes.includes(c))).toEqual([]);
    const total = countryGroups.reduce((n, g) => n + countriesOfGroup(g).length, 0);
    expect(total).toBe(countryCodes.length);
  });

  it('put states that no longer exist with their successors, and the unknown apart', () => {
    expect(countryGroupOf('SUHH')).toBe('europe_other');
    expect(countryGroupOf('YUCS')).toBe('europe_other');
    expect(countryGroupOf('DDDE')).toBe('eu_eea_ch');
    expect(countryGroupOf('SY')).toBe('middle_east_north_africa');
    expect(countryGroupOf('ER')).toBe('sub_saharan_africa');
    expect(countryGroupOf('XX')).toBe('unknown');
    expect(countryGroupOf(null)).toBe('unknown');
  });
});

describe('age bands', () => {
  it('count full years, a birthday on 29 February completing at the end of the 28th', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('1990-12-01', '2026-12-01')).toBe(36);
    expect(ageOn('1990-12-02', '2026-12-01')).toBe(35);
    expect(ageBandOf('2000-02-29', '2025-02-28')).toBe('under_25');
    expect(ageBandOf('2000-02-29', '2025-03-01')).toBe('25_34');
    expect(ageBandOf('1971-12-01', '2026-12-01')).toBe('55_plus');
    expect(ageBandOf(null, '2026-12-01')).toBe('unknown');
  });

  it('have birth-date ranges that agree with the band of every day around their edges', () => {
    const today = '2026-12-01';
    for (const birth of [
      '2001-12-01',
      '2001-12-02',
      '1991-12-01',
      '1991-12-02',
      '1981-12-01',
      '1971-12-02',
    ]) {
      const band = ageBandOf(birth, today);
      if (band === 'unknown') throw new Error('a birth date has a band');
      const { after, upTo } = birthRangeOf(band, today);
      expect(
        (after === null || birth > after) && (upTo === null || birth <= upTo),
        `${birth} in ${band}`,
      ).toBe(true);
    }
  });
});
