/**
 * The fixed agenda as a mail to one invitee: times in the conference's own zone with the zone
 * named, each item with its slot, and the block in which the invitee's institution is needed.
 * Cases appear as "Fall 1, Fall 2 …" with their question only — no name, no case code: what an
 * institution may know of a case goes in its pack, as far as consent allows, never by mail.
 * German, like the other mail to the partner institutions of a Saarland centre.
 */
import { wallClock } from '../lib/zoned-time';

export interface MailedCase {
  minutes: number;
  question: string;
  institutions: { id: string; name: string }[];
}

export interface AgendaMailInput {
  conference: {
    title: string;
    startsAt: Date;
    durationMinutes: number;
    timeZone: string;
    place: string | null;
    videoUrl: string | null;
    openCommitmentsMinutes: number;
  };
  /** In agenda order. */
  cases: MailedCase[];
  organisation: string;
  recipient: { institutionId: string; institution: string; contact: string | null };
}

const dayOf = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('de-DE', {
    timeZone: zone,
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);

export function agendaMail({ conference: c, cases, organisation, recipient }: AgendaMailInput) {
  const zone = c.timeZone;
  const clock = (at: number) => wallClock(new Date(at), zone).time;
  const span = (from: number, minutes: number) => `${clock(from)}–${clock(from + minutes * 60_000)}`;
  const start = c.startsAt.getTime();
  const lines: string[] = [];
  let at = start + c.openCommitmentsMinutes * 60_000;
  lines.push(
    `${span(start, c.openCommitmentsMinutes)}  1. Offene Zusagen aus früheren Konferenzen (${c.openCommitmentsMinutes} Min.)`,
  );
  const mine: { label: string; from: number; to: number }[] = [];
  for (const [i, k] of cases.entries()) {
    const label = `Fall ${i + 1}`;
    lines.push(`${span(at, k.minutes)}  ${i + 2}. ${label} (${k.minutes} Min.)`);
    lines.push(`             Frage: ${k.question.replace(/\s+/g, ' ').trim()}`);
    if (k.institutions.length > 0)
      lines.push(`             Beteiligt: ${k.institutions.map((x) => x.name).join(', ')}`);
    if (k.institutions.some((x) => x.id === recipient.institutionId))
      mine.push({ label, from: at, to: at + k.minutes * 60_000 });
    at += k.minutes * 60_000;
  }
  const first = mine[0];
  const last = mine[mine.length - 1];
  const yours =
    first && last
      ? `Für ${recipient.institution}: ${mine.map((m) => m.label).join(', ')}, ${clock(first.from)}–${clock(last.to)} Uhr (${zone}).`
      : `Für ${recipient.institution} ist kein Fall angemeldet; die offenen Zusagen zu Beginn betreffen alle.`;
  const text = [
    `Guten Tag${recipient.contact ? ` ${recipient.contact}` : ''},`,
    '',
    `die Tagesordnung der Geberkonferenz „${c.title}“ steht fest.`,
    '',
    `Termin: ${dayOf(c.startsAt, zone)}, ${span(start, c.durationMinutes)} Uhr (Zeitzone ${zone})`,
    ...(c.place ? [`Ort: ${c.place}`] : []),
    ...(c.videoUrl ? [`Video: ${c.videoUrl}`] : []),
    '',
    yours,
    '',
    `Tagesordnung (Uhrzeiten ${zone}):`,
    ...lines,
    `Ende der Tagesordnung: ${clock(at)} Uhr`,
    '',
    'Die Unterlagen zu den Fällen erhalten Sie gesondert, so weit die Einwilligungen der Ratsuchenden es erlauben.',
    '',
    organisation,
  ].join('\n');
  const [y, m, d] = wallClock(c.startsAt, zone).date.split('-');
  return { subject: `Tagesordnung: ${c.title}, ${d}.${m}.${y}`, text };
}
