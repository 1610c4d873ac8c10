/**
 * Country groups of the conference briefs, in a file of their own: a module-level Map is kept by
 * the bundler wherever reference.ts is imported, and the first page of the web client imports
 * reference.ts but needs no groups (bench/RESULTS.md, "First page weight").
 */
import type { CountryGroup } from './conferences';
import { countryCodes, euEeaCh } from './reference';

/**
 * The group of each country code, for conference briefs that may show only the group (the groups
 * are `countryGroups` in contracts/conferences). By UN M49 region, with three choices of our own:
 * the EU, EEA and Switzerland are one group (with the EU's outermost regions, which the
 * Directive 2005/36/EC covers as France); Europe outside it includes Turkey, Russia and the
 * Caucasus (Council of Europe members); the Middle East and North Africa are one group. A state
 * that no longer exists goes where most of its successors are (the Soviet Union and Yugoslavia to
 * `europe_other`, Czechoslovakia and the GDR to the EU); stateless/unknown (XX) and Antarctica to `unknown`.
 */
const countryGroupMembers: Record<Exclude<CountryGroup, 'eu_eea_ch'>, string> = {
  europe_other: 'AD AL AM AZ BA BY FO GB GE GG GI IM JE MC MD ME MK RS RU SJ SM TR UA VA XK SUHH YUCS',
  middle_east_north_africa: 'AE BH DZ EG EH IL IQ IR JO KW LB LY MA OM PS QA SA SD SY TN YE',
  sub_saharan_africa:
    'AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW IO KE KM LR LS MG ML MR MU MW MZ NA NE NG RW SC SH SL SN SO SS ST SZ TD TF TG TZ UG ZA ZM ZW',
  asia: 'AF BD BN BT CN HK ID IN JP KG KH KP KR KZ LA LK MM MN MO MV MY NP PH PK SG TH TJ TL TM TW UZ VN',
  americas:
    'AG AI AR AW BB BL BM BO BQ BR BS BV BZ CA CL CO CR CU CW DM DO EC FK GD GL GS GT GY HN HT JM KN KY LC MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI',
  oceania: 'AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS',
  unknown: 'AQ XX',
};
const euOutermostAndHistoric = 'AX GF GP MQ RE YT MF CSHH DDDE'.split(' ');

export const countryGroupByCode: ReadonlyMap<string, CountryGroup> = new Map<string, CountryGroup>([
  ...[...euEeaCh, ...euOutermostAndHistoric].map((c) => [c, 'eu_eea_ch'] as const),
  ...Object.entries(countryGroupMembers).flatMap(([group, codes]) =>
    codes.split(' ').map((c) => [c, group as CountryGroup] as const),
  ),
]);

/** The group of a country code; a code not in `countryCodes` (or none) is `unknown`. */
export const countryGroupOf = (code: string | null | undefined): CountryGroup =>
  (code && countryGroupByCode.get(code)) || 'unknown';

/** The codes of a group, e.g. to find the cases whose qualification comes from it. */
export const countriesOfGroup = (group: CountryGroup): string[] =>
  countryCodes.filter((c) => countryGroupByCode.get(c) === group);
