// English: the texts of the pages before login (common, auth, setup), fetched before the first render.
export const texts = import.meta.glob(['./en.json', '../../auth/i18n/en.json', '../../setup/i18n/en.json'], {
  eager: true,
  import: 'default',
});
