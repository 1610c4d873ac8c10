import { useState } from 'react';

/**
 * What is typed on the live screen and not yet added, per item: a moderator in the other browser
 * may call up the next item while the minute-taker is in the middle of a sentence, and the words
 * must stay with the item they were about (and come back when it is shown again).
 */
export class Drafts {
  private readonly values = new Map<string, unknown>();
  private readonly filled = new Set<string>();

  constructor(private readonly changed: (items: ReadonlySet<string>) => void) {}

  get<T>(item: string, what: string): T | undefined {
    return this.values.get(`${item}|${what}`) as T | undefined;
  }

  set(item: string, what: string, value: unknown, hasText: boolean) {
    const key = `${item}|${what}`;
    this.values.set(key, value);
    const before = this.filled.size;
    if (hasText) this.filled.add(key);
    else this.filled.delete(key);
    if (this.filled.size !== before) this.changed(this.items());
  }

  /** The items with something typed. */
  items(): ReadonlySet<string> {
    return new Set([...this.filled].map((k) => k.split('|')[0] ?? ''));
  }
}

/** A value of the item's draft, kept in the store as it changes. */
export function useDraft<T>(
  drafts: Drafts,
  item: string,
  what: string,
  empty: T,
  hasText: (v: T) => boolean,
) {
  const [value, setValue] = useState<T>(() => drafts.get<T>(item, what) ?? empty);
  const set = (next: T) => {
    setValue(next);
    drafts.set(item, what, next, hasText(next));
  };
  return [value, set] as const;
}
