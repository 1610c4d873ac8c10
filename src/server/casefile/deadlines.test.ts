import { describe, expect, it } from 'vitest';
import { addMonths, easterSunday, isWorkingDay, saarlandHolidays, todayInGermany } from '../lib/calendar';
import { decisionDueOn } from './deadlines';

describe('recognition deadlines', () => {
  it('knows Easter and the Saarland holidays', () => {
    expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
    expect(easterSunday(2027).toISOString().slice(0, 10)).toBe('2027-03-28');
    const h = saarlandHolidays(2026);
    expect(h.has('2026-04-03')).toBe(true); // Good Friday
    expect(h.has('2026-06-04')).toBe(true); // Corpus Christi
    expect(h.has('2026-08-15')).toBe(true); // Assumption (Saarland)
    expect(h.has('2026-11-01')).toBe(true); // All Saints (Saarland)
    expect(h.has('2026-10-31')).toBe(false); // Reformation Day is not a Saarland holiday
    expect(isWorkingDay('2026-10-30')).toBe(true);
  });

  it('ends a month period on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('is due three months after the documents are complete, moved off weekends and holidays', () => {
    // 2026-02-03 + 3 months = 2026-05-03, a Sunday → Monday 2026-05-04.
    expect(
      decisionDueOn({
        documentsCompleteOn: '2026-02-03',
        accelerated: false,
        extensionMonths: 0,
        suspensions: [],
      }),
    ).toBe('2026-05-04');
    // 2026-01-01 + 3 months = 2026-04-01, a Wednesday.
    expect(
      decisionDueOn({
        documentsCompleteOn: '2026-01-01',
        accelerated: false,
        extensionMonths: 0,
        suspensions: [],
      }),
    ).toBe('2026-04-01');
    // 2026-03-01 + 2 months (accelerated) = 2026-05-01, a holiday (Friday) → Monday 2026-05-04.
    expect(
      decisionDueOn({
        documentsCompleteOn: '2026-03-01',
        accelerated: true,
        extensionMonths: 0,
        suspensions: [],
      }),
    ).toBe('2026-05-04');
  });

  it('adds an extension and the days the clock stood still', () => {
    // 2026-01-12 + 3 + 1 months = 2026-05-12; 10 paused days → 2026-05-22 (Friday).
    expect(
      decisionDueOn({
        documentsCompleteOn: '2026-01-12',
        accelerated: false,
        extensionMonths: 1,
        suspensions: [{ from: '2026-02-01', to: '2026-02-10' }],
      }),
    ).toBe('2026-05-22');
    expect(
      decisionDueOn({ documentsCompleteOn: null, accelerated: false, extensionMonths: 0, suspensions: [] }),
    ).toBeNull();
  });

  it('counts today in German time', () => {
    expect(todayInGermany(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
