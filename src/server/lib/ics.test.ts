import { describe, expect, it } from 'vitest';
import { parseCalendar } from '../testing/calendar';
import { addressOf, type CalendarEvent, calendarMessage, fold } from './ics';
import { instantOf } from './zoned-time';

/** A two-hour meeting at a local time in a zone, as a conference is planned. */
function meeting(date: string, time: string, zone = 'Europe/Berlin', fields: Partial<CalendarEvent> = {}) {
  const start = instantOf(date, time, zone);
  return calendarMessage({
    method: 'REQUEST',
    uid: 'k3J9-uid@lotse',
    sequence: 0,
    stamp: new Date('2026-09-01T12:00:00Z'),
    start,
    end: new Date(start.getTime() + 120 * 60_000),
    timeZone: zone,
    summary: 'Geberkonferenz Pflege',
    location: 'Rathaus, Saal 2',
    description: 'Antworten / Answer: https://lotse.example.org/rsvp/x/y',
    organizer: { name: 'Beratungszentrum Saar', email: 'lotse@example.org' },
    attendee: { name: 'Petra Jobcenter', email: 'petra@jobcenter.example' },
    ...fields,
  });
}

const startOf = (ics: string) => parseCalendar(ics).start.toISOString();

describe('calendar messages across the change of summer and winter time', () => {
  it('puts 10:00 in Berlin at 08:00Z on the Saturday before the October change and 09:00Z on the Monday after', () => {
    expect(startOf(meeting('2026-10-24', '10:00'))).toBe('2026-10-24T08:00:00.000Z');
    expect(startOf(meeting('2026-10-26', '10:00'))).toBe('2026-10-26T09:00:00.000Z');
    // The local time is written as planned, with the zone named.
    const ics = meeting('2026-10-26', '10:00');
    expect(ics).toContain('DTSTART;TZID="Europe/Berlin":20261026T100000\r\n');
    expect(parseCalendar(ics).tzid).toBe('Europe/Berlin');
  });

  it('puts 10:00 in Berlin at 09:00Z on the Saturday before the March change and 08:00Z on the Monday after', () => {
    expect(startOf(meeting('2027-03-27', '10:00'))).toBe('2027-03-27T09:00:00.000Z');
    expect(startOf(meeting('2027-03-29', '10:00'))).toBe('2027-03-29T08:00:00.000Z');
  });

  it('describes the zone itself: the changes of the year before and of the meeting’s year', () => {
    const ics = meeting('2027-01-15', '10:00');
    expect(startOf(ics)).toBe('2027-01-15T09:00:00.000Z');
    const vtimezone = ics.slice(ics.indexOf('BEGIN:VTIMEZONE'), ics.indexOf('END:VTIMEZONE'));
    expect(vtimezone).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT',
    );
    expect(vtimezone).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD',
    );
  });

  it('works for a zone of the southern hemisphere and one without summer time', () => {
    // Sydney moves to summer time (+11) on the first Sunday of October.
    expect(startOf(meeting('2026-10-03', '10:00', 'Australia/Sydney'))).toBe('2026-10-03T00:00:00.000Z');
    expect(startOf(meeting('2026-10-05', '10:00', 'Australia/Sydney'))).toBe('2026-10-04T23:00:00.000Z');
    expect(startOf(meeting('2026-10-26', '10:00', 'Asia/Tokyo'))).toBe('2026-10-26T01:00:00.000Z');
  });
});

describe('a calendar message', () => {
  it('says REQUEST or CANCEL and keeps the UID, with the SEQUENCE given', () => {
    const request = parseCalendar(meeting('2026-10-26', '10:00'));
    const cancel = parseCalendar(
      meeting('2026-10-26', '10:00', 'Europe/Berlin', { method: 'CANCEL', sequence: 3 }),
    );
    expect(request).toMatchObject({
      method: 'REQUEST',
      uid: 'k3J9-uid@lotse',
      sequence: 0,
      status: 'CONFIRMED',
    });
    expect(cancel).toMatchObject({
      method: 'CANCEL',
      uid: 'k3J9-uid@lotse',
      sequence: 3,
      status: 'CANCELLED',
    });
    expect(request.organizer).toBe('mailto:lotse@example.org');
    expect(request.attendee).toBe('mailto:petra@jobcenter.example');
  });

  it('escapes commas, semicolons, backslashes and line breaks and folds long lines at 75 octets', () => {
    const place =
      'Haus der Beratung, Saal „Völklingen“; 2. OG, Eingang C\\Hof – Großherzog-Friedrich-Straße 111, 66121 Saarbrücken';
    const ics = meeting('2026-10-26', '10:00', 'Europe/Berlin', {
      location: place,
      description: 'Zeile eins\nZeile zwei, mit Komma',
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain('LOCATION:Haus der Beratung\\, Saal „Völklingen“\\; 2. OG');
    const parsed = parseCalendar(ics);
    expect(parsed.location).toBe(place);
    expect(parsed.description).toBe('Zeile eins\nZeile zwei, mit Komma');
  });

  it('never breaks a line inside a character', () => {
    const folded = fold(`SUMMARY:${'ä'.repeat(100)}`);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ä'.repeat(100)}`);
  });

  it('takes the address out of a From header', () => {
    expect(addressOf('Lotse <lotse@example.org>')).toBe('lotse@example.org');
    expect(addressOf('lotse@example.org')).toBe('lotse@example.org');
  });
});
