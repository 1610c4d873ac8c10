import anyAscii from 'any-ascii';

/**
 * Search keys for names in any script. `normalise` makes text comparable regardless of case,
 * accents and script ("Müller" → "muller", "Сергій" → "sergiy"). The name keys after it let what
 * a counsellor types find a name written another way:
 *
 * - the *sound key* keeps the vowels but folds the spellings of one sound ("Bojko", "Boyko" and
 *   "Бойко" → "boiko"; "Yuliya", "Julija", "Iuliia" → "iulia"): precise enough for short names;
 * - the *skeleton* keeps only the consonant frame ("Sergii", "Serhii", "Сергій" → "srh";
 *   "Schewtschenko" = "Shevchenko"): it finds longer names whatever their vowels;
 * - names written in a script without short vowels (Arabic, Persian, Hebrew) get skeletons of
 *   their own, marked `0…0`, in which و and ي count as the vowels they mostly are ("يوسف" →
 *   "0sf0", found by "Yusuf", "Youssef", "Yousef"), with the article and the ta marbuta optional
 *   and the letters read two ways (ج as "j" or "dj", ض as "d" or "z") read both ways. A typed
 *   name with vowels whose skeleton is short meets only these, as a whole word: a skeleton of two
 *   consonants would otherwise find "Asif" for "Yusuf".
 */
