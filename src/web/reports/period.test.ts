import { describe, expect, it } from 'vitest';
import { periodOf } from './period';

describe('the quick picks of a report period', () => {
  it('take the last whole quarter, also across the turn of the year', () => {
    expect(periodOf('lastQuarter', '2026-12-01')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodOf('lastQuarter', '2026-04-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('lastQuarter', '2026-02-15')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('take this year up to today, and the whole last year', () => {
    expect(periodOf('thisYear', '2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(periodOf('lastYear', '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
