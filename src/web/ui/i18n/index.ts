import 'dayjs/locale/de';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import type { Language } from '../../../contracts/common';
import deCommon from './de.json';
import enCommon from './en.json';

export type { Language };

const STORAGE_KEY = 'lotse.language';

/** German for German browsers, English otherwise, unless the user chose. */
export function detectLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('de')) ? 'de' : 'en';
}

// Dates typed as 31.12.2026 are parsed in the display format.
dayjs.extend(customParseFormat);

/**
 * One namespace per domain, in the domain's folder (`src/web/<domain>/i18n/de.json`, `en.json`),
 * named like the folder; what every page shares (common words, errors, validation, enums,
 * countries, languages, roles, navigation) is the `common` namespace here. A component names its
 * domain's namespace (`useTranslation('clients')`); common keys resolve from any namespace, keys of
 * another domain carry its name (`t('casefile:case.fields.notes')`). `npm run check` checks them.
 */
type Texts = Record<string, unknown>;
const domainTexts = import.meta.glob<Texts>('../../*/i18n/*.json', { eager: true, import: 'default' });
const resources: Record<Language, Record<string, Texts>> = {
  de: { common: deCommon },
  en: { common: enCommon },
};
for (const [file, texts] of Object.entries(domainTexts)) {
  const [, namespace, language] = /\/(\w+)\/i18n\/(de|en)\.json$/.exec(file) ?? [];
  if (namespace && namespace !== 'ui' && (language === 'de' || language === 'en'))
    resources[language][namespace] = texts;
}
const namespaces = Object.keys(resources.en);

void i18n.use(initReactI18next).init({
  resources,
  ns: namespaces,
  defaultNS: 'common',
  fallbackNS: 'common',
  lng: detectLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLanguage(language: string) {
  document.documentElement.lang = language;
  dayjs.locale(language);
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

/** Validation messages of the shared zod schemas, in the user's language. */
z.config({
  customError: (issue) => {
    const t = i18n.t.bind(i18n);
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1
            ? t('validation.required')
            : t('validation.minLength', { count: Number(issue.minimum) });
        if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
        return t('validation.min', { min: String(issue.minimum) });
      case 'too_big':
        if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
        return t('validation.max', { max: String(issue.maximum) });
      case 'invalid_format':
        return issue.format === 'email' ? t('validation.email') : t('validation.format');
      case 'invalid_type':
        return issue.input === undefined || issue.input === ''
          ? t('validation.required')
          : t('validation.format');
      default:
        return t('validation.format');
    }
  },
});

export default i18n;
