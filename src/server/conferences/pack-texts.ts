/**
 * The words of a conference pack. German: the pack goes to German authorities, chambers and
 * employers, who discuss the cases in German; the web shows the same briefs in the reader's language.
 */
import type { AgeBand, Brief, CountryGroup } from '../../contracts/conferences';

export const packTexts = {
  title: (institution: string) => `Konferenzmappe für ${institution}`,
  confidential: (date: string) =>
    `Vertraulich – nur zur Vorbereitung der Konferenz am ${date}. Nicht weitergeben, nach der Konferenz vernichten.`,
  when: 'Termin',
  where: 'Ort',
  video: 'Videokonferenz',
  organiser: 'Einladende Stelle',
  agenda: 'Tagesordnung',
  minutes: (n: number) => `${n} Min.`,
  commitments: 'Offene Verabredungen aus früheren Konferenzen',
  anonymousCase: 'Anonymisierter Fall',
  caseOf: (code: string) => `Fall ${code}`,
  withheld: 'Weiterer Fall (nicht für Sie freigegeben)',
  noCases: 'Für Ihre Institution sind keine Fälle freigegeben.',
  brief: 'Fallsteckbrief',
  level: {
    identified: 'namentlich (mit Einwilligung)',
    pseudonymised: 'pseudonymisiert',
    anonymised: 'anonymisiert',
  } satisfies Record<Brief['level'], string>,
  fields: {
    level: 'Form',
    name: 'Name',
    caseCode: 'Fallnummer',
    birthDate: 'Geburtsdatum',
    age: 'Alter',
    address: 'Anschrift',
    ageBand: 'Altersgruppe',
    countryGroup: 'Herkunftsregion der Qualifikation',
    countries: 'Land der Qualifikation',
    referenceOccupation: 'Referenzberuf',
    qualifications: 'Qualifikationen',
    recognition: 'Anerkennung',
    languages: 'Sprachkenntnisse',
    measures: 'Bisherige Maßnahmen',
    question: 'Fragestellung',
    brief: 'Kurzbeschreibung',
    institutionsNeeded: 'Benötigte Institutionen',
  },
  none: '–',
  ageBands: {
    under_25: 'unter 25',
    '25_34': '25–34',
    '35_44': '35–44',
    '45_54': '45–54',
    '55_plus': '55 und älter',
    unknown: 'unbekannt',
  } satisfies Record<AgeBand, string>,
  countryGroups: {
    eu_eea_ch: 'EU, EWR, Schweiz',
    europe_other: 'Europa (außerhalb EU/EWR)',
    middle_east_north_africa: 'Naher Osten, Nordafrika',
    sub_saharan_africa: 'Afrika südlich der Sahara',
    asia: 'Asien',
    americas: 'Amerika',
    oceania: 'Ozeanien',
    unknown: 'unbekannt',
  } satisfies Record<CountryGroup, string>,
  procedureStates: {
    preparing: 'in Vorbereitung',
    submitted: 'Antrag gestellt',
    documents_complete: 'Unterlagen vollständig',
    decided: 'entschieden',
  } as Record<string, string>,
  outcomes: {
    full: 'volle Gleichwertigkeit',
    partial: 'teilweise Gleichwertigkeit',
    none: 'keine Gleichwertigkeit',
    equivalent: 'gleichwertig',
    compensation_required: 'Ausgleichsmaßnahme erforderlich',
    rejected: 'abgelehnt',
    rejected_no_cooperation: 'abgelehnt (fehlende Mitwirkung)',
    withdrawn: 'zurückgezogen',
    objection_pending: 'Widerspruch anhängig',
    zab_comparable: 'ZAB: vergleichbar',
    zab_partly_comparable: 'ZAB: teilweise vergleichbar',
    zab_not_comparable: 'ZAB: nicht vergleichbar',
  } as Record<string, string>,
  differences: 'Wesentliche Unterschiede',
  measureStates: {
    proposed: 'vorgeschlagen',
    applied: 'beantragt',
    funding_requested: 'Förderung beantragt',
    funded: 'gefördert',
    started: 'begonnen',
    completed: 'abgeschlossen',
    dropped: 'abgebrochen',
    rejected: 'abgelehnt',
  } as Record<string, string>,
  native: 'Muttersprache',
};

/** Codes without a name in Intl.DisplayNames (see contracts/reference `historicCountryCodes`). */
const historicCountries: Record<string, string> = {
  SUHH: 'Sowjetunion',
  YUCS: 'Jugoslawien',
  CSHH: 'Tschechoslowakei',
  DDDE: 'DDR',
  XK: 'Kosovo',
  XX: 'staatenlos / unbekannt',
};
const regionNames = new Intl.DisplayNames('de', { type: 'region' });
const languageNames = new Intl.DisplayNames('de', { type: 'language' });

export function countryName(code: string): string {
  try {
    return historicCountries[code] ?? regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language by its ISO 639-3 code; a code Intl does not know is shown as it is. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** 2026-12-01 → 01.12.2026 */
export const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
