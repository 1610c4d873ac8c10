import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { jobs, outbox } from '../db/schema';
import { firstRow } from './required';

export interface MailMessage {
  organisationId: string;
  to: string;
  subject: string;
  text: string;
}

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
      })
      .returning({ id: outbox.id }),
    'the new outbox message',
  );
  if (config.smtpUrl) await db.insert(jobs).values({ kind: 'mail.deliver', payload: { outboxId: row.id } });
  return row.id;
}

let transport: Transporter | undefined;

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
    });
    await db
      .update(outbox)
      .set({ sentAt: new Date(), attempts: message.attempts + 1 })
      .where(eq(outbox.id, outboxId));
  } catch (error) {
    await db
      .update(outbox)
      .set({ attempts: message.attempts + 1, lastError: (error as Error).message.slice(0, 500) })
      .where(eq(outbox.id, outboxId));
    throw error;
  }
}
