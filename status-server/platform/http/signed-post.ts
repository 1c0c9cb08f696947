import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { endpoint, refusal } from './outbound.ts';

/** Of the receiver's answer only the start is kept: for the error shown to an admin, or a challenge. */
const ANSWER_BYTES = 2_000;

export interface SignedRequest {
  url: string;
  /** A Standard Webhooks secret, `whsec_<base64>`. */
  secret: string;
  /** The message's `webhook-id`: the delivery's own, so a retry is the same message. */
  id: string;
  /** The JSON text, signed exactly as sent. */
  body: string;
  /** The deadline for the whole exchange, the answer's body included. */
  timeoutMs: number;
  /** Headers besides the content type and the three signature headers, e.g. a user agent. */
  headers?: Record<string, string>;
  /**
   * Resolves the host at connection time, so a target policy judges the address actually connected
   * to (a name checked beforehand could resolve elsewhere a moment later).
   */
  lookup?: LookupFunction;
}

/**
 * Every webhook the server sends: a JSON POST signed per Standard Webhooks (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`), so any of that specification's libraries can verify it.
 * Node's own HTTP client is used rather than fetch, because its `lookup` hook lets the caller's
 * policy check the address connected to; redirects are not followed (a redirected POST would lose
 * its body). A network failure or the deadline is an error naming the endpoint; a refusal (not 2xx)
 * is one too, permanent when trying again cannot help (`refusal`). Answers the status and the start
 * of the body.
 */
export async function signedPost(r: SignedRequest): Promise<{ status: number; body: string }> {
  const url = new URL(r.url);
  const now = new Date();
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(r.body)),
    ...r.headers,
    'webhook-id': r.id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(r.secret).sign(r.id, now, r.body),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const failed = (why: string) => new Error(`POST ${endpoint(r.url)} failed: ${why}`);
  let deadline: NodeJS.Timeout | undefined;
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, ...(r.lookup ? { lookup: r.lookup } : {}) }, (res) =>
      readAnswer(res).then((body) => resolve({ status: res.statusCode ?? 0, body }), reject),
    );
    deadline = setTimeout(() => {
      reject(failed(`no answer within ${r.timeoutMs / 1000} s`));
      req.destroy();
    }, r.timeoutMs);
    req.on('error', (err) => reject(failed(err.message)));
    req.end(r.body);
  }).finally(() => clearTimeout(deadline));
  if (status < 200 || status > 299) {
    const said = body.replace(/\s+/g, ' ').trim().slice(0, 200);
    throw refusal(status, `webhook ${endpoint(r.url)} answered ${status}${said ? `: ${said}` : ''}`);
  }
  return { status, body };
}

async function readAnswer(res: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of res) {
    if (text.length < ANSWER_BYTES) text += String(chunk);
  }
  return text.slice(0, ANSWER_BYTES);
}
