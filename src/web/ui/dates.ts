import dayjs from 'dayjs';
import { type DateKind, dateBounds } from '../../contracts/common';

/** How dates are shown and typed: 12.04.1987 in German, 12 Apr 1987 in English. */
export const dateFormat = (language: string) => (language === 'de' ? 'DD.MM.YYYY' : 'D MMM YYYY');

/** YYYY-MM-DD of a day that exists, or null (31.02. is not a day). */
function isoDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * Reads a typed date only when it is whole: a four-digit year, in the display format, as
 * 12.4.1987 or as 1987-04-12. Half-typed input ("01.01.2" on the way to 2999) is no date at all,
 * where the picker's own parser took it for 2002 and kept that silently.
 */
export function typedDateParser(language: string) {
  return (text: string): string | null => {
    const s = text.trim();
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
    if (german) return isoDay(Number(german[3]), Number(german[2]), Number(german[1]));
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!/\d{4}$/.test(s)) return null;
    const parsed = dayjs(s, dateFormat(language), language, true);
    return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
  };
}

/**
 * The props every typed date field shares. No minDate/maxDate here: with them the picker ignores a
 * typed date out of range and keeps whatever it read before, so the user never learns; without
 * them the date is taken as typed and the contract's range check names the field and the range.
 * An empty birth date opens on the decade of a plausible year (35 years back), to pick the year
 * first, not on today's month; one already typed opens on its own month.
 */
export function typedDateProps(
  i18n: { language: string; t: (key: string) => string },
  kind?: DateKind,
  value?: string | null,
) {
  const { language } = i18n;
  const birth = kind === 'birth' && !value;
  return {
    valueFormat: dateFormat(language),
    dateParser: typedDateParser(language),
    clearButtonProps: { 'aria-label': i18n.t('common.clearDate') },
    ...(birth
      ? {
          defaultDate: `${Number(dateBounds('birth').max.slice(0, 4)) - 35}-01-01`,
          defaultLevel: 'decade' as const,
        }
      : {}),
  };
}
