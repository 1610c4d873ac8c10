// German: the texts of the partner portal's pages (the portal and its commitments), fetched with those pages (ui/i18n/index.ts).
export const texts = import.meta.glob(['../../portal/i18n/de.json', '../../portal/*/i18n/de.json'], {
  eager: true,
  import: 'default',
});
