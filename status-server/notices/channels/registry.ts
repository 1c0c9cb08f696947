import type { SubscriptionChannel } from '../../domain/channels.ts';
import { email } from './email/index.ts';
import type { NoticeChannel } from './plugin.ts';
import { slack } from './slack/index.ts';
import { webhook } from './webhook/index.ts';

/**
 * The subscriber channels by name. A new channel is a folder beside these (payload, `index.ts`), its
 * name in `domain/channels.ts`, and one line here, which the type below insists on.
 */
export const channels: { [C in SubscriptionChannel]: NoticeChannel<C> } = { email, webhook, slack };
