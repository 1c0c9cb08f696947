import { connector } from '../plugin.ts';
import { webhookEnv } from './config.ts';
import { webhookEvents } from './events.ts';
import { webhookConnector } from './send.ts';

/** Reports as signed JSON (Standard Webhooks) to any receiver. */
export const webhook = connector({
  name: 'webhook',
  env: webhookEnv,
  together: [
    {
      needed: ['SNAPDESK_FORWARD_WEBHOOK_URL', 'SNAPDESK_FORWARD_WEBHOOK_SECRET'],
      when: ['SNAPDESK_FORWARD_WEBHOOK_URL', 'SNAPDESK_FORWARD_WEBHOOK_SECRET'],
    },
  ],
  settings: (e) =>
    e.SNAPDESK_FORWARD_WEBHOOK_URL && e.SNAPDESK_FORWARD_WEBHOOK_SECRET
      ? { url: e.SNAPDESK_FORWARD_WEBHOOK_URL, secret: e.SNAPDESK_FORWARD_WEBHOOK_SECRET }
      : undefined,
  sender: (cfg, deps) => webhookConnector(cfg, deps.attachmentUrl, deps.helpdeskLocale),
  requestEvents: (cfg) => webhookEvents(cfg),
});
