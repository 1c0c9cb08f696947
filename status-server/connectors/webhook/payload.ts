import { safeFileName } from '../../domain/file-names.ts';
import type { AttachmentUrl, OutgoingReport } from '../outgoing.ts';

/** The event envelope Standard Webhooks recommends: `type`, `timestamp` of the event, and `data`. */
export function payload(out: OutgoingReport, attachmentUrl: AttachmentUrl) {
  const { row, report: r, attachments } = out.stored;
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
        content_type: a.content_type,
        size: a.size,
        width: a.width,
        height: a.height,
        url: attachmentUrl(row.reference, a.position),
      })),
    },
  };
}
