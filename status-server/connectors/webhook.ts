import { signedPost } from '../http/signed-post.ts';
import { safeFileName } from '../reports/names.ts';
import type { WebhookConfig } from './config.ts';
import type { Deliver, OutgoingReport } from './outgoing.ts';

/** A receiver should answer at once and work afterwards; ten seconds is Standard Webhooks' usual limit. */
const TIMEOUT_MS = 10_000;

/** Builds the link to one image; the link carries its own signature, so the receiver needs no login. */
export type AttachmentUrl = (reference: string, position: number) => string;

/**
 * Posts the report as JSON with `signedPost` (Standard Webhooks), so any of that specification's
 * libraries can verify it. Images are links, not inline bytes, to keep the request small.
 */
export function webhookConnector(cfg: WebhookConfig, attachmentUrl: AttachmentUrl): Deliver {
  return async (out) => {
    await signedPost({
      url: cfg.url,
      secret: cfg.secret,
      // The job's id: a retry is the same message, which the receiver may recognise and skip.
      id: out.deliveryId,
      body: JSON.stringify(payload(out, attachmentUrl)),
      timeoutMs: TIMEOUT_MS,
    });
    return {};
  };
}

/** The event envelope Standard Webhooks recommends: `type`, `timestamp` of the event, and `data`. */
function payload(out: OutgoingReport, attachmentUrl: AttachmentUrl) {
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
