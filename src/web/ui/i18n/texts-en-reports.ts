// English: the texts of the funder reports' page, fetched with that page (ui/i18n/index.ts).
export const texts = import.meta.glob(['../../reports/i18n/en.json'], { eager: true, import: 'default' });
