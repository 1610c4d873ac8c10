import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../contracts/common';

export type { Language };

const STORAGE_KEY = 'lotse.language';

/** German for German browsers, English otherwise, unless the user chose. */
export function detectLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('de')) ? 'de' : 'en';
}

/**
 * One namespace per domain, in the domain's folder (`src/web/<domain>/i18n/de.json`, `en.json`),
 * named like the folder; what every page shares (common words, errors, validation, enums,
 * countries, languages, roles, navigation) is the `common` namespace here. A component names its
 * domain's namespace (`useTranslation('clients')`); common keys resolve from any namespace, keys of
 * another domain carry its name (`t('casefile:case.fields.notes')`). `npm run check` checks them.
 *
 * A language's texts are fetched when it is first shown, so a page never carries the other one,
 * in two parts: what the pages before login use (common, auth, setup: texts-de.ts), before the
 * first render, and every other domain (texts-de-app.ts) before the logged-in area renders
 * (`loadAllTexts`, awaited with the layout's chunk in app/router.tsx). So every key a page reaches
 * for is there when it renders, as long as the login, setup and invitation pages name only those
 * three namespaces. The conference pages' texts are a third part (texts-de-conferences.ts), fetched
 * with those pages and with the public answer page of an invitation (`loadConferenceTexts`): they
 * are long, and the start page should not wait for them. The administration's pages (audit log,
 * users, settings, occupations) bring theirs too (`loadAdminTexts`): most users never open them;
 * the partner accounts' pages and the institution's card of them come with the same part.
 * The partner portal has its own part (`loadPortalTexts`), fetched with its pages instead of the
 * staff's: a partner never downloads the staff's texts, nor the staff the portal's. The funder
 * reports' page brings its own (`loadReportTexts`), as the report words themselves come with it
 * (contracts/report-labels.ts).
 */
type Texts = Record<string, unknown>;
type Part = 'public' | 'app' | 'conferences' | 'admin' | 'portal' | 'reports';
type Module = { texts: Record<string, unknown> };
const parts: Record<Language, Record<Part, () => Promise<Module>>> = {
  de: {
    public: () => import('./texts-de'),
    app: () => import('./texts-de-app'),
    conferences: () => import('./texts-de-conferences'),
    admin: () => import('./texts-de-admin'),
    portal: () => import('./texts-de-portal'),
    reports: () => import('./texts-de-reports'),
  },
  en: {
    public: () => import('./texts-en'),
    app: () => import('./texts-en-app'),
    conferences: () => import('./texts-en-conferences'),
    admin: () => import('./texts-en-admin'),
    portal: () => import('./texts-en-portal'),
    reports: () => import('./texts-en-reports'),
  },
};
/** The parts the interface has needed so far: a change of language fetches them all first. */
const needed = new Set<Part>(['public']);

/**
 * `./de.json` is the common namespace; `../../<domain>/i18n/de.json` the domain's; a part of a
 * domain with texts of its own, `../../<domain>/<part>/i18n/de.json`, is `<domain><Part>`
 * (`portal/commitments` → `portalCommitments`).
 */
function namespaceOf(file: string) {
  const [, domain, part] = /(?:\/(\w+))?\/(\w+)\/i18n\/\w+\.json$/.exec(file) ?? [];
  if (!part) return 'common';
  return domain ? `${domain}${part.charAt(0).toUpperCase()}${part.slice(1)}` : part;
}

async function textsOf(language: Language, part: Part): Promise<Record<string, Texts>> {
  const { texts } = await parts[language][part]();
  return Object.fromEntries(Object.entries(texts).map(([file, t]) => [namespaceOf(file), t as Texts]));
}

/** Each part of each language is fetched and added once; a failed fetch is tried again next time. */
const adding = new Map<string, Promise<void>>();
function addTexts(language: Language, part: Part): Promise<void> {
  const key = `${language}/${part}`;
  let added = adding.get(key);
  if (!added) {
    // Fetched at once, added once i18next is set up.
    added = Promise.all([textsOf(language, part), languageReady]).then(([namespaces]) => {
      for (const [namespace, texts] of Object.entries(namespaces))
        i18n.addResourceBundle(language, namespace, texts);
    });
    added.catch(() => adding.delete(key));
    adding.set(key, added);
  }
  return added;
}

function applyLanguage(language: string) {
  document.documentElement.lang = language;
}
i18n.on('languageChanged', applyLanguage);

const initial = detectLanguage();
let requested: Language = initial;

/** Resolves when the first language's texts for the pages before login are in (main.tsx waits). */
export const languageReady = textsOf(initial, 'public').then(async (namespaces) => {
  await i18n.use(initReactI18next).init({
    resources: { [initial]: namespaces },
    ns: Object.keys(namespaces),
    defaultNS: 'common',
    fallbackNS: 'common',
    lng: initial,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(i18n.language);
});
adding.set(`${initial}/public`, languageReady);

/** A part's texts, in the shown language and in one being switched to; needed from now on. */
async function loadPart(part: Part) {
  needed.add(part);
  const shown = (i18n.language as Language | undefined) ?? initial;
  await Promise.all([...new Set([shown, requested])].map((language) => addTexts(language, part)));
}

/** The texts of every domain but the conferences. */
export const loadAllTexts = () => loadPart('app');
/** The texts of the conference pages (and of the public answer page of an invitation). */
export const loadConferenceTexts = () => loadPart('conferences');
/** The texts of the administration's pages: the audit log, users, settings, occupations. */
export const loadAdminTexts = () => loadPart('admin');
/** The texts of the partner portal (its layout and pages). */
export const loadPortalTexts = () => loadPart('portal');
/** The texts of the funder reports' page. */
export const loadReportTexts = () => loadPart('reports');

/**
 * Shows the interface in `language` as soon as its texts are in (the current one stays until
 * then, so no key is ever shown untranslated); the last choice wins when the user clicks twice.
 */
export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  requested = language;
  void languageReady
    .then(async () => {
      await Promise.all([...needed].map((part) => addTexts(language, part)));
      if (requested === language && i18n.language !== language) await i18n.changeLanguage(language);
    })
    .catch((error: unknown) => console.error('cannot load the texts of', language, error));
}

export default i18n;
