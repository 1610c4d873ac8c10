import type { Commitment } from '../../../contracts/commitments';
import type {
  LiveCommitmentBody,
  LiveCommitmentEditBody,
  LiveEntry,
  LiveEntryBody,
  LiveEntryEditBody,
  LiveEntrySaved,
  LiveItemBody,
  LiveState,
} from '../../../contracts/conferences-live';
import { addEntry, changeCommitment, editEntry, makeCommitment, moveToItem, removeEntry } from './api';

/**
 * A change made on the live screen, as it waits in the queue. Each carries the ids the browser made
 * (the change's own, and the new entry's or commitment's), so that sending it twice stores it once.
 */
export type Change = { id: string; at: string } & (
  | { type: 'entry'; body: LiveEntryBody & { id: string } }
  | { type: 'edit'; entryId: string; body: LiveEntryEditBody }
  | { type: 'remove'; entryId: string }
  | { type: 'item'; body: LiveItemBody }
  | { type: 'commitment'; body: LiveCommitmentBody & { id: string } }
  | { type: 'commitmentEdit'; commitmentId: string; body: LiveCommitmentEditBody }
);
/** A change as it is made, before the queue stamps it. */
export type NewChange = Change extends infer C ? (C extends Change ? Omit<C, 'id' | 'at'> : never) : never;

export type Answer = LiveEntrySaved | LiveState | Commitment | { ok: true };

/** Sends one change to the server. */
export function send(conferenceId: string, c: Change): Promise<Answer> {
  switch (c.type) {
    case 'entry':
      return addEntry(conferenceId, c.body);
    case 'edit':
      return editEntry(conferenceId, c.entryId, c.body);
    case 'remove':
      // Already gone (sent before, the answer lost): what was asked for is done.
      return removeEntry(conferenceId, c.entryId).catch((e: { status?: number }) => {
        if (e.status === 404) return { ok: true as const };
        throw e;
      });
    case 'item':
      return moveToItem(conferenceId, c.body);
    case 'commitment':
      return makeCommitment(conferenceId, c.body);
    case 'commitmentEdit':
      return changeCommitment(conferenceId, c.commitmentId, c.body);
  }
}

const withEntry = (s: LiveState, e: LiveEntry): LiveState => ({
  ...s,
  items: s.items.map((i) =>
    i.key === e.item
      ? {
          ...i,
          entries: i.entries.some((x) => x.id === e.id)
            ? i.entries.map((x) => (x.id === e.id ? e : x))
            : [...i.entries, e],
        }
      : i,
  ),
});

const withCommitment = (s: LiveState, c: Commitment): LiveState => ({
  ...s,
  items: s.items.map((i) => {
    const others = i.commitments.filter((x) => x.id !== c.id);
    return (c.nominationId ?? 'commitments') === i.key
      ? { ...i, commitments: [...others, c] }
      : { ...i, commitments: others };
  }),
});

/**
 * The live state with a sent change's answer in it, so that the screen shows it at once (the
 * event stream's read of the whole state follows and has the last word).
 */
export function applyAnswer(s: LiveState, c: Change, answer: Answer): LiveState {
  switch (c.type) {
    case 'entry':
    case 'edit':
      return withEntry(s, (answer as LiveEntrySaved).entry);
    case 'remove':
      return {
        ...s,
        items: s.items.map((i) => ({ ...i, entries: i.entries.filter((x) => x.id !== c.entryId) })),
      };
    case 'item':
      return answer as LiveState;
    case 'commitment':
    case 'commitmentEdit':
      return withCommitment(s, answer as Commitment);
  }
}
