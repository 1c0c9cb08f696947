import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Webhook } from 'standardwebhooks';
import { helpdeskCallback } from '../../shared/schemas/helpdesk.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { jsonTooLarge, MAX_JSON_BODY, parseJson } from '../platform/http/body.ts';
import { ApiFailure } from '../platform/http/errors.ts';
import { applyCallback } from '../requests/callback.ts';

/**
 * The help desk's signed callback, `POST /api/helpdesk/events`: a ticket's change of state or a
 * comment for the customer, signed per Standard Webhooks with the webhook connector's secret. It
 * exists only while that connector is configured.
 */
export function helpdeskRoutes(deps: { store: Store; config: Config }) {
  const secret = deps.config.forwarding.webhook?.secret;
  const requests = { db: deps.store.db, config: deps.config };
  const app = new Hono();
  if (!secret) return app;
  const webhook = new Webhook(secret);

  return app.post(
    '/helpdesk/events',
    bodyLimit({
      maxSize: MAX_JSON_BODY,
      onError: () => {
        throw jsonTooLarge();
      },
    }),
    async (c) => {
      const body = await c.req.text();
      const headers = {
        'webhook-id': c.req.header('webhook-id') ?? '',
        'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
        'webhook-signature': c.req.header('webhook-signature') ?? '',
      };
      try {
        // Checks the signature over id, timestamp and body, and that the timestamp is within 5 minutes.
        webhook.verify(body, headers, { jsonParse: false });
      } catch (err) {
        const message = (err as Error).message;
        throw /timestamp too (old|new)/i.test(message)
          ? new ApiFailure(401, 'stale_timestamp', 'webhook-timestamp is more than 5 minutes from our clock')
          : new ApiFailure(
              401,
              'invalid_signature',
              'the webhook-id, webhook-timestamp and webhook-signature headers do not verify with the secret',
            );
      }
      await applyCallback(requests, headers['webhook-id'], body, parseJson(body, helpdeskCallback));
      return c.body(null, 204);
    },
  );
}
