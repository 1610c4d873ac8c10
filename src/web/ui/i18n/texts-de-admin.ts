// German: the texts of the administration's pages (audit log, users, settings, occupations, partner accounts), fetched with those pages (ui/i18n/index.ts).
export const texts = import.meta.glob(
  [
    '../../audit/i18n/de.json',
    '../../users/i18n/de.json',
    '../../organisation/i18n/de.json',
    '../../occupations/i18n/de.json',
    '../../partners/i18n/de.json',
    '../../privacy/i18n/de.json',
  ],
  { eager: true, import: 'default' },
);
