import anyAscii from 'any-ascii';

/**
 * Search keys for names in any script. `normalise` makes text comparable regardless of case,
 * accents and script ("Müller" → "muller", "Сергій" → "sergiy"). `skeleton` keeps the consonant
 * frame of each word with common transliteration variants merged, so that what a counsellor types
 * finds a name written another way: "Sergii" and "Serhii" find "Сергій", "Mohammed" finds
 * "محمد" (Arabic script writes no short vowels), "Schewtschenko" finds "Shevchenko".
 */
export function normalise(text: string): string {
  return anyAscii(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9@.\- ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const variants: [RegExp, string][] = [
  [/tsch|sch|tch|dzh|zh|sh|ch|dj|dsch/g, 's'],
  [/kh|gh|g/g, 'h'],
  [/ph/g, 'f'],
  [/ck|q|c/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/tz|ts|z/g, 's'],
  [/j/g, 'y'],
  [/[aeiouy]/g, ''],
  [/(.)\1+/g, '$1'],
];

function wordSkeleton(word: string): string {
  let s = word.replace(/[^a-z]/g, '');
  for (const [from, to] of variants) s = s.replace(from, to);
  return s;
}

export function skeleton(text: string): string {
  return normalise(text)
    .split(' ')
    .map(wordSkeleton)
    .filter((w) => w.length > 0)
    .join(' ');
}

/** A skeleton this short would match far too much to be a useful fallback. */
export const MIN_SKELETON_LENGTH = 3;

/** Words of a search term, normalised; each must match. */
export function searchWords(term: string): { text: string; skeleton: string }[] {
  return normalise(term)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 6)
    .map((w) => ({ text: w, skeleton: wordSkeleton(w) }));
}

/** Escapes LIKE wildcards in user input. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Escapes a word for a PostgreSQL regular expression. */
export function regexEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