export function normalise(text: string): string {
  return anyAscii(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9@.\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The name keys follow the normalised text after this mark; a stored text without it has older
 * keys and is re-keyed at start (clients/service.ts). Change the mark when the keys change.
 */
export const KEYS_MARK = '|2|';

/** Spellings of one consonant sound, merged (the order matters: longer spellings first). */
const consonants: [RegExp, string][] = [
  // Greek and Italian "gi" before a vowel is a "y": Giannis, Yiannis; Giulia, Julia.
  [/^gi(?=[aeiou])/, 'y'],
  // The Greek chi and the German "Chr" are a "kh": Christos, Hristos.
  [/chr/g, 'hr'],
  [/tsch|sch|tch|dzh|zh|sh|ch|dj|dsch/g, 's'],
  [/kh|gh|g/g, 'h'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck|q|c/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/tz|ts|z/g, 's'],
  [/j/g, 'y'],
];

/** Spellings of one vowel, merged after the consonants: "ou", "oo", "u"; "y", "j", "i"; German "oe", "ue". */
const vowels: [RegExp, string][] = [
  [/y/g, 'i'],
  [/ou|oo|ue/g, 'u'],
  [/oe/g, 'o'],
  [/ee/g, 'i'],
  // Russian "-ей" in German and English spellings: Sergej, Sergey, Serhii; Andrej, Andriy.
  [/ei$/, 'i'],
  // A final "h" after a vowel is not spoken: Fatimah, Fatima; Fatemeh.
  [/([aeiou])h$/, '$1'],
];

const lettersOf = (word: string) => word.replace(/[^a-z]/g, '');
const collapse = (s: string) => s.replace(/(.)\1+/g, '$1');

function foldConsonants(word: string): string {
  let s = lettersOf(word);
  for (const [from, to] of consonants) s = s.replace(from, to);
  return s;
}

/** The sound key of one normalised word. */
export function soundKey(word: string): string {
  let s = foldConsonants(word);
  for (const [from, to] of vowels) s = s.replace(from, to);
  return collapse(s);
}

/** The consonant skeleton of one normalised word. */
export function wordSkeleton(word: string): string {
  return collapse(foldConsonants(word).replace(/[aeiouy]/g, ''));
}

/**
 * The skeleton as stored and matched: marked `1…1` (a whole key), with an "a" when the word ends
 * in a vowel, so that "Kovalchuk" and "Kowalski" stay apart while "Oleksandr" meets "Aleksandr".
 */
function skeletonKey(word: string): string | null {
  const skel = wordSkeleton(word);
  if (skel.length < MIN_SKELETON_LENGTH) return null;
  return `1${skel}${/[aeiouy]$/.test(lettersOf(word)) ? 'a' : ''}1`;
}

const ABJAD = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Letters of an abjad read two ways in Latin spellings: ج "Jamal"/"Djamal", ض and ذ "d"/"z" (Arabic, Persian). */
const twoReadings: [string, string][] = [
  ['ج', 'دج'],
  ['ض', 'ز'],
  ['ذ', 'ز'],
  ['ث', 'س'],
];

/**
 * The key of a word in an abjad: its consonants folded like a Latin name's, و and ي kept as
 * "w" and "y" (they stand for long vowels or for the consonants), alif, hamza and ayn left out.
 */
function abjadKey(latin: string): string {
  let s = lettersOf(latin).replace(/a/g, '');
  for (const [from, to] of consonants) if (to !== 'v') s = s.replace(from, to);
  return collapse(s);
}

/**
 * The keys of one word written in an abjad: each reading of its ambiguous letters, without the
 * article, and without a final ta marbuta or he (Fatima, Fatemeh). Only a handful per word.
 */
function abjadKeys(original: string): string[] {
  let readings = [original];
  if (original.startsWith('ال') && original.length > 3) readings.push(original.slice(2));
  for (const [letter, other] of twoReadings) {
    if (readings.length >= 8) break;
    if (original.includes(letter)) readings = readings.flatMap((r) => [r, r.replaceAll(letter, other)]);
  }
  const out = new Set<string>();
  for (const r of readings) {
    const key = abjadKey(normalise(r));
    if (key) out.add(key);
    if (/[ةه]$/.test(original) && key.length > 1) out.add(key.slice(0, -1));
  }
  return [...out];
}

/**
 * The pattern a word typed in Latin letters makes for a word stored in an abjad: its consonants
 * as they are, its vowels as the long-vowel letters they may be. Inside the word a vowel may or may
 * not be written ("Mohammed" محمد), except "ou", "oo", "ee" that spell a long one (Mahmoud محمود
 * is not Mohammed); a final vowel is written (Ali علي, Hosseini حسینی) unless it is an "a" or "e".
 */
export function abjadPattern(typed: string): string | null {
  let s = foldConsonants(typed).replace(/v/g, 'w');
  // "y" before a vowel is a consonant (Yusuf, Ayman is "a-y-man" either way).
  s = s.replace(/y(?=[aeiou])/g, 'Y');
  const parts = s.match(/[aeiouy]+|[^aeiouy]+/g) ?? [];
  let pattern = '';
  parts.forEach((part, i) => {
    if (!/^[aeiouy]/.test(part)) {
      pattern += collapse(part.toLowerCase());
      return;
    }
    const u = /[ou]/.test(part);
    const y = /[iey]/.test(part);
    const long = /ou|oo|ee|uu|ii/.test(part);
    if (i === 0) pattern += u && y ? '[wy]?' : u ? 'w?' : y ? 'y?' : '';
    else if (i === parts.length - 1) {
      if (/^[ae]+$/.test(part)) pattern += part.includes('e') ? '[yh]?' : 'h?';
      else pattern += u && y ? '[wy]' : u ? 'w' : 'y';
    } else pattern += u && y ? '[wy]{0,2}' : u ? (long ? 'w' : 'w?') : y ? (long ? 'y' : 'y?') : '';
  });
  // A German "ch" before a vowel may be the kh of خ (Chalid), not only the s-sounds it folds to.
  if (/^ch[aeiou]/.test(lettersOf(typed))) pattern = `[hs]${pattern.slice(1)}`;
  const consonantCount = pattern.replace(/\[[^\]]*\]|[?{}0-9,]|w\?|y\?/g, '').length;
  return consonantCount > 0 ? pattern : null;
}

/** Turkish letters that German spellings write otherwise: ç is "tsch" (Çelik, Tschelik), ğ is silent. */
function latinReadings(word: string): string[] {
  if (!/[çÇğĞ]/.test(word)) return [word];
  return [word, word.replace(/[çÇ]/g, 'ch').replace(/[ğĞ]/g, '')];
}

/**
 * The name keys stored after the normalised text: for each word (and each part of a hyphenated
 * one, and the words of each name run together: "Abdul Rahman" = "Abdulrahman") its sound key and
 * skeleton; for words in an abjad their keys, marked `0…0`.
 */
export function nameKeys(names: (string | null | undefined)[]): string {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const words = name
      .normalize('NFKC')
      .split(/[\s\u200c]+/)
      .filter(Boolean);
    const parts = [...words, ...words.flatMap((w) => (w.includes('-') ? w.split('-') : []))];
    if (words.length > 1) parts.push(words.join(''));
    for (const part of parts) {
      if (ABJAD.test(part)) {
        for (const k of abjadKeys(part.replace(/-/g, ''))) keys.add(`0${k}0`);
        continue;
      }
      for (const reading of latinReadings(part)) {
        const word = normalise(reading).replace(/[ -]/g, '');
        const sound = soundKey(word);
        const skel = skeletonKey(word);
        if (sound && sound !== word) keys.add(sound);
        if (skel) keys.add(skel);
      }
    }
  }
  return [...keys].join(' ');
}

