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

/** Country names in the interface language (Intl), with the historic states translated by us. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '–';
  if (historicCountryCodes.includes(code)) return i18n.t(`countries.${code}`, { defaultValue: code });
  const lang = i18n.language;
  if (!regionNames.has(lang)) regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' }));
  try {
    return regionNames.get(lang)!.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Language names (ISO 639-3) in the interface language, with our own names where Intl has none. */
export function languageName(code: string | null | undefined): string {
  if (!code) return '–';
  const own = i18n.t(`languages.${code}`, { defaultValue: '' });
  if (own) return own;
  const lang = i18n.language;
  if (!languageNames.has(lang))
    languageNames.set(lang, new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }));
  try {
    const name = languageNames.get(lang)!.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
