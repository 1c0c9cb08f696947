import type { NoticeChannel } from '../plugin.ts';
import { postNotice } from '../post.ts';
import { slackPayload, slackVerifyPayload } from './payload.ts';

/** Notices as Slack incoming-webhook messages (Mattermost and other chat systems read them too). */
export const slack: NoticeChannel<'slack'> = {
  name: 'slack',
  componentChanges: true,
  prepare(content, deps) {
    const body = slackPayload(content);
    return (to) => postNotice(to, body, deps.policy);
  },
  verification: slackVerifyPayload,
};
