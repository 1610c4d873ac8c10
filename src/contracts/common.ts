import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });
/** An entry of a record, e.g. a qualification of a case: /api/clients/:id/…/:entryId. */
export const entryParams = z.object({ id: z.uuid(), entryId: z.uuid() });

/** Timestamps travel as ISO strings. */
export const timestamp = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

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

/** An optional ISO date (YYYY-MM-DD); missing becomes null. */
export const optionalDate = isoDate.nullish().transform((v) => v ?? null);

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
