// English: the texts of the administration's pages (audit log, users, settings, occupations, partner accounts), fetched with those pages (ui/i18n/index.ts).
export const texts = import.meta.glob(
  [
    '../../audit/i18n/en.json',
    '../../users/i18n/en.json',
    '../../organisation/i18n/en.json',
    '../../occupations/i18n/en.json',
    '../../partners/i18n/en.json',
    '../../privacy/i18n/en.json',
  ],
  { eager: true, import: 'default' },
);
