/**
 * Small-cell protection for the funder reports. A figure with one to four persons behind it is
 * hidden (`primary`): "< 5". A zero names nobody and stays. Hiding one cell is not enough when
 * the cells of a line add up to a total that is shown: the hidden cell would be the total minus
 * the others. So every line that adds up (a column over the rows of a breakdown, a row over
 * the columns of a partition, the months of the year) must hide none or at least two of its
 * entries; where a line hides exactly one, the smallest shown entry of that line is hidden as
 * well (`secondary`), and that repeats until no line hides exactly one. Each added hiding can
 * only make more lines safe or start a line that is then mended, and there are finitely many
 * entries, so it ends.
 *
 * Whether a line adds up is checked on the true values (sum of the entries = the total), not
 * assumed from the column's kind: distinct persons over months do not add up (a person seen in
 * March and in May counts once in the year), sessions do. A line that does not add up cannot
 * give a hidden value away by subtraction.
 *
 * This is the "at least two per line" rule statistical offices use as a first step; it does
 * not defend against every linear combination of several tables (e.g. the same total broken
 * down two ways), which a funder's small tables do not need (docs/ARCHITECTURE.md, "Funder reports").
 */

/** One figure of a table before it is shown: its true value, and how many persons stand behind it (null: not persons). */
export interface RawCell {
  value: number;
  persons: number | null;
}
export type Suppressed = 'primary' | 'secondary' | null;

/** Fewer than this many persons behind a figure hide it. */
export const MIN_PERSONS = 5;

export const needsPrimary = (c: RawCell) => c.persons !== null && c.persons > 0 && c.persons < MIN_PERSONS;

/**
 * A line of entries (indices into one flat list of cells) whose `parts` add up to `total`.
 * Lines whose parts do not add up to the total are ignored (see above).
 */
export interface Line {
  parts: number[];
  total: number;
}

/**
 * The hiding of every entry: primary where too few persons, then secondary until every line
 * that adds up hides none or at least two of its entries (parts and total together). Among the
 * candidates of a line the smallest shown non-zero part is hidden first (the least information
 * lost), then the total, then a zero. `links` are groups of entries that show the same figure
 * in different tables: hidden in one, hidden in all.
 */
export function suppress(cells: RawCell[], lines: Line[], links: number[][] = []): Suppressed[] {
  const marks: Suppressed[] = cells.map((c) => (needsPrimary(c) ? 'primary' : null));
  const adding = lines.filter((l) => l.parts.length > 0 && sumOf(cells, l.parts) === cells[l.total]?.value);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of adding) {
      const members = [...line.parts, line.total];
      const hidden = members.filter((i) => marks[i]);
      if (hidden.length !== 1) continue;
      const pick = pickSecondary(cells, marks, line);
      if (pick === null) continue;
      marks[pick] = 'secondary';
      changed = true;
    }
    // The same figure shown twice (a partition's row total and the headline column) is hidden in both.
    for (const group of links) {
      if (!group.some((i) => marks[i])) continue;
      for (const i of group)
        if (!marks[i]) {
          marks[i] = 'secondary';
          changed = true;
        }
    }
  }
  return marks;
}

function sumOf(cells: RawCell[], indices: number[]): number {
  return indices.reduce((s, i) => s + (cells[i]?.value ?? 0), 0);
}

function pickSecondary(cells: RawCell[], marks: Suppressed[], line: Line): number | null {
  const shown = line.parts.filter((i) => !marks[i]);
  const byValue = (a: number, b: number) => (cells[a]?.value ?? 0) - (cells[b]?.value ?? 0) || a - b;
  const nonZero = shown.filter((i) => (cells[i]?.value ?? 0) > 0).sort(byValue);
  if (nonZero[0] !== undefined) return nonZero[0];
  if (!marks[line.total]) return line.total;
  return shown.sort(byValue)[0] ?? null;
}
