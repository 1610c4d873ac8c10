/** Reference lists shared by server and web. Labels come from the web's i18n or Intl.DisplayNames. */

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
