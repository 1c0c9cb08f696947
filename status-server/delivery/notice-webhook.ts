import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { endpoint, refusal } from '../connectors/http.ts';
import { PermanentError } from '../jobs/handler.ts';
import type { TargetPolicy } from '../subscriptions/targets.ts';

/** A receiver should answer at once and work afterwards; ten seconds is Standard Webhooks' usual limit. */
const TIMEOUT_MS = 10_000;
/** Of the receiver's answer only the start is kept, for the error shown to an admin. */
const ANSWER_BYTES = 2_000;

/**
 * Posts one notice (or verification request), signed per Standard Webhooks (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`). The id is the delivery's: a retry is the same message,
 * which a receiver may recognise and skip. Node's own HTTP client is used rather than fetch,
 * because its `lookup` hook lets the target policy check the address actually connected to;
 * redirects are not followed. Answers the start of a 2xx answer's body.
 */
export async function postWebhook(
  target: { url: string; secret: string },
  body: string,
  messageId: string,
  policy: TargetPolicy,
): Promise<string> {
  const url = new URL(target.url);
  const refused = await policy.check(url);
  if (refused) throw new PermanentError(`webhook ${endpoint(target.url)} refused: ${refused}`);
  const now = new Date();
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'Snapdesk-Notices/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(target.secret).sign(messageId, now, body),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const { status, answer } = await new Promise<{ status: number; answer: string }>((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, lookup: policy.lookup, timeout: TIMEOUT_MS }, (res) =>
      readAnswer(res).then((answer) => resolve({ status: res.statusCode ?? 0, answer }), reject),
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (err) => reject(new Error(`POST ${endpoint(target.url)} failed: ${err.message}`)));
    req.end(body);
  });
  if (status < 200 || status > 299) {
    const said = answer.replace(/\s+/g, ' ').trim().slice(0, 200);
    throw refusal(status, `webhook ${endpoint(target.url)} answered ${status}${said ? `: ${said}` : ''}`);
  }
  return answer;
}

async function readAnswer(res: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of res) {
    if (text.length < ANSWER_BYTES) text += String(chunk);
  }
  return text.slice(0, ANSWER_BYTES);
}
