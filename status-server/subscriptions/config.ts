import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * `10.0.0.5,192.168.0.0/16,fd00::/8`: the private addresses webhooks may still be sent to. Empty by
 * default, so a subscriber cannot make the server call into the network it runs in.
 */
const networks = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const list = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const item of list) {
      const [address = '', prefix, ...rest] = item.split('/');
      const family = isIP(address);
      const bits = family === 6 ? 128 : 32;
      const okPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
      if (!family || !okPrefix || rest.length) {
        ctx.addIssue({
          code: 'custom',
          message: `${item} is not an IP address or CIDR range such as 10.0.0.0/8`,
        });
        return z.NEVER;
      }
    }
    return list;
  });

/** The subscription variables; merged into the server's environment schema. */
export const subscriptionEnv = z.object({
  SNAPDESK_WEBHOOK_ALLOW_PRIVATE: networks,
  SNAPDESK_SUBSCRIBE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  SNAPDESK_SUBSCRIBE_MAILS_PER_HOUR: z.coerce.number().int().min(1).max(100).default(3),
  SNAPDESK_WEBHOOKS_PER_HOST: z.coerce.number().int().min(1).max(100_000).default(20),
});

export interface SubscriptionConfig {
  /** Private addresses and ranges webhook targets may resolve to (loopback, RFC 1918 …). */
  webhookAllowPrivate: string[];
  /** Subscribe requests one client address may make a minute (half of it at once). */
  subscribePerMinute: number;
  /** Confirmation and reminder mails one e-mail address may be sent an hour. */
  mailsPerAddressHour: number;
  /**
   * Webhook subscriptions from the public form, verified or waiting, that may point at one host:
   * however the URLs differ, nobody can aim many at somebody else's server.
   */
  webhooksPerHost: number;
}

export function subscriptionSettings(e: z.infer<typeof subscriptionEnv>): SubscriptionConfig {
  return {
    webhookAllowPrivate: e.SNAPDESK_WEBHOOK_ALLOW_PRIVATE,
    subscribePerMinute: e.SNAPDESK_SUBSCRIBE_PER_MINUTE,
    mailsPerAddressHour: e.SNAPDESK_SUBSCRIBE_MAILS_PER_HOUR,
    webhooksPerHost: e.SNAPDESK_WEBHOOKS_PER_HOST,
  };
}
