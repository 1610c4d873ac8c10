import { describe, expect, it } from 'vitest';
import { instantOf, offsetMinutes, wallClock } from './zoned-time';

const berlin = 'Europe/Berlin';

describe('a conference planned at a local time', () => {
  it('begins at that local time on either side of the change to winter time', () => {
    // Saturday before the change (summer time, UTC+2) and Monday after (winter time, UTC+1).
    expect(instantOf('2026-10-24', '10:00', berlin).toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(instantOf('2026-10-26', '10:00', berlin).toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(instantOf('2027-03-27', '10:00', berlin).toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(instantOf('2027-03-29', '10:00', berlin).toISOString()).toBe('2027-03-29T08:00:00.000Z');
  });

  it('takes a skipped hour as the same clock time after the change, a doubled one as the first', () => {
    // 02:30 on 29 March 2026 does not exist in Berlin; 02:30 on 25 October 2026 happens twice.
    expect(wallClock(instantOf('2026-03-29', '02:30', berlin), berlin).time).toBe('03:30');
    expect(instantOf('2026-10-25', '02:30', berlin).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads back in any zone, with its offset', () => {
    const at = instantOf('2026-07-01', '09:30', 'America/New_York');
    expect(at.toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(wallClock(at, berlin)).toMatchObject({ date: '2026-07-01', time: '15:30' });
    expect(offsetMinutes(at, berlin)).toBe(120);
    expect(offsetMinutes(new Date('2026-12-01T12:00:00Z'), berlin)).toBe(60);
  });
});
