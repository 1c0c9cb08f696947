import type { Translator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import { type NoticeContent, UNSUBSCRIBE_LINK } from './notice-content.ts';

/**
 * The body the widely used status-page product posts to its webhook subscribers, so receivers
 * written for it read ours: `meta`, `page`, and either `incident` (the API v2 incident with its
 * updates up to this one) or `component_update` with the `component`.
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

/** Slack's mrkdwn reads &, < and > as markup; these three are all it asks to escape. */
const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Slack refuses a section text longer than 3000 characters. */
const SECTION_MAX = 3000;

/**
 * Slack's incoming-webhook message: `text` for notifications and for Mattermost, `blocks` for
 * Slack's own layout. Links are Slack's `<url|label>` form.
 */
export function slackPayload(c: NoticeContent): string {
  const { t } = c;
  const title = `*<${c.url}|${escapeSlack(c.subject)}>*`;
  const body = escapeSlack(c.body);
  const section = `${title}\n${body}`.slice(0, SECTION_MAX);
  const footer = [
    c.components.length ? escapeSlack(t('notice.affected', { components: c.components.join(', ') })) : '',
    `<${UNSUBSCRIBE_LINK}|${escapeSlack(t('notice.unsubscribe'))}>`,
  ].filter(Boolean);
  return JSON.stringify({
    text: `${escapeSlack(c.subject)}\n${body}\n${c.url}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: section } },
      { type: 'context', elements: footer.map((text) => ({ type: 'mrkdwn', text })) },
    ],
  });
}

/** What a verification request carries: the challenge to echo, and the link a person may follow. */
export interface VerifyRequest {
  challenge: string;
  confirmUrl: string;
  expiresAt: string;
  /** When the request was first made: a retry posts the very same body. */
  createdAt: string;
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

/**
 * The same for a Slack-format webhook (Mattermost and other chat systems that read Slack's
 * messages): they cannot answer a challenge, so the message shows the confirmation link to the
 * channel, where only its members can follow it.
 */
export function slackVerifyPayload(v: VerifyRequest, config: Config, t: Translator): string {
  const page = config.pageName;
  const subject = escapeSlack(t('mail.confirmSubject', { page }));
  const intro = escapeSlack(t('mail.confirmIntro', { page }));
  const action = escapeSlack(t('mail.confirmAction'));
  return JSON.stringify({
    text: `${subject}\n${intro}\n${v.confirmUrl}`,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${subject}*\n${intro}\n<${v.confirmUrl}|${action}>` },
      },
    ],
  });
}
