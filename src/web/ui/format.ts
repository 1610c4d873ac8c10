import i18n from './i18n';

const locale = () => (i18n.language === 'de' ? 'de-DE' : 'en-GB');

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Date(iso.length === 10 ? `${iso}T00:00:00` : iso).toLocaleDateString(locale(), {
    dateStyle: 'medium',
  });
}

/** An amount in cents as euros in the interface language. */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '–';
  return (cents / 100).toLocaleString(locale(), { style: 'currency', currency: 'EUR' });
}
