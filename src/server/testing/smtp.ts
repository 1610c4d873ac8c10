/**
 * A real SMTP server on loopback for tests: Lotse delivers to it through nodemailer exactly as
 * to a mail server in production, and the test reads what arrived, parsed like a mail program
 * would (mailparser). A message is acknowledged only once parsed, so when delivery has returned
 * the message is in the inbox.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestMailServer {
  /** `smtp://127.0.0.1:<port>`, for the app's `smtpUrl`. */
  url: string;
  /** Every message received since the last call, in order of arrival. */
  take(): ParsedMail[];
  close(): Promise<void>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const inbox: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          inbox.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    take: () => inbox.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The recipient's address of a parsed message. */
export function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? '';
}

/** The calendar message (text/calendar) of a parsed mail, as text; null when there is none. */
export function calendarOf(mail: ParsedMail): string | null {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return part ? part.content.toString('utf8') : null;
}
