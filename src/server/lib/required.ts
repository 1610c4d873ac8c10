/**
 * For values the code's own logic guarantees: the row of an INSERT … RETURNING, a key that was just
 * put into a map, an element of a list known not to be empty. Their absence is a programming error,
 * not a user's, so it throws a plain Error (an internal error, 500) that names what was missing,
 * never an AppError, and never passes `undefined` on to fail later somewhere else. Only `undefined`
 * counts as missing: `null` is a value (a nullable column, a "none" in a list to pick from).
 */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Expected ${what}, found none`);
  return value;
}

/** The first row of a statement that must produce one (INSERT/UPDATE … RETURNING, a known key). */
export function firstRow<T>(rows: readonly T[], what: string): T {
  return required(rows[0], what);
}
