// Dates in the interface language: loaded with the logged-in area's texts, as only its pages show
// or parse dates (ui/dates.ts, Mantine's date pickers), so the login page need not carry dayjs.
import 'dayjs/locale/de';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import i18n from './index';

// Dates typed as 31.12.2026 are parsed in the display format.
dayjs.extend(customParseFormat);
dayjs.locale(i18n.language);
i18n.on('languageChanged', (language) => dayjs.locale(language));
