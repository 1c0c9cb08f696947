import { endpoint } from '../../platform/http/outbound.ts';
import { signedPost } from '../../platform/http/signed-post.ts';
import { PermanentError } from '../../platform/jobs/handler.ts';
import type { TargetPolicy } from '../../subscriptions/targets.ts';
import type { Recipient } from './plugin.ts';

/** A receiver should answer at once and work afterwards; ten seconds is Standard Webhooks' usual limit. */
const TIMEOUT_MS = 10_000;

/**
 * Posts one notice (or verification request) to a subscriber's webhook with `signedPost`. The id is
 * the delivery's: a retry is the same message, which a receiver may recognise and skip. The target
 * policy judges the URL first and then, through `lookup`, every address actually connected to.
 * Answers the start of a 2xx answer's body.
 */
export async function postWebhook(
  target: { url: string; secret: string },
  body: string,
  messageId: string,
  policy: TargetPolicy,
): Promise<string> {
  const refused = await policy.check(new URL(target.url));
  if (refused) throw new PermanentError(`webhook ${endpoint(target.url)} refused: ${refused}`);
  const answer = await signedPost({
    url: target.url,
    secret: target.secret,
    id: messageId,
    body,
    timeoutMs: TIMEOUT_MS,
    headers: { 'user-agent': 'Snapdesk-Notices/1' },
    lookup: policy.lookup,
  });
  return answer.body;
}

/**
 * One notice to one webhook subscriber: signed with the subscription's secret, its message id made
 * from the delivery's, so a retry is the same message.
 */
export async function postNotice(to: Recipient, body: string, policy: TargetPolicy): Promise<void> {
  if (!to.sub.secret) throw new PermanentError(`webhook subscription ${to.sub.id} has no signing secret`);
  await postWebhook(
    { url: to.sub.address, secret: to.sub.secret },
    to.fill(body),
    `msg_${to.jobId.replace(':', '_')}`,
    policy,
  );
}
