import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';
import { linkToken, parseLinkToken, serverKey, sign, verify } from '../reports/keys.ts';

interface LinkToken {
  id: string;
  signature: string;
}

/** A fresh single-use value for a confirmation link; stored with the pending subscription. */
export const newNonce = () => randomBytes(18).toString('base64url');

/**
 * The links in subscription mails and webhook payloads. Each is an HMAC of the subscription's id
 * under a key only the server holds, so it cannot be guessed, and cannot be turned into another
 * subscriber's link by changing the id. A confirmation link also signs the row's nonce, which is
 * cleared when used: the link then stops working.
 */
export class SubscriptionLinks {
  private constructor(
    private readonly key: Buffer,
    private readonly publicUrl: string,
  ) {}

  static async load(db: Kysely<Database>, publicUrl: string): Promise<SubscriptionLinks> {
    return new SubscriptionLinks(await serverKey(db, 'subscription-links'), publicUrl);
  }

  manageToken(id: string): string {
    return linkToken(this.key, 'manage', id);
  }

  confirmUrl(id: string, nonce: string): string {
    return `${this.publicUrl}/subscriptions/confirm/${id}.${sign(this.key, 'confirm', id, nonce)}`;
  }

  manageUrl(id: string): string {
    return `${this.publicUrl}/subscriptions/manage/${this.manageToken(id)}`;
  }

  /** The RFC 8058 one-click address: a POST there unsubscribes, with no login or cookie. */
  unsubscribeUrl(id: string): string {
    return `${this.publicUrl}/subscriptions/unsubscribe/${this.manageToken(id)}`;
  }

  /** Reads a token's parts; undefined when it is not of the form any link of ours has. */
  parse(token: string): LinkToken | undefined {
    return parseLinkToken(token);
  }

  isManage(t: LinkToken): boolean {
    return verify(this.key, t.signature, 'manage', t.id);
  }

  isConfirm(t: LinkToken, nonce: string): boolean {
    return verify(this.key, t.signature, 'confirm', t.id, nonce);
  }
}