/** A skeleton this short would match far too much as part of a word; it is matched whole, in abjad names only. */
export const MIN_SKELETON_LENGTH = 4;

/** The search text of a record with names: its text normalised, then the names' keys. */
export function searchTextOf(text: string, names: (string | null | undefined)[]): string {
  return `${normalise(text)} ${KEYS_MARK} ${nameKeys(names)}`;
}

/** Words of a search term, normalised; each must match. */
export function searchWords(term: string): { text: string; sound: string; skeleton: string }[] {
  return normalise(term)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 6)
    .map((w) => ({ text: w, sound: soundKey(w), skeleton: wordSkeleton(w) }));
}

/**
 * One PostgreSQL regular expression for a typed word (of three letters or more) over a search
 * text: the word anywhere (case codes, e-mail, part of a name; three letters where a word begins),
 * its sound key at the start
 * of a key, its skeleton as a whole key, or its abjad pattern as a whole abjad key.
 */
export function wordPattern(w: { text: string; sound: string; skeleton: string }): string {
  // Three letters inside a word find too much ("Ali" in "Natalia"): they match where a word begins.
  const alternatives = [w.text.length > 3 ? regexEscape(w.text) : `(^|[ .@-])${regexEscape(w.text)}`];
  // A short sound key matches a whole word ("Anna" finds "Ana", not "Ana-Maria"), a longer one its beginning too.
  if (w.sound.length >= 3 && w.sound !== w.text)
    alternatives.push(`(^| )${w.sound}${w.sound.length >= 5 ? '' : '( |$)'}`);
  const skel = skeletonKey(w.text);
  if (skel) alternatives.push(skel);
  const abjad = /[aeiouy]/.test(w.text) ? abjadPattern(w.text) : null;
  if (abjad) alternatives.push(`0${abjad}0`);
  return alternatives.join('|');
}

/**
 * The keys of words compared lately: an import's duplicate check compares each row with every case
 * of the same birth date, so the same words come again and again (keys cost ≈ 20 µs a word).
 */
const keysOfWords = new Map<string, Set<string>>();

/** Every key one word of a name is found by, as nameKeys stores them, with the word itself. */
function keysOfWord(word: string): Set<string> {
  const known = keysOfWords.get(word);
  if (known) return known;
  const keys = new Set(nameKeys([word]).split(' ').filter(Boolean));
  if (!ABJAD.test(word)) keys.add(lettersOf(normalise(word)));
  if (keysOfWords.size >= 10_000) keysOfWords.clear();
  keysOfWords.set(word, keys);
  return keys;
}

function sameWord(a: string, b: string): boolean {
  const ka = keysOfWord(a);
  const kb = keysOfWord(b);
  for (const k of ka) if (kb.has(k)) return true;
  // A name typed in Latin letters against one written in an abjad, either way round.
  const across = (latin: string, keys: Set<string>) => {
    // Only abjad keys (`0…0`) can meet a Latin name's pattern; most names have none.
    const abjadKeys = [...keys].filter((k) => k.startsWith('0'));
    if (abjadKeys.length === 0 || ABJAD.test(latin)) return false;
    const pattern = abjadPattern(lettersOf(normalise(latin)));
    if (!pattern) return false;
    const whole = new RegExp(`^0${pattern}0$`);
    return abjadKeys.some((k) => whole.test(k));
  };
  return across(a, kb) || across(b, ka);
}

const wordsOf = (names: (string | null | undefined)[]) =>
  names.flatMap((n) =>
    n
      ? n
          .normalize('NFKC')
          .split(/[\s\u200c]+/)
          .filter(Boolean)
      : [],
  );

/**
 * Whether a typed name is the same name as a stored one in another spelling: every typed word is
 * a whole word of the stored names (in any of their scripts) by the keys the search uses, so that
 * "Muhammad Al-Hasan" is "Mohammed Al-Hassan" and "محمد الحسن", but "Al-H" is no "Al-Hassan".
 */
export function sameName(typed: string, stored: (string | null | undefined)[]): boolean {
  const typedWords = wordsOf([typed]);
  const storedWords = wordsOf(stored);
  return typedWords.length > 0 && typedWords.every((t) => storedWords.some((s) => sameWord(t, s)));
}

/** Escapes LIKE wildcards in user input. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Escapes a word for a PostgreSQL regular expression. */
export function regexEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** The skeleton of a whole text (every word), for comparing two names. */
export function skeleton(text: string): string {
  return normalise(text)
    .split(' ')
    .map(wordSkeleton)
    .filter((w) => w.length > 0)
    .join(' ');
}
