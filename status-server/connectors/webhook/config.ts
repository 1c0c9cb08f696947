import { z } from 'zod';
import { httpUrl, unset } from '../plugin.ts';

export interface WebhookConfig {
  url: string;
  /** A Standard Webhooks secret, `whsec_<base64>`. */
  secret: string;
}

/** The 24–64 random bytes the Standard Webhooks specification asks of a secret. */
const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by base64')
  .refine((s) => {
    const bytes = Buffer.from(s.slice('whsec_'.length), 'base64').length;
    return bytes >= 24 && bytes <= 64;
  }, 'must hold 24 to 64 bytes of key');

export const webhookEnv = z.object({
  SNAPDESK_FORWARD_WEBHOOK_URL: unset(httpUrl),
  SNAPDESK_FORWARD_WEBHOOK_SECRET: unset(webhookSecret),
});
