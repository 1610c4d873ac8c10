/**
 * Dates as the law counts them in Saarland, where Lotse's first centres work: calendar days,
 * months (§188 BGB), working days without weekends and the Land's public holidays, and "today"
 * in Germany. Recognition deadlines, conference dates and retention periods are built on these.
 */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** Easter Sunday (Gregorian calendar, anonymous algorithm). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month - 1, day);
}

const holidayCache = new Map<number, Set<string>>();

/** Public holidays in Saarland: the nationwide ones plus Corpus Christi, Assumption and All Saints. */
export function saarlandHolidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fromEaster = (days: number) => iso(new Date(easter.getTime() + days * 86_400_000));
  const set = new Set([
    iso(utc(year, 0, 1)),
    fromEaster(-2), // Good Friday
    fromEaster(1), // Easter Monday
    iso(utc(year, 4, 1)),
    fromEaster(39), // Ascension
    fromEaster(50), // Whit Monday
    fromEaster(60), // Corpus Christi
    iso(utc(year, 7, 15)), // Assumption
    iso(utc(year, 9, 3)),
    iso(utc(year, 10, 1)), // All Saints
    iso(utc(year, 11, 25)),
    iso(utc(year, 11, 26)),
  ]);
  holidayCache.set(year, set);
  return set;
}

export function isWorkingDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = d.getUTCDay();
  return dow !== 0 && dow !== 6 && !saarlandHolidays(d.getUTCFullYear()).has(date);
}

export function nextWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export function addDays(date: string, days: number): string {
  return iso(new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000));
}

/** A month-based period ends on the same day number of the later month, or its last day (§188 BGB). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = utc(y, m - 1 + months, 1);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(utc(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
}

/** Today in Germany, as the date deadlines are counted in; defined with the contracts' date ranges. */
export { todayInGermany } from '../../contracts/common';
