import type { Translator } from '../../../../shared/i18n/index.ts';
import type { Config } from '../../../config.ts';
import type { NoticeContent } from '../../content.ts';
import type { VerifyRequest } from '../plugin.ts';

/** Slack's mrkdwn reads &, < and > as markup; these three are all it asks to escape. */
const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Slack refuses a section text longer than 3000 characters. */
const SECTION_MAX = 3000;

/**
 * Slack's incoming-webhook message: `text` for notifications and for Mattermost, `blocks` for
 * Slack's own layout, in the subscriber's language (people read it). Links are Slack's `<url|label>` form.
 */
export function slackPayload(c: NoticeContent): string {
  const { t } = c;
  const title = `*<${c.url}|${escapeSlack(c.subject)}>*`;
  const body = escapeSlack(c.body);
  const section = `${title}\n${body}`.slice(0, SECTION_MAX);
  const footer = [
    c.components.length ? escapeSlack(t('notice.affected', { components: c.components.join(', ') })) : '',
    `<${c.unsubscribeLink}|${escapeSlack(t('notice.unsubscribe'))}>`,
  ].filter(Boolean);
  return JSON.stringify({
    text: `${escapeSlack(c.subject)}\n${body}\n${c.url}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: section } },
      { type: 'context', elements: footer.map((text) => ({ type: 'mrkdwn', text })) },
    ],
  });
}

/**
 * The same for a Slack-format webhook (Mattermost and other chat systems that read Slack's
 * messages): they cannot answer a challenge, so the message shows the confirmation link to the
 * channel, where only its members can follow it. `t` speaks the subscription's language.
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
