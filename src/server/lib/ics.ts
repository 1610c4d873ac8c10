/**
 * Calendar mail: an iCalendar object (RFC 5545) carrying one meeting as an iTIP message (RFC 5546),
 * METHOD:REQUEST for an invitation or its update, METHOD:CANCEL for a cancellation. The times are
 * written in the meeting's own zone (TZID) with a VTIMEZONE for it, computed from the zone rules
 * Intl knows, so that a calendar anywhere shows 10:00 in Berlin as 10:00 in Berlin — also across
 * the change between summer and winter time — without relying on its own zone database.
 */
import { offsetMinutes, wallClock } from './zoned-time';

export type IcsMethod = 'REQUEST' | 'CANCEL';
export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED';

export interface CalendarEvent {
  method: IcsMethod;
  /** Never changes for the meeting: calendars match updates and cancellations by it. */
  uid: string;
  /** Raised on every change; a calendar ignores a message older than what it holds. */
  sequence: number;
  /** When this message was made. */
  stamp: Date;
  start: Date;
  end: Date;
  /** IANA zone the meeting is planned in. */
  timeZone: string;
  summary: string;
  location: string | null;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string | null; email: string; partStat?: PartStat };
}

/** The whole calendar object, CRLF line ends, folded at 75 octets. */
export function calendarMessage(e: CalendarEvent): string {
  const zone = e.timeZone;
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Lotse//Donor conferences//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    ...vtimezone(zone, e.start, e.end),
    'BEGIN:VEVENT',
    `UID:${text(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `DTSTART;TZID=${param(zone)}:${localStamp(e.start, zone)}`,
    `DTEND;TZID=${param(zone)}:${localStamp(e.end, zone)}`,
    `SUMMARY:${text(e.summary)}`,
    ...(e.location ? [`LOCATION:${text(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${text(e.description)}`] : []),
    `ORGANIZER;CN=${param(e.organizer.name)}:mailto:${e.organizer.email}`,
    // RSVP=FALSE: answers come through the link in the mail; nobody reads replies to the sender.
    `ATTENDEE;${e.attendee.name ? `CN=${param(e.attendee.name)};` : ''}ROLE=REQ-PARTICIPANT;PARTSTAT=${e.attendee.partStat ?? 'NEEDS-ACTION'};RSVP=FALSE:mailto:${e.attendee.email}`,
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** The address of a From header ("Lotse <lotse@example.org>" → lotse@example.org). */
export function addressOf(from: string): string {
  return (/<([^<>\s]+)>/.exec(from)?.[1] ?? from).trim();
}

// --- values ---

/** TEXT (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other controls dropped. */
export function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter((ch) => ch === '\t' || !isControl(ch))
    .join('');
}

const isControl = (ch: string) => ch < ' ' || ch === '\x7f';

/** A parameter value, always quoted: a quoted string may hold anything but DQUOTE and controls. */
function param(value: string): string {
  const clean = value
    .split('')
    .filter((ch) => ch !== '"' && !isControl(ch))
    .join('');
  return `"${clean}"`;
}

const digits = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20261026T090000Z */
function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The wall-clock time in the zone, as DATE-TIME without Z: 20261026T100000. */
function localStamp(at: Date, zone: string): string {
  const w = wallClock(at, zone);
  return `${w.date.replace(/-/g, '')}T${w.time.replace(':', '')}${digits(w.seconds)}`;
}

/** UTC offset as +HHMM (seconds only where a zone has them). */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${digits(Math.floor(abs / 60))}${digits(Math.round(abs % 60))}`;
}

/**
 * Content lines longer than 75 octets go on in lines beginning with a space (RFC 5545 3.1); a line
 * breaks between characters, never inside one character's UTF-8 bytes.
 */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

// --- the time zone ---

interface Transition {
  /** The first instant of the new offset. */
  at: number;
  from: number;
  to: number;
}

const DAY = 86_400_000;
const transitionCache = new Map<string, Transition[]>();

/** The zone's offset changes in a calendar year (UTC), to the minute. */
export function transitionsIn(zone: string, year: number): Transition[] {
  const key = `${zone}|${year}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let t = Date.UTC(year, 0, 1);
  let offset = offsetMinutes(new Date(t), zone);
  // Zones change their offset at most a few times a year and never twice within a day.
  while (t < end) {
    const next = Math.min(t + DAY, end);
    const nextOffset = offsetMinutes(new Date(next), zone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutes(new Date(mid), zone) === offset) lo = mid;
        else hi = mid;
      }
      found.push({ at: hi, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  transitionCache.set(key, found);
  return found;
}

/**
 * VTIMEZONE with every change of the year before the meeting through the year it ends: each a
 * STANDARD (to a smaller offset) or DAYLIGHT (to a larger one) observance with its own DTSTART,
 * given in the local time before the change. The year before is there so that a meeting in
 * January finds the offset that was set in the autumn. A zone without changes gets one fixed
 * STANDARD observance.
 */
export function vtimezone(zone: string, start: Date, end: Date): string[] {
  const first = Number(wallClock(start, zone).date.slice(0, 4)) - 1;
  const last = Number(wallClock(end, zone).date.slice(0, 4));
  const changes: Transition[] = [];
  for (let y = first; y <= last; y++) changes.push(...transitionsIn(zone, y));
  const observances =
    changes.length === 0
      ? observance('STANDARD', '19700101T000000', offsetMinutes(start, zone), offsetMinutes(start, zone))
      : changes.flatMap((c) =>
          observance(
            c.to > c.from ? 'DAYLIGHT' : 'STANDARD',
            utcStamp(new Date(c.at + c.from * 60_000)).replace('Z', ''),
            c.from,
            c.to,
          ),
        );
  return ['BEGIN:VTIMEZONE', `TZID:${text(zone)}`, ...observances, 'END:VTIMEZONE'];
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number) {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${dtstart}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
}
