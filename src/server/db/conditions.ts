import { and, or, type SQL } from 'drizzle-orm';

// drizzle's and() and or() answer `SQL | undefined`: undefined when every condition given is
// undefined (optional filters left out). With one condition that is always there, the result is
// always a condition; these say so in the type instead of asserting it at each call.

/** Every condition holds; `first` is always there, the others may be left out (undefined). */
export function allOf(first: SQL, ...rest: (SQL | undefined)[]): SQL {
  return and(first, ...rest) ?? first;
}

/** At least one condition holds; `first` is always there, the others may be left out (undefined). */
export function anyOf(first: SQL, ...rest: (SQL | undefined)[]): SQL {
  return or(first, ...rest) ?? first;
}
