import { safeFileName } from '../../domain/file-names.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { Deliver } from '../outgoing.ts';
import { oneLine, summarise, toPlainText } from '../summary.ts';
import { page } from './payload.ts';

/**
 * Forwards reports as e-mail to the help desk's intake address: every help desk turns mail into
 * tickets, labelled in its language (`locale`). Replies go to the reporter when they left an
 * address. The server's one mailer sends it, so its refusals (5xx) arrive as `PermanentError` and
 * everything else is retried.
 */
export function emailConnector(mailer: Mailer, to: string[], publicUrl: string, locale: string): Deliver {
  const domain = new URL(publicUrl).hostname;

  return async (out) => {
    const { row, report, attachments } = out.stored;
    const sections = summarise(out, locale);
    const title = oneLine(row.title);
    const files = await Promise.all(
      attachments.map(async (a) => ({
        filename: safeFileName(a.name, a.content_type),
        contentType: a.content_type,
        content: Buffer.from(await out.file(a)),
      })),
    );
    await mailer.send({
      to,
      replyTo: report.contact_email,
      subject: `[${row.reference}] ${title}`,
      // Built from the job's id, so a retry after a lost answer carries the same Message-ID and the
      // help desk can drop the duplicate.
      messageId: messageIdOf(out.deliveryId, row.reference, domain),
      headers: { 'X-Snapdesk-Reference': row.reference },
      text: toPlainText(sections),
      html: String(page(title, sections, locale)),
      attachments: files,
    });
    return {};
  };
}

/**
 * A mail's Message-ID from its delivery's job id: a retry after a lost answer carries the same one,
 * and the reporter's later moves can name the forwarded report's mail in `In-Reply-To`.
 */
export const messageIdOf = (deliveryId: string, reference: string, domain: string) =>
  `<${deliveryId}.${reference.toLowerCase()}@${domain}>`;
