import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });
/** An entry of a record, e.g. a qualification of a case: /api/clients/:id/…/:entryId. */
export const entryParams = z.object({ id: z.uuid(), entryId: z.uuid() });

/** Timestamps travel as ISO strings. */
export const timestamp = z.iso.datetime({ offset: true });
/**
 * Any calendar date (YYYY-MM-DD), for filters. A date that is stored takes one of the kinds below
 * instead, so that a birth date in 2999 or an intake in 9999 is refused rather than kept.
 */
export const isoDate = z.iso.date();

/** Today in Germany (YYYY-MM-DD), the day deadlines and date ranges are counted from. */
export function todayInGermany(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}

/**
 * The kinds of dates Lotse stores, by how far from today they can plausibly lie:
 * - `birth`: 1900-01-01 up to today;
 * - `history`: a person's earlier life (arrival, work experience, a residence title's start, a
 *   language certificate) — decades back, and up to 10 years ahead for what is planned;
 * - `event`: what happens in the counselling (intake, contacts, consents given, measures,
 *   procedure steps, offers) — within 10 years of today either way;
 * - `deadline`: targets, due dates and validity ends — from 1990 up to 30 years ahead.
 */
export type DateKind = 'birth' | 'history' | 'event' | 'deadline';

const shiftYears = (date: string, years: number) => {
  const shifted = `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
  // 29 February moved into a year without it: the day before is still inside the range.
  return shifted.endsWith('-02-29') && !z.iso.date().safeParse(shifted).success
    ? `${shifted.slice(0, 8)}28`
    : shifted;
};

/** The first and last date a field of the kind accepts, as of `today`; the web's pickers use them too. */
export function dateBounds(kind: DateKind, today = todayInGermany()): { min: string; max: string } {
  switch (kind) {
    case 'birth':
      return { min: '1900-01-01', max: today };
    case 'history':
      return { min: '1900-01-01', max: shiftYears(today, 10) };
    case 'event':
      return { min: shiftYears(today, -10), max: shiftYears(today, 10) };
    case 'deadline':
      return { min: '1990-01-01', max: shiftYears(today, 30) };
  }
}

/**
 * A date of the kind. The range is worked out when a value is checked, not when this module is
 * loaded: a server that runs for weeks must not keep the "today" of its start.
 */
const dateOf = (kind: DateKind) =>
  isoDate.superRefine((value, ctx) => {
    const { min, max } = dateBounds(kind);
    if (value < min || value > max) {
      ctx.addIssue({ code: 'custom', input: value, message: `must be a date between ${min} and ${max}` });
    }
  });
export const birthDate = dateOf('birth');
export const historyDate = dateOf('history');
export const eventDate = dateOf('event');
export const deadlineDate = dateOf('deadline');

export const languageSchema = z.enum(['de', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });

/** A trimmed, non-empty single-line text with an upper bound. */
export function text(max = 200) {
  return z.string().trim().min(1).max(max);
}

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((s) => s.toLowerCase());

/** An optional text: empty becomes null, as stored. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** An optional date of a kind (`optionalDate(birthDate)`); missing becomes null. */
export const optionalDate = (date: typeof eventDate) => date.nullish().transform((v) => v ?? null);

/**
 * A free JSON object (e.g. a saved filter's query), bounded by its size as JSON: its shape is the
 * web client's business, but it is stored and sent back, so it must not grow without limit.
 */
export const jsonObject = (maxChars: number) =>
  z
    .record(z.string().max(100), z.unknown())
    .refine((v) => JSON.stringify(v).length <= maxChars, `must be at most ${maxChars} characters as JSON`);

/**
 * The update body of a versioned entry: any of its fields, and the version it was read at.
 * Defaults are dropped: a field left out of a change must stay as it is, not be reset to its
 * default (`partial()` alone would fill `[]` or `false` into every omitted field).
 */
export const withVersion = <T extends z.ZodRawShape>(shape: T) => {
  const optional = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
    ]),
  );
  return z
    .object(shape)
    .partial()
    .extend(optional as unknown as z.ZodRawShape)
    .extend({ version: z.number().int() }) as unknown as z.ZodObject<
    { [K in keyof T]: z.ZodOptional<T[K]> } & { version: z.ZodNumber }
  >;
};
