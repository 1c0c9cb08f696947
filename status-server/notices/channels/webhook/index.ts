import type { NoticeChannel } from '../plugin.ts';
import { postNotice } from '../post.ts';
import { standardPayload, verifyPayload } from './payload.ts';

/** Notices as signed JSON in the shape receivers of the common status-page product read. */
export const webhook: NoticeChannel<'webhook'> = {
  name: 'webhook',
  componentChanges: true,
  prepare(content, deps) {
    const body = standardPayload(content, deps.config);
    return (to) => postNotice(to, body, deps.policy);
  },
  verification: (v, config) => verifyPayload(v, config),
};
