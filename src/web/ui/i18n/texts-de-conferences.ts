// The conference pages' texts, with those of the commitments and the pathways that come from them: fetched with those pages (ui/i18n/index.ts).
export const texts = import.meta.glob(
  ['../../conferences/i18n/de.json', '../../commitments/i18n/de.json', '../../pathways/i18n/de.json'],
  { eager: true, import: 'default' },
);
