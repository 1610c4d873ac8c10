/** A client's name as the case list and the case file show it. */
export const fullName = (c: { givenNames: string; familyName: string }) => `${c.givenNames} ${c.familyName}`;
/** The name in its original script, when recorded. */
export const originalName = (c: { givenNamesOriginal: string | null; familyNameOriginal: string | null }) =>
  [c.givenNamesOriginal, c.familyNameOriginal].filter(Boolean).join(' ') || null;
