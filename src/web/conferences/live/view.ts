import type { LiveEntry, LiveItem, LiveState } from '../../../contracts/conferences-live';
import type { Change } from './changes';

/** An entry as the screen shows it: the server's, with what waits in the queue laid over it. */
export interface ShownEntry extends LiveEntry {
  /** Made or changed here and not yet sent. */
  waiting: boolean;
  /** To be removed once the queue is sent. */
  removing: boolean;
  /** Another version of it is kept beside it (an edit made on an older version). */
  bothKept: boolean;
}

/** A commitment made here and not yet sent, as the list shows it. */
export interface WaitingCommitment {
  id: string;
  institution: string;
  responsible: string | null;
  action: string;
  dueDate: string;
}

/** The entries of an item, the queue's changes laid over the server's, in the order made. */
export function shownEntries(item: LiveItem, waiting: readonly Change[], authorName: string): ShownEntry[] {
  const kept = new Set(item.entries.flatMap((e) => (e.conflictOf ? [e.conflictOf, e.id] : [])));
  const shown: ShownEntry[] = item.entries.map((e) => ({
    ...e,
    waiting: false,
    removing: false,
    bothKept: kept.has(e.id),
  }));
  for (const c of waiting) {
    if (c.type === 'entry' && c.body.item === item.key && !shown.some((e) => e.id === c.body.id))
      shown.push({
        id: c.body.id,
        item: item.key,
        kind: c.body.kind,
        text: c.body.text,
        author: { id: '', name: authorName },
        at: c.at,
        changedAt: c.at,
        version: 0,
        conflictOf: null,
        waiting: true,
        removing: false,
        bothKept: false,
      });
    const e = 'entryId' in c ? shown.find((x) => x.id === c.entryId) : undefined;
    if (!e) continue;
    if (c.type === 'edit')
      Object.assign(e, { text: c.body.text, kind: c.body.kind ?? e.kind, waiting: true });
    if (c.type === 'remove') e.removing = true;
  }
  return shown;
}

/** The commitments of an item made here and not yet sent. */
export function waitingCommitments(
  state: LiveState,
  key: string,
  waiting: readonly Change[],
): WaitingCommitment[] {
  const made = new Set(state.items.flatMap((i) => i.commitments.map((c) => c.id)));
  return waiting.flatMap((c) => {
    if (c.type !== 'commitment' || (c.body.nominationId ?? 'commitments') !== key || made.has(c.body.id))
      return [];
    const institution = state.institutions.find((i) => i.id === c.body.institutionId);
    const contact = institution?.contacts.find((x) => x.id === c.body.contactId);
    return [
      {
        id: c.body.id,
        institution: institution?.name ?? '—',
        responsible: contact?.name ?? c.body.responsibleName ?? null,
        action: c.body.action,
        dueDate: c.body.dueDate,
      },
    ];
  });
}

/**
 * The item on screen: where the last move waiting in the queue goes, else the one the server has
 * running, else (the clock stopped) the one shown before, else the first.
 */
export function shownItem(state: LiveState, waiting: readonly Change[], before: string | null): string {
  const moves = waiting.filter((c) => c.type === 'item');
  const moved = moves[moves.length - 1];
  const key =
    (moved?.type === 'item' ? moved.body.item : undefined) ?? state.current?.item ?? before ?? 'commitments';
  return state.items.some((i) => i.key === key) ? key : 'commitments';
}

/** Seconds on an item up to now: what was stored, and the running part if it is the current one. */
export function elapsedOf(state: LiveState, item: LiveItem, now: number, skew: number): number {
  const running =
    state.current?.item === item.key
      ? Math.max(0, Math.floor((now + skew - Date.parse(state.current.startedAt)) / 1000))
      : 0;
  return item.elapsedSeconds + running;
}

/** mm:ss (or h:mm:ss past an hour). */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

/** Near the end of its slot (the last fifth, at most two minutes) or over it. */
export function pace(elapsed: number, slotMinutes: number): 'fine' | 'near' | 'over' {
  const slot = slotMinutes * 60;
  if (elapsed > slot) return 'over';
  return elapsed >= slot - Math.min(120, slot / 5) ? 'near' : 'fine';
}
