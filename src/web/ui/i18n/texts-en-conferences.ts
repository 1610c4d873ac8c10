// English: the texts of the conference pages, fetched with them (ui/i18n, app/router.tsx).
export const texts = import.meta.glob(['../../conferences/i18n/en.json'], { eager: true, import: 'default' });
