import { unsubscribeHeaders } from '../../../platform/mail.ts';
import type { NoticeChannel } from '../plugin.ts';
import { noticeHtml, noticeText } from './payload.ts';

/** Notices as mail to people who confirmed their address; component changes are not for them. */
export const email: NoticeChannel<'email'> = {
  name: 'email',
  componentChanges: false,
  prepare(content, { config, mailer, domain }) {
    const text = noticeText(content, config);
    const html = noticeHtml(content, config);
    return async ({ jobId, sub, unsubscribeUrl, fill }) => {
      await mailer.send({
        to: sub.address,
        subject: content.subject,
        text: fill(text),
        html: fill(html),
        // From the job's id: a retry carries the same Message-ID, so a receiver can drop a repeat.
        messageId: `<${jobId.replace(':', '.')}@${domain}>`,
        headers: unsubscribeHeaders(unsubscribeUrl),
      });
    };
  },
};
