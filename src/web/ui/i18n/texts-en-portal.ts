// The partner portal's texts: fetched with its pages (ui/i18n/index.ts), never with the staff's.
export const texts = import.meta.glob(['../../portal/i18n/en.json'], { eager: true, import: 'default' });
