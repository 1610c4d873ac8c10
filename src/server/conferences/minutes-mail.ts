/**
 * The mail that carries an institution's copy of the minutes. German, like the agenda mail to the
 * partner institutions. The text names no case — what an institution may know of a case is in
 * the attached PDF, as far as consent allows; the mail text is also what admins see in the outbox.
 */
import { type MailMessage, pdfAttachment } from '../lib/mail';
import { wallClock } from '../lib/zoned-time';
import type { ConferenceRow } from './load';
import { germanDate } from './pack-texts';

export interface MinutesMailInput {
  c: Pick<ConferenceRow, 'organisationId' | 'title' | 'startsAt' | 'timeZone'>;
  organisation: string;
  recipient: { institution: string; contact: string | null; email: string };
  cases: number;
  withheld: number;
  pdf: Buffer;
  filename: string;
}

const casesText = (n: number) => (n === 1 ? 'einen Fall' : `${n} Fälle`);

export function minutesMail(m: MinutesMailInput): MailMessage {
  const day = germanDate(wallClock(m.c.startsAt, m.c.timeZone).date);
  const r = m.recipient;
  const carried =
    m.cases === 0
      ? `Für ${r.institution} war keiner der besprochenen Fälle freigegeben; das Protokoll enthält die allgemeinen Punkte und die Zusagen, die Sie betreffen.`
      : `Es enthält ${casesText(m.cases)}, jeweils in der Form, die die Einwilligungen der Ratsuchenden für ${r.institution} erlauben.`;
  const withheld =
    m.cases === 0 || m.withheld === 0
      ? []
      : [
          m.withheld === 1
            ? 'Ein weiterer Fall wurde ohne Freigabe für Ihre Institution besprochen; er ist im Protokoll nur gezählt.'
            : `${m.withheld} weitere Fälle wurden ohne Freigabe für Ihre Institution besprochen; sie sind im Protokoll nur gezählt.`,
        ];
  const text = [
    `Guten Tag${r.contact ? ` ${r.contact}` : ''},`,
    '',
    `anbei erhalten Sie das Protokoll der Geberkonferenz „${m.c.title}“ vom ${day}.`,
    '',
    carried,
    ...withheld,
    '',
    'Die Zusagen stehen bei den einzelnen Punkten. Bitte geben Sie uns Bescheid, sobald eine Zusage Ihrer Institution erledigt ist.',
    '',
    'Das Protokoll ist vertraulich: Bitte geben Sie es nicht weiter.',
    '',
    m.organisation,
  ].join('\n');
  return {
    organisationId: m.c.organisationId,
    to: r.email,
    subject: `Protokoll: ${m.c.title}, ${day}`,
    text: `${text}\n`,
    attachments: [pdfAttachment(m.filename, m.pdf)],
  };
}
