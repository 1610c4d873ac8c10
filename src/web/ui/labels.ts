import type { TFunction } from 'i18next';
import { historicCountryCodes } from '../../contracts/reference';
import i18n from './i18n';

/** The translated label of an enum value: enums.<group>.<value>, the value itself as a fallback. */
export function enumLabel(t: TFunction, group: string, value: string | null | undefined): string {
  if (!value) return '–';
  return t(`enums.${group}.${value}`, { defaultValue: value });
}

export function enumOptions(t: TFunction, group: string, values: readonly string[]) {
  return values.map((value) => ({ value, label: enumLabel(t, group, value) }));
}

const regionNames = new Map<string, Intl.DisplayNames>();
const languageNames = new Map<string, Intl.DisplayNames>();
/** Intl's names in one language, made once per language. */
function namesIn(cache: Map<string, Intl.DisplayNames>, lang: string, options: Intl.DisplayNamesOptions) {
  let names = cache.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], options);
    cache.set(lang, names);
  }
  return names;
}

/** Country names in the interface language (Intl), with the historic states translated by us. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '–';
  if (historicCountryCodes.includes(code)) return i18n.t(`countries.${code}`, { defaultValue: code });
  try {
    return namesIn(regionNames, i18n.language, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Language names (ISO 639-3) in the interface language, with our own names where Intl has none. */
export function languageName(code: string | null | undefined): string {
  if (!code) return '–';
  const own = i18n.t(`languages.${code}`, { defaultValue: '' });
  if (own) return own;
  try {
    const name = namesIn(languageNames, i18n.language, { type: 'language', fallback: 'code' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
