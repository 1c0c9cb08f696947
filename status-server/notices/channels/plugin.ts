import type { Translator } from '../../../shared/i18n/index.ts';
import type { Config } from '../../config.ts';
import type { SubscriptionChannel } from '../../domain/channels.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { SubscriptionRow } from '../../subscriptions/store.ts';
import type { TargetPolicy } from '../../subscriptions/targets.ts';
import type { NoticeContent } from '../content.ts';

/** What a channel's sender may use, the same for every notice. */
export interface ChannelDeps {
  config: Config;
  mailer: Mailer;
  /** The rules for the addresses a subscriber's webhook may reach. */
  policy: TargetPolicy;
  /** The public URL's host: the domain of Message-IDs. */
  domain: string;
}

/** One subscriber's copy of a notice. */
export interface Recipient {
  /** The delivery job's id, `<notice>:<subscription>`: the same on every retry. */
  jobId: string;
  sub: SubscriptionRow;
  /** The one-click unsubscribe address (List-Unsubscribe), opening in the language of this copy. */
  unsubscribeUrl: string;
  /** Puts this subscriber's own links in place of the stand-ins of the rendered text. */
  fill(text: string): string;
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
 * One way of reaching subscribers, a folder of one shape: its payload and its sender, listed in
 * `registry.ts`. Adding a channel is adding such a folder, its name in `domain/channels.ts` and its
 * line in the registry.
 */
export interface NoticeChannel<Name extends SubscriptionChannel = SubscriptionChannel> {
  name: Name;
  /** Whether component changes reach it too: machine events are for webhooks, not people's inboxes. */
  componentChanges: boolean;
  /**
   * Renders one notice once for all of the channel's subscribers who read its language (their links
   * still stand-ins) and answers the sender of each one's copy.
   */
  prepare(content: NoticeContent, deps: ChannelDeps): (to: Recipient) => Promise<void>;
  /**
   * The body of the signed request asking a new public subscription's receiver to prove it wants
   * our notices; none for a channel that confirms otherwise (e-mail has its confirmation mail).
   */
  verification?(v: VerifyRequest, config: Config, t: Translator): string;
}
