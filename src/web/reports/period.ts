import { todayInGermany } from '../../contracts/common';

export const quickPeriods = ['lastQuarter', 'thisYear', 'lastYear'] as const;
export type QuickPeriod = (typeof quickPeriods)[number];

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
/** The last day of a month (1–12). */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The quick picks of the period, by the day it is in Germany (both days included, as the reports
 * count): the last whole quarter, this year up to today, the last whole year.
 */
export function periodOf(pick: QuickPeriod, today: string = todayInGermany()): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (pick === 'thisYear') return { from: iso(year, 1, 1), to: today };
  if (pick === 'lastYear') return { from: iso(year - 1, 1, 1), to: iso(year - 1, 12, 31) };
  const quarter = Math.floor((month - 1) / 3); // 0–3, the current one
  const y = quarter === 0 ? year - 1 : year;
  const first = quarter === 0 ? 10 : (quarter - 1) * 3 + 1;
  return { from: iso(y, first, 1), to: iso(y, first + 2, lastDay(y, first + 2)) };
}
