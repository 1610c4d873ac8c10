/**
 * The agenda: a fixed first item for open commitments from earlier conferences, then the
 * nominated cases in their order, each in a timeboxed slot, against the conference's duration.
 */
import type { Agenda, Nomination } from '../../contracts/conferences';
import type { ConferenceRow } from './load';

type Slot = { minutes: number; institutionIds: readonly string[] };

/**
 * Minutes representatives sit in the room: for every institution needed by some item, from the
 * start of its first item to the end of its last, summed. An institution whose items form one
 * contiguous block sits exactly as long as its cases take.
 */
export function sittingMinutes(slots: Slot[]): number {
  const span = new Map<string, { from: number; to: number }>();
  let at = 0;
  for (const s of slots) {
    for (const id of s.institutionIds) {
      const seen = span.get(id);
      span.set(id, { from: seen?.from ?? at, to: at + s.minutes });
    }
    at += s.minutes;
  }
  let total = 0;
  for (const { from, to } of span.values()) total += to - from;
  return total;
}

/** The institutions that need a case: those its nomination names, whatever they may receive. */
export const neededBy = (n: Pick<Nomination, 'recipients'>) => n.recipients.map((r) => r.institution.id);

export function agendaOf(
  c: Pick<ConferenceRow, 'startsAt' | 'durationMinutes' | 'minutesPerCase' | 'openCommitmentsMinutes'>,
  nominations: Pick<Nomination, 'id' | 'minutes' | 'position' | 'recipients'>[],
): Agenda {
  const ordered = [...nominations].sort((a, b) => a.position - b.position);
  const slots = [
    {
      kind: 'commitments' as const,
      nominationId: null,
      minutes: c.openCommitmentsMinutes,
      institutionIds: [],
    },
    ...ordered.map((n) => ({
      kind: 'case' as const,
      nominationId: n.id,
      minutes: n.minutes ?? c.minutesPerCase,
      institutionIds: neededBy(n),
    })),
  ];
  let at = c.startsAt.getTime();
  const items = slots.map((s) => {
    const item = { ...s, startsAt: new Date(at).toISOString() };
    at += s.minutes * 60_000;
    return item;
  });
  const totalMinutes = slots.reduce((sum, s) => sum + s.minutes, 0);
  return {
    items,
    totalMinutes,
    overBy: Math.max(0, totalMinutes - c.durationMinutes),
    sittingMinutes: sittingMinutes(slots),
  };
}
