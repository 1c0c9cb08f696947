import { signedPost } from '../../platform/http/signed-post.ts';
import type { DeliverRequestEvent, OutgoingRequestEvent } from '../outgoing.ts';
import type { WebhookConfig } from './config.ts';

/** A receiver should answer at once and work afterwards; ten seconds is Standard Webhooks' usual limit. */
const TIMEOUT_MS = 10_000;

const types = {
  answer: 'request.answered',
  confirm: 'request.confirmed',
  reopen: 'request.reopened',
} as const;

/**
 * A reporter's move in the Standard Webhooks envelope, like `report.received`: the reference and the
 * help desk's own ticket id if forwarding learnt one, the answer's text or the reason for reopening
 * (null for a confirmation) as the reporter wrote it, and the answer's images as signed links to this
 * server (no login, unguessable, never expiring) rather than inline: an image may be megabytes, and
 * a receiver fetches only what it keeps.
 */
export function eventPayload(out: OutgoingRequestEvent) {
  return {
    type: types[out.event.kind],
    timestamp: out.event.at,
    data: {
      reference: out.reference,
      external_ref: out.externalRef,
      event_id: out.event.id,
      at: out.event.at,
      text: out.event.body,
      attachments: out.files.map((f) => ({
        name: f.name,
        content_type: f.content_type,
        size: f.size,
        url: f.url,
      })),
    },
  };
}

/** Posts the move signed with the connector's secret; a retry is the same message (`webhook-id`). */
export function webhookEvents(cfg: WebhookConfig): DeliverRequestEvent {
  return async (out) => {
    await signedPost({
      url: cfg.url,
      secret: cfg.secret,
      id: out.deliveryId,
      body: JSON.stringify(eventPayload(out)),
      timeoutMs: TIMEOUT_MS,
    });
  };
}
