import type { WebhookChannel } from '../domain/channels.ts';
import { DomainError, Gone, Invalid } from '../domain/errors.ts';
import type { Store } from '../platform/db.ts';
import type { SubscriptionConfig } from './config.ts';
import type { SubscribeRequest } from './input.ts';
import { checkScope, createWebhook, loadSubscription, requestEmail, type SubscriptionView } from './store.ts';
import { TargetPolicy } from './targets.ts';
import { SubscriptionLinks } from './tokens.ts';
import { isSlackIncomingWebhook, targetHost, webhookKey } from './webhook-url.ts';

interface WebhookAdded {
  channel: WebhookChannel;
  id: string;
  url: string;
  secret: string;
  manageUrl: string;
  unsubscribeUrl: string;
  state: 'active' | 'pending';
  /** The language of its messages (Slack's text, the JSON's status description). */
  locale: string;
  /** While pending: until when its receiver may prove control, and what it has to do. */
  verification?: { expiresAt: string; message: string };
}
type Subscribed = { channel: 'email'; email: string; locale: string } | WebhookAdded;

/** The API's answer to a new webhook: the only time its signing secret is shown. */
export const webhookAnswer = (w: WebhookAdded) => ({
  subscription: { id: w.id, channel: w.channel, url: w.url, state: w.state, locale: w.locale },
  secret: w.secret,
  manage_url: w.manageUrl,
  unsubscribe_url: w.unsubscribeUrl,
  ...(w.verification
    ? {
        verification: { type: 'subscription.verify', expires_at: w.verification.expiresAt },
        message: w.verification.message,
      }
    : {}),
});

/**
 * What the public routes and the admin API do with subscriptions, independent of how the request
 * came (form, JSON): subscribing, and finding the subscription a link names.
 */
export function subscriptionService(deps: {
  store: Store;
  publicUrl: string;
  /** The language of a subscription made without one (an admin's, say): the page's default. */
  defaultLocale: string;
  settings: SubscriptionConfig;
  /** Wakes the delivery worker, so a confirmation mail leaves at once. */
  onQueued?: () => void;
}) {
  const { store, settings } = deps;
  const { db } = store;
  const policy = new TargetPolicy(settings.webhookAllowPrivate);
  let loaded: Promise<SubscriptionLinks> | undefined;
  const links = () => {
    // Read once; a failed read is forgotten so the next request tries again.
    loaded ??= SubscriptionLinks.load(db, deps.publicUrl).catch((err) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };

  /**
   * A webhook, after its scope and its target's address are checked. `trusted` (an admin adding a
   * receiver) makes it active at once. Otherwise anyone may have typed the URL, so it must not
   * become a way to aim our notices at somebody else: it waits, pending, until its receiver answers
   * the verification request with the challenge or someone follows the link in it (a Slack
   * incoming-webhook URL is proof enough by itself). It is refused when a subscription already
   * posts to the same endpoint, or when its host already has `webhooksPerHost` of them. Its
   * language is the one asked for, else the page's default.
   */
  async function addWebhook(
    input: SubscribeRequest & { webhook_url: string },
    o: { trusted: boolean },
  ): Promise<WebhookAdded> {
    await checkScope(db, input);
    const url = new URL(input.webhook_url);
    const refused = await policy.check(url);
    if (refused) throw new Invalid([{ path: 'webhook_url', message: refused }]);
    const channel = input.format === 'slack' ? 'slack' : 'webhook';
    const slack = isSlackIncomingWebhook(url);
    const locale = input.locale ?? deps.defaultLocale;
    const added = await createWebhook(store, {
      url: input.webhook_url,
      format: channel === 'slack' ? 'slack' : 'standard',
      scope: input,
      locale,
      public: o.trusted
        ? undefined
        : {
            key: webhookKey(url),
            verify: !slack,
            // Every Slack webhook posts to hooks.slack.com, each into its owner's own workspace.
            host: slack ? null : targetHost(url),
            perHost: settings.webhooksPerHost,
          },
    });
    if (added.state === 'pending') deps.onQueued?.();
    const l = await links();
    return {
      channel,
      id: added.id,
      url: input.webhook_url,
      secret: added.secret,
      manageUrl: l.manageUrl(added.id),
      unsubscribeUrl: l.unsubscribeUrl(added.id),
      state: added.state,
      locale,
      verification: added.expiresAt
        ? {
            expiresAt: added.expiresAt,
            message:
              channel === 'slack'
                ? `a message with a confirmation link is being posted to ${input.webhook_url}; notices follow once someone there opens the link and confirms, before ${added.expiresAt}`
                : `a signed verification request (subscription.verify) is being posted to ${input.webhook_url}; notices follow once the receiver answers it with its challenge, or someone follows its confirm_url, before ${added.expiresAt}`,
          }
        : undefined,
    };
  }

  /**
   * A request from the public form or API. Its language is the one it names, which the routes make
   * the language of the page subscribed from when it names none.
   */
  async function subscribe(input: SubscribeRequest): Promise<Subscribed> {
    if (input.webhook_url !== undefined) {
      return addWebhook({ ...input, webhook_url: input.webhook_url }, { trusted: false });
    }
    const email = input.email as string;
    const locale = input.locale ?? deps.defaultLocale;
    await checkScope(db, input);
    await requestEmail(store, email, { ...input, locale }, settings.mailsPerAddressHour);
    deps.onQueued?.();
    return { channel: 'email', email, locale };
  }

  /** The pending subscription a confirmation link names, if the link is genuine, unused and fresh. */
  async function byConfirmLink(token: string): Promise<{ sub: SubscriptionView; nonce: string }> {
    const l = await links();
    const t = l.parse(token);
    const sub = t && (await loadSubscription(db, t.id));
    if (!t || !sub) {
      throw new DomainError(
        'not_found',
        'invalid_link',
        'this confirmation link is not valid: it may be mistyped, cut short, or its subscription was removed',
      );
    }
    // Using a link clears the nonce it signed, so a used link can no longer be told from a forged one.
    if (!sub.confirm_nonce) throw new Gone('link_used', 'this confirmation link was already used');
    if (!l.isConfirm(t, sub.confirm_nonce)) {
      throw new DomainError('not_found', 'invalid_link', 'this confirmation link is not valid');
    }
    if (Date.parse(sub.confirm_expires_at ?? '') <= Date.now()) {
      throw new Gone('link_expired', 'this confirmation link has expired; subscribe again to get a new one');
    }
    return { sub, nonce: sub.confirm_nonce };
  }

  /** The subscription a manage or unsubscribe link names; a link of one never opens another. */
  async function byManageLink(token: string): Promise<SubscriptionView> {
    const l = await links();
    const t = l.parse(token);
    if (!t || !l.isManage(t)) {
      throw new DomainError(
        'not_found',
        'invalid_link',
        'this link is not valid: it may be mistyped or cut short',
      );
    }
    const sub = await loadSubscription(db, t.id);
    if (!sub) throw new Gone('unsubscribed', 'this subscription no longer exists: it was unsubscribed');
    return sub;
  }

  return { links, subscribe, addWebhook, byConfirmLink, byManageLink };
}
