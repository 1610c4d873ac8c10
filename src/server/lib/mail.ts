import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { jobs, outbox } from '../db/schema';
import { firstRow } from './required';

/** A file sent with a message: text (a calendar invitation, a list), or binary as base64 (a PDF). */
export interface MailAttachment {
  filename: string;
  /** For a calendar message `text/calendar; method=REQUEST` (or CANCEL). */
  contentType: string;
  content: string;
  /** `base64`: `content` holds the file's bytes so encoded (the outbox stores JSON). */
  encoding?: 'base64';
}

/** A PDF attachment, ready for `enqueueMail`. */
export const pdfAttachment = (filename: string, bytes: Buffer): MailAttachment => ({
  filename,
  contentType: 'application/pdf',
  content: bytes.toString('base64'),
  encoding: 'base64',
});

export interface MailMessage {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/** An iCalendar attachment of the given method (lib/ics), ready for `enqueueMail`. */
export const calendarAttachment = (method: 'REQUEST' | 'CANCEL', content: string): MailAttachment => ({
  filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
  contentType: `text/calendar; charset=utf-8; method=${method}`,
  content,
});

/**
 * Writes a message to the outbox, inside the caller's transaction. With SMTP configured a job
 * delivers it; without, it stays in the outbox where admins can read it.
 */
export async function enqueueMail(
  db: Db,
  config: Pick<Config, 'smtpUrl'>,
  message: MailMessage,
): Promise<string> {
  const row = firstRow(
    await db
      .insert(outbox)
      .values({
        organisationId: message.organisationId,
        toAddress: message.to,
        subject: message.subject,
        textBody: message.text,
        attachments: message.attachments ?? [],
      })
      .returning({ id: outbox.id }),
    'the new outbox message',
  );
  if (config.smtpUrl) await db.insert(jobs).values({ kind: 'mail.deliver', payload: { outboxId: row.id } });
  return row.id;
}

let transport: Transporter | undefined;

/**
 * A calendar message goes as nodemailer's `icalEvent`: a text/calendar alternative with its
 * method, which makes mail programs show the invitation with Accept/Decline (or the cancellation),
 * and the same file as an attachment for those that only read attachments. Other files are plain
 * attachments.
 */
function filesOf(attachments: MailAttachment[]) {
  const calendar = attachments.find((a) => /^text\/calendar\b/i.test(a.contentType));
  const others = attachments.filter((a) => a !== calendar);
  const method = calendar && /method=([A-Z-]+)/i.exec(calendar.contentType)?.[1]?.toUpperCase();
  return {
    ...(others.length > 0
      ? {
          attachments: others.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
            ...(a.encoding ? { encoding: a.encoding } : {}),
          })),
        }
      : {}),
    ...(calendar
      ? { icalEvent: { method: method ?? 'REQUEST', filename: calendar.filename, content: calendar.content } }
      : {}),
  };
}

/** Job handler: sends one outbox message. Runs outside any transaction. */
export async function deliverOutboxMessage(db: Db, config: Config, outboxId: string): Promise<void> {
  if (!config.smtpUrl) return;
  const [message] = await db.select().from(outbox).where(eq(outbox.id, outboxId));
  if (!message || message.sentAt) return;
  // nodemailer is loaded when the first message goes out, not by installations without SMTP.
  transport ??= (await import('nodemailer')).default.createTransport(config.smtpUrl);
  try {
    await transport.sendMail({
      from: config.mailFrom,
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      ...filesOf(message.attachments),
    });
    // A document sent (the minutes of a conference, with the cases its recipient may receive) is
    // not kept in the outbox once delivered: the outbox is no archive of personal data, and the
    // disclosure log already records what went to whom on which consent.
    const kept = message.attachments.filter((a) => a.encoding !== 'base64');
    await db
      .update(outbox)
      .set({
        sentAt: new Date(),
        attempts: message.attempts + 1,
        ...(kept.length < message.attachments.length ? { attachments: kept } : {}),
      })
      .where(eq(outbox.id, outboxId));
  } catch (error) {
    await db
      .update(outbox)
      .set({ attempts: message.attempts + 1, lastError: (error as Error).message.slice(0, 500) })
      .where(eq(outbox.id, outboxId));
    throw error;
  }
}
