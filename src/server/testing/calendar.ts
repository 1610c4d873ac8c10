/**
 * Reads a calendar message the way a calendar does (ical.js, the parser of Thunderbird and
 * others), so that tests check what a recipient's calendar would show, not the text Lotse wrote.
 */
import ICAL from 'ical.js';

export interface ParsedEvent {
  method: string | null;
  uid: string;
  sequence: number;
  status: string | null;
  /** The instants, resolved through the message's own VTIMEZONE. */
  start: Date;
  end: Date;
  /** The zone named on DTSTART. */
  tzid: string | null;
  summary: string;
  location: string | null;
  description: string | null;
  organizer: string | null;
  attendee: string | null;
}

export function parseCalendar(ics: string): ParsedEvent {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT in the calendar message');
  const event = new ICAL.Event(vevent);
  const value = (name: string) => {
    const v = vevent.getFirstPropertyValue(name);
    return v === null || v === undefined ? null : String(v);
  };
  return {
    method: (calendar.getFirstPropertyValue('method') as string | null) ?? null,
    uid: event.uid,
    sequence: event.sequence,
    status: value('status'),
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    tzid: (vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
    summary: event.summary,
    location: value('location'),
    description: value('description'),
    organizer: value('organizer'),
    attendee: value('attendee'),
  };
}
