import { createTranslator } from '../../../shared/i18n/index.ts';
import { safeFileName } from '../../domain/file-names.ts';
import type { AttachmentUrl, OutgoingReport } from '../outgoing.ts';
import { captureLabel, summarise, toPlainText } from '../summary.ts';

/**
 * The event envelope Standard Webhooks recommends: `type`, `timestamp` of the event, and `data`.
 * Its fields are for machines: the reporter's words as written and the enums as they are
 * (`type: "bug"`, `priority: "high"`). For a receiver that shows the report to people as it is (a
 * chat channel, a ticket body), `summary` is the outline the e-mail and Redmine connectors send, its
 * labels in the help desk's language (`summary.locale`).
 */
export function payload(out: OutgoingReport, attachmentUrl: AttachmentUrl, locale: string) {
  const { row, report: r, attachments } = out.stored;
  const t = createTranslator(locale);
  return {
    type: 'report.received',
    timestamp: row.received_at,
    data: {
      reference: row.reference,
      received_at: row.received_at,
      captured_at: row.captured_at,
      type: r.type,
      title: r.title,
      priority: r.priority,
      description: r.description,
      steps: r.steps,
      expected: r.expected,
      actual: r.actual,
      before: r.before,
      impact: r.impact,
      examples_working: r.examples_working,
      examples_failing: r.examples_failing,
      tried: r.tried,
      account: r.account,
      share_with: r.share_with,
      country: r.country,
      contact_email: r.contact_email,
      environment: r.environment,
      console: r.console,
      incident: out.incident,
      attachments: attachments.map((a) => ({
        name: safeFileName(a.name, a.content_type),
        kind: a.kind,
        method: a.method ?? undefined,
        truncated: a.truncated === 1,
        // A part of a whole page cut for its height, in page order: { index: 2, count: 3 }.
        ...(a.page_part ? { page_part: a.page_part } : {}),
        label: captureLabel(a, t),
        content_type: a.content_type,
        size: a.size,
        width: a.width,
        height: a.height,
        url: attachmentUrl(row.reference, a.position),
      })),
      summary: { locale, text: toPlainText(summarise(out, locale)) },
    },
  };
}
