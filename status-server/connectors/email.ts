import type { Mailer } from '../mail/transport.ts';
import { safeFileName } from '../reports/names.ts';
import { type Html, html } from '../views/markup.ts';
import type { Deliver } from './outgoing.ts';
import { oneLine, type Row, type Section, summarise, toPlainText } from './summary.ts';

/**
 * Forwards reports as e-mail to the help desk's intake address: every help desk turns mail into
 * tickets. Replies go to the reporter when they left an address. The server's one mailer sends it,
 * so its refusals (5xx) arrive as `PermanentError` and everything else is retried.
 */
export function emailConnector(mailer: Mailer, to: string[], publicUrl: string): Deliver {
  const domain = new URL(publicUrl).hostname;

  return async (out) => {
    const { row, report, attachments } = out.stored;
    const sections = summarise(out);
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
      messageId: `<${out.deliveryId}.${row.reference.toLowerCase()}@${domain}>`,
      headers: { 'X-Snapdesk-Reference': row.reference },
      text: toPlainText(sections),
      html: String(page(title, sections)),
      attachments: files,
    });
    return {};
  };
}

function page(title: string, sections: Section[]): Html {
  return html`<!doctype html>
<html>
<head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 14px; line-height: 1.4">
<h1 style="font-size: 18px">${title}</h1>
${sections.map(section)}
</body>
</html>`;
}

function section(s: Section): Html {
  const heading = html`<h2 style="font-size: 15px; margin: 18px 0 6px">${s.heading}</h2>`;
  if (s.kind === 'rows') {
    return html`${heading}<table cellpadding="3" style="border-collapse: collapse">${s.rows.map(
      (r) =>
        html`<tr><th align="left" valign="top" style="padding-right: 12px">${r.label}</th><td>${value(r)}</td></tr>`,
    )}</table>`;
  }
  if (s.kind === 'text') return html`${heading}<p style="white-space: pre-wrap; margin: 0">${s.text}</p>`;
  return html`${heading}<ul style="margin: 0">${s.items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

/** Only http(s) links become anchors: a `javascript:` URL stays inert text. */
function value(r: Row): Html | string {
  return r.link && /^https?:\/\//i.test(r.value) ? html`<a href="${r.value}">${r.value}</a>` : r.value;
}
