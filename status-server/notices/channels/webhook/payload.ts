import type { Config } from '../../../config.ts';
import { type NoticeContent, UNSUBSCRIBE_LINK } from '../../content.ts';
import type { VerifyRequest } from '../plugin.ts';

/**
 * The body the widely used status-page product posts to its webhook subscribers, so receivers
 * written for it read ours: `meta`, `page`, and either `incident` (the API v2 incident with its
 * updates up to this one) or `component_update` with the `component`. Its values are the API's
 * enums, as machines read them; its one sentence, `page.status_description`, is in the
 * subscriber's language.
 */
export function standardPayload(c: NoticeContent, config: Config): string {
  const status = c.v2.status();
  const common = {
    meta: { unsubscribe: UNSUBSCRIBE_LINK, documentation: `${config.publicUrl}/subscribe#webhooks` },
    page: { id: c.v2.page.id, status_indicator: status.indicator, status_description: status.description },
  };
  const { notice } = c;
  if (c.incident) {
    const incident =
      c.incident.kind === 'maintenance' ? c.v2.maintenance(c.incident) : c.v2.incident(c.incident);
    return JSON.stringify({ ...common, incident });
  }
  return JSON.stringify({
    ...common,
    component_update: {
      created_at: notice.created_at,
      new_status: notice.new_status,
      old_status: notice.old_status,
      id: notice.id,
      component_id: notice.component_id,
    },
    component: c.v2.componentList().find((x) => x.id === notice.component_id),
  });
}

/**
 * The `subscription.verify` request to a new public webhook, in Standard Webhooks' `type`,
 * `timestamp`, `data` shape. The receiver proves it wants our notices by answering 2xx with the
 * challenge (as the body, or as `{"challenge": …}`); one that cannot may have its owner open
 * `confirm_url`. The challenge is inside `data`, never at the top: an endpoint that merely echoes
 * what it is sent must not pass.
 */
export function verifyPayload(v: VerifyRequest, config: Config): string {
  return JSON.stringify({
    type: 'subscription.verify',
    timestamp: v.createdAt,
    data: {
      challenge: v.challenge,
      confirm_url: v.confirmUrl,
      expires_at: v.expiresAt,
      page: { name: config.pageName, url: config.publicUrl },
      documentation: `${config.publicUrl}/subscribe#webhooks`,
    },
  });
}
