import { signedPost } from '../../platform/http/signed-post.ts';
import type { AttachmentUrl, Deliver } from '../outgoing.ts';
import type { WebhookConfig } from './config.ts';
import { payload } from './payload.ts';

/** A receiver should answer at once and work afterwards; ten seconds is Standard Webhooks' usual limit. */
const TIMEOUT_MS = 10_000;

/**
 * Posts the report as JSON with `signedPost` (Standard Webhooks), so any of that specification's
 * libraries can verify it. Images are links, not inline bytes, to keep the request small.
 */
export function webhookConnector(cfg: WebhookConfig, attachmentUrl: AttachmentUrl, locale: string): Deliver {
  return async (out) => {
    await signedPost({
      url: cfg.url,
      secret: cfg.secret,
      // The job's id: a retry is the same message, which the receiver may recognise and skip.
      id: out.deliveryId,
      body: JSON.stringify(payload(out, attachmentUrl, locale)),
      timeoutMs: TIMEOUT_MS,
    });
    return {};
  };
}
