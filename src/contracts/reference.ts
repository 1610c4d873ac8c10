/** Reference lists shared by server and web. Labels come from the web's i18n or Intl.DisplayNames. */
import type { CountryGroup } from './conferences';

/** ISO 3166-1 alpha-2, plus states where qualifications were gained that no longer exist, Kosovo, and stateless/unknown. */
export const countryCodes = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW ' +
  'XK SUHH YUCS CSHH DDDE XX'
).split(' ');
/** Codes without a name in Intl.DisplayNames; the web translates them. */
export const historicCountryCodes = ['SUHH', 'YUCS', 'CSHH', 'DDDE', 'XK', 'XX'];

/** EU, EEA and Switzerland: Directive 2005/36/EC applies to qualifications from here. */
export const euEeaCh =
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO CH'.split(' ');

/** ISO 639-3 codes of the languages counsellors meet most; others can be typed. */
export const commonLanguages = (
  'deu eng ara tur ukr rus fas prs pus kmr ckb tir amh som orm fra spa por ita pol ron bul hrv srp bos sqi ell hun ces slk ' +
  'vie zho hin urd ben tam pan tgl ind kor jpn aze kat hye uzb kaz tgk tuk swa hau yor ibo lin nep sin mya tha heb nld swe fin'
).split(' ');

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const languageLevels = [...cefrLevels, 'native'] as const;

/** Saarland's districts by official key (AGS); other keys can be entered. */
export const saarlandDistricts = [
  { code: '10041', name: 'Regionalverband Saarbrücken' },
  { code: '10042', name: 'Merzig-Wadern' },
  { code: '10043', name: 'Neunkirchen' },
  { code: '10044', name: 'Saarlouis' },
  { code: '10045', name: 'Saarpfalz-Kreis' },
  { code: '10046', name: 'St. Wendel' },
] as const;

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
