// German: the texts of the partner accounts' pages (leads, the dpo), fetched with those pages and with the institution's card of them (ui/i18n/index.ts).
export const texts = import.meta.glob(['../../partners/i18n/de.json'], { eager: true, import: 'default' });
