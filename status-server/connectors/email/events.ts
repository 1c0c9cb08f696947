import { createTranslator } from '../../../shared/i18n/index.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { DeliverRequestEvent, OutgoingRequestEvent } from '../outgoing.ts';
import { oneLine, type Section, toPlainText, utc } from '../summary.ts';
import { page } from './payload.ts';
import { messageIdOf } from './send.ts';

const headings = {
  answer: 'helpdesk.event.answered',
  confirm: 'helpdesk.event.confirmed',
  reopen: 'helpdesk.event.reopened',
} as const;

/** The move as the help desk reads it, labelled in its language; the reporter's words as written. */
export function eventSections(out: OutgoingRequestEvent, locale: string): Section[] {
  const t = createTranslator(locale);
  const sections: Section[] = [
    {
      kind: 'rows',
      heading: t(headings[out.event.kind]),
      rows: [
        { label: t('helpdesk.reference'), value: out.reference },
        ...(out.externalRef ? [{ label: t('helpdesk.event.ticket'), value: out.externalRef }] : []),
        { label: t('helpdesk.event.at'), value: utc(out.event.at) },
      ],
    },
  ];
  if (out.event.body !== null) {
    const heading = t(out.event.kind === 'reopen' ? 'helpdesk.event.reason' : 'helpdesk.event.answer');
    sections.push({ kind: 'text', heading, text: out.event.body });
  }
  if (out.files.length)
    sections.push({ kind: 'list', heading: t('helpdesk.attachments'), items: out.files.map((f) => f.name) });
  return sections;
}

/**
 * Mails the reporter's move to the help desk's intake address as a reply to the forwarded report:
 * `Re:` and the same `[SD-…] title` subject, `In-Reply-To`/`References` naming the forwarded mail's
 * Message-ID (rebuilt from that forwarding's job id), so the help desk files it on the same ticket.
 * The answer's images are attached.
 */
export function emailEvents(
  mailer: Mailer,
  to: string[],
  publicUrl: string,
  locale: string,
): DeliverRequestEvent {
  const domain = new URL(publicUrl).hostname;
  return async (out) => {
    const sections = eventSections(out, locale);
    const subject = `Re: [${out.reference}]${out.title ? ` ${oneLine(out.title)}` : ''}`;
    const parent = out.forwardDeliveryId && messageIdOf(out.forwardDeliveryId, out.reference, domain);
    const files = await Promise.all(
      out.files.map(async (f) => ({
        filename: f.name,
        contentType: f.content_type,
        content: Buffer.from(await f.data()),
      })),
    );
    await mailer.send({
      to,
      subject,
      messageId: messageIdOf(out.deliveryId, out.reference, domain),
      ...(parent ? { inReplyTo: parent, references: [parent] } : {}),
      headers: { 'X-Snapdesk-Reference': out.reference },
      text: toPlainText(sections),
      html: String(page(subject, sections, locale)),
      attachments: files,
    });
  };
}
