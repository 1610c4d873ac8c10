import i18n from '../ui/i18n';

/**
 * A conference is stored as an instant with its own zone (Europe/Berlin by default); everyone sees
 * it in the zone their device is in, with that zone named, so that a partner abroad or a laptop set
 * to another zone never reads 10:00 where 09:00 is meant.
 */
const locale = () => (i18n.language === 'de' ? 'de-DE' : 'en-GB');

/** The zone of the viewer's device. */
export const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const parts = (iso: string, zone: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale(), { ...options, timeZone: zone }).formatToParts(new Date(iso));

/** "10:00" in the zone. */
export function clock(iso: string, zone = viewerZone()): string {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(
    new Date(iso),
  );
}

/** The zone's short name at that instant: "MEZ" / "CET", "MESZ" / "CEST", or "GMT+3". */
export function zoneName(iso: string, zone = viewerZone()): string {
  return parts(iso, zone, { timeZoneName: 'short' }).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** "Di., 15. Dez. 2026" / "Tue 15 Dec 2026" in the zone. */
export function day(iso: string, zone = viewerZone()): string {
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: zone,
  }).format(new Date(iso));
}

/** "Tue 15 Dec 2026, 10:00–12:00 CET" in the zone (the end's day too when it is another). */
export function span(startsAt: string, endsAt: string, zone = viewerZone()): string {
  const from = day(startsAt, zone);
  const to = day(endsAt, zone);
  const end = to === from ? clock(endsAt, zone) : `${to}, ${clock(endsAt, zone)}`;
  return `${from}, ${clock(startsAt, zone)}–${end} ${zoneName(endsAt, zone)}`;
}

/**
 * The time as the viewer sees it, and as it is in the conference's own zone when that reads
 * differently (another offset), so that both sides of a call across zones agree.
 */
export function spans(c: { startsAt: string; endsAt: string; timeZone: string }) {
  const here = span(c.startsAt, c.endsAt);
  const there = span(c.startsAt, c.endsAt, c.timeZone);
  return { here, there: there === here ? null : there };
}

/** The IANA zones the browser knows, for the zone picker (Berlin first, it is nearly always that). */
export function timeZones(): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Berlin'];
  return ['Europe/Berlin', ...known.filter((z) => z !== 'Europe/Berlin')];
}
