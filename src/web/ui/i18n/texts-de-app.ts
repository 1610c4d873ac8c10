// German: the texts of every other domain but the conferences, the administration, the partner portal, the partner accounts and the reports, fetched before the logged-in area renders (app/router.tsx).
import './dayjs';

export const texts = import.meta.glob(
  [
    '../../*/i18n/de.json',
    '!../../ui/**',
    '!../../auth/**',
    '!../../setup/**',
    '!../../conferences/**',
    '!../../commitments/**',
    '!../../pathways/**',
    '!../../portal/**',
    '!../../audit/**',
    '!../../users/**',
    '!../../organisation/**',
    '!../../occupations/**',
    '!../../partners/**',
    '!../../reports/**',
    '!../../privacy/**',
  ],
  { eager: true, import: 'default' },
);
