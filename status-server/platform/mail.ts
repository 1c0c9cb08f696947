import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type NodemailerError, type SendMailOptions } from 'nodemailer';
import { PermanentError } from './jobs/handler.ts';

/** One outgoing message; `from` is the mailer's, so callers never set it. */
export type OutgoingMail = Omit<SendMailOptions, 'from'> & { messageId: string };

/**
 * The headers of every mail sent because someone asked for it (notices, a request's progress): the
 * RFC 8058 one-click unsubscribe, a POST to `unsubscribeUrl` with no login or cookie, and RFC 3834's
 * mark that no person wrote it, so auto-responders stay quiet.
 */
export const unsubscribeHeaders = (unsubscribeUrl: string) => ({
  'List-Unsubscribe': `<${unsubscribeUrl}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  'Auto-Submitted': 'auto-generated',
});

export interface SmtpConfig {
  /** A nodemailer transport URL; subscription mails will go out through the same server. */
  url: string;
  from: string;
}

export interface Mailer {
  /** Sends one message; a refusal that retrying cannot change throws `PermanentError`. */
  send(mail: OutgoingMail): Promise<void>;
  /** Where mail goes, for the start-up log: the SMTP server, or the folder of `.eml` files. */
  readonly target: string;
  close(): void;
}

interface MailerOptions {
  /** `SNAPDESK_SMTP_URL` and `SNAPDESK_MAIL_FROM`, as the connectors' configuration reads them. */
  smtp: SmtpConfig | undefined;
  /** The sender of `.eml` files when no SMTP server is configured. */
  from: string;
  dataDir: string;
  /** SMTP connections kept open and used side by side; several hide each message's round trips. */
  maxConnections?: number;
}

/**
 * The server's one way to send mail: SMTP through a pool of connections when `SNAPDESK_SMTP_URL` is
 * set, otherwise each message is written as an `.eml` file under the data folder, so a first run
 * needs no mail server and its mails can still be opened and their links followed.
 */
export function createMailer(o: MailerOptions): Mailer {
  if (o.smtp) return smtpMailer(o.smtp, o.maxConnections ?? 8);
  const dir = join(o.dataDir, 'mail');
  console.log(`mail: SNAPDESK_SMTP_URL is not set, so mails are written as .eml files to ${dir}`);
  return fileMailer(dir, o.from);
}

function smtpMailer(smtp: SmtpConfig, maxConnections: number): Mailer {
  const transport = createTransport({
    url: smtp.url,
    pool: true,
    maxConnections,
    // A pooled connection is reused for as long as the server keeps it: reconnecting costs a handshake.
    maxMessages: Number.POSITIVE_INFINITY,
    // A mail server that does not answer within seconds will not within minutes; the job is retried.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  const server = new URL(smtp.url);
  return {
    target: `SMTP ${server.hostname}:${server.port || (server.protocol === 'smtps:' ? 465 : 587)}`,
    async send(mail) {
      try {
        await transport.sendMail({ ...mail, from: smtp.from });
      } catch (err) {
        const e = err as NodemailerError;
        const message = `SMTP: ${e.message}`;
        // `permanent` is nodemailer's reading of the reply: a 5xx (but 503) refuses this message for good.
        throw e.permanent ? new PermanentError(message) : new Error(message);
      }
    },
    close: () => transport.close(),
  };
}

function fileMailer(dir: string, from: string): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: `.eml files in ${dir}`,
    async send(mail) {
      const info = await transport.sendMail({ ...mail, from });
      await mkdir(dir, { recursive: true });
      // The Message-ID is stable per delivery, so a retried delivery overwrites its own file.
      const name = mail.messageId.replace(/[^\w.-]+/g, '_');
      await writeFile(join(dir, `${name}.eml`), info.message);
    },
    close: () => transport.close(),
  };
}
