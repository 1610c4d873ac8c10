/**
 * The mail an invitee receives: the invitation, an update, a cancellation, a withdrawn
 * invitation, a reminder. Invitees are people of other institutions whose language Lotse does not
 * always know, so each mail is German and English in one (English first where the contact person
 * prefers it). Invitations and updates carry the calendar entry (METHOD:REQUEST) and the link to
 * answer; cancellations carry METHOD:CANCEL. No case data ever goes into these mails.
 */
import type { RsvpAnswer } from '../../contracts/conferences';
import type { Config } from '../config';
import { addressOf, calendarMessage, type PartStat } from '../lib/ics';
import { calendarAttachment, type MailMessage } from '../lib/mail';
import { type ConferenceRow, endOf } from './load';
import { rsvpLink } from './rsvp';

export type Notice = 'invite' | 'update' | 'cancel' | 'withdrawn' | 'reminder';

/** One invitation as mail needs it. */
export interface Recipient {
  id: string;
  institution: string;
  contact: string | null;
  email: string | null;
  language: string | null;
  answer: RsvpAnswer;
  tokenNonce: string;
}

const partStat: Record<RsvpAnswer, PartStat> = {
  pending: 'NEEDS-ACTION',
  attending: 'ACCEPTED',
  deputy: 'ACCEPTED',
  declined: 'DECLINED',
};

function when(c: ConferenceRow, locale: 'de-DE' | 'en-GB') {
  const zone = c.timeZone;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: zone }).format(c.startsAt);
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  });
  const span = `${time.format(c.startsAt)}–${time.format(endOf(c))}`;
  return locale === 'de-DE' ? `${day}, ${span} Uhr (${zone})` : `${day}, ${span} (${zone})`;
}

const shortDate = (c: ConferenceRow) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: c.timeZone }).format(c.startsAt);

const subjects: Record<Notice, string> = {
  invite: 'Einladung / Invitation',
  update: 'Geändert / Updated',
  cancel: 'Abgesagt / Cancelled',
  withdrawn: 'Einladung zurückgenommen / Invitation withdrawn',
  reminder: 'Erinnerung / Reminder',
};

interface Facts {
  c: ConferenceRow;
  organisation: string;
  r: Recipient;
  link: string | null;
}

function german({ c, organisation, r, link }: Facts, notice: Notice): string {
  const opening = {
    invite: `${organisation} lädt ${r.institution} zur Geberkonferenz ein:`,
    update: `die Geberkonferenz von ${organisation} hat sich geändert. So gilt sie jetzt:`,
    cancel: `${organisation} hat diese Geberkonferenz abgesagt:`,
    withdrawn: `${organisation} hat die Einladung von ${r.institution} zu dieser Geberkonferenz zurückgenommen:`,
    reminder: `wir erinnern an die Geberkonferenz von ${organisation}:`,
  }[notice];
  const lines = [
    `Guten Tag${r.contact ? ` ${r.contact}` : ''},`,
    '',
    opening,
    '',
    `  ${c.title}`,
    `  Wann: ${when(c, 'de-DE')}`,
  ];
  if (c.place) lines.push(`  Wo: ${c.place}`);
  if (c.videoUrl) lines.push(`  Video: ${c.videoUrl}`);
  if (notice === 'cancel' && c.cancelReason) lines.push('', `Grund: ${c.cancelReason}`);
  if (link)
    lines.push(
      '',
      notice === 'reminder'
        ? 'Falls Sie noch nicht geantwortet haben oder sich etwas geändert hat, antworten Sie bitte hier (ohne Anmeldung):'
        : 'Bitte sagen Sie hier zu oder ab oder nennen Sie eine Vertretung (ohne Anmeldung; der Link gilt bis zum Ende der Konferenz):',
      link,
    );
  if (notice === 'invite' || notice === 'update') lines.push('', 'Der Kalendereintrag liegt bei.');
  if (notice === 'cancel' || notice === 'withdrawn')
    lines.push('', 'Der Kalendereintrag wird damit entfernt.');
  return lines.join('\n');
}

function english({ c, organisation, r, link }: Facts, notice: Notice): string {
  const opening = {
    invite: `${organisation} invites ${r.institution} to its donor conference:`,
    update: `the donor conference of ${organisation} has changed. This is how it stands now:`,
    cancel: `${organisation} has cancelled this donor conference:`,
    withdrawn: `${organisation} has withdrawn the invitation of ${r.institution} to this donor conference:`,
    reminder: `a reminder of the donor conference of ${organisation}:`,
  }[notice];
  const lines = [
    `Hello${r.contact ? ` ${r.contact}` : ''},`,
    '',
    opening,
    '',
    `  ${c.title}`,
    `  When: ${when(c, 'en-GB')}`,
  ];
  if (c.place) lines.push(`  Where: ${c.place}`);
  if (c.videoUrl) lines.push(`  Video: ${c.videoUrl}`);
  if (notice === 'cancel' && c.cancelReason) lines.push('', `Reason: ${c.cancelReason}`);
  if (link)
    lines.push(
      '',
      notice === 'reminder'
        ? 'If you have not answered yet, or something has changed, please answer here (no login needed):'
        : 'Please tell us here whether you will attend, or name a deputy (no login needed; the link works until the conference ends):',
      link,
    );
  if (notice === 'invite' || notice === 'update') lines.push('', 'The calendar entry is attached.');
  if (notice === 'cancel' || notice === 'withdrawn') lines.push('', 'This removes the calendar entry.');
  return lines.join('\n');
}

/**
 * The mail of one notice to one invitee, with its calendar message. `sequence` is the SEQUENCE
 * the calendar message carries (the conference's, for a withdrawal too).
 */
export function inviteeMail(
  config: Config,
  c: ConferenceRow,
  organisation: string,
  r: Recipient & { email: string },
  notice: Notice,
  now = new Date(),
): MailMessage {
  const link = ['invite', 'update', 'reminder'].includes(notice)
    ? rsvpLink(config, { invitationId: r.id, conferenceId: c.id, nonce: r.tokenNonce, expiresAt: endOf(c) })
    : null;
  const facts: Facts = { c, organisation, r, link };
  const parts =
    r.language === 'en'
      ? [english(facts, notice), german(facts, notice)]
      : [german(facts, notice), english(facts, notice)];
  const method = notice === 'cancel' || notice === 'withdrawn' ? 'CANCEL' : 'REQUEST';
  const calendar =
    notice === 'reminder'
      ? null
      : calendarMessage({
          method,
          uid: c.icsUid,
          sequence: c.icsSequence,
          stamp: now,
          start: c.startsAt,
          end: endOf(c),
          timeZone: c.timeZone,
          summary: c.title,
          location: [c.place, c.videoUrl].filter(Boolean).join(' – ') || null,
          description: [
            c.videoUrl ? `Video: ${c.videoUrl}` : null,
            link ? `Zusage, Absage, Vertretung / Attend, decline, deputy: ${link}` : null,
            method === 'CANCEL' && c.cancelReason ? `Abgesagt / Cancelled: ${c.cancelReason}` : null,
          ]
            .filter(Boolean)
            .join('\n'),
          organizer: { name: organisation, email: addressOf(config.mailFrom) },
          attendee: { name: r.contact ?? r.institution, email: r.email, partStat: partStat[r.answer] },
        });
  return {
    organisationId: c.organisationId,
    to: r.email,
    subject: `${subjects[notice]}: ${c.title}, ${shortDate(c)}`,
    text: `${parts.join('\n\n— — —\n\n')}\n`,
    ...(calendar ? { attachments: [calendarAttachment(method, calendar)] } : {}),
  };
}
