// German: the texts of the pages before login (common, auth, setup), fetched before the first render.
export const texts = import.meta.glob(['./de.json', '../../auth/i18n/de.json', '../../setup/i18n/de.json'], {
  eager: true,
  import: 'default',
});
