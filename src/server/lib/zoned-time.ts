/**
 * Wall-clock times in a named time zone ↔ instants, with nothing but Intl. A conference is
 * planned as "10:00 in Europe/Berlin"; stored as the instant it begins and the zone, so that the
 * ICS can name the zone and a date after the change to winter time still begins at 10:00 local.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock parts of an instant in a zone. */
export function wallClock(instant: Date, zone: string) {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Berlin: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, zone: string): number {
  const w = wallClock(instant, zone);
  const asUtc = Date.parse(`${w.date}T${w.time}:${String(w.seconds).padStart(2, '0')}Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the clocks in `zone` show `date` `time`. A time skipped by the change to
 * summer time (02:30 on the last Sunday of March) is taken as the same clock time after it; a
 * time that occurs twice (02:30 in October) as the first.
 */
export function instantOf(date: string, time: string, zone: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // Two rounds settle the offset on either side of a change.
  let guess = naive - offsetMinutes(new Date(naive), zone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), zone) * 60_000;
  const earlier = naive - offsetMinutes(new Date(guess - 3_600_000), zone) * 60_000;
  if (wallClock(new Date(earlier), zone).time === time && earlier < guess) guess = earlier;
  return new Date(guess);
}
