import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

interface HookDelivery {
  path: string;
  /** The `webhook-id` header: the same for every retry of one message. */
  id: string;
  headers: Record<string, string>;
  body: string;
  /** The payload as the Standard Webhooks verifier returned it; undefined when it did not verify. */
  verified: unknown;
  status: number;
  /** A verification request: `subscription.verify`, or a Slack-format message with a confirmation link. */
  verification: boolean;
}

/**
 * How a receiver answers a `subscription.verify` request: with the challenge as its body (`echo`)
 * or as JSON (`json`), with an empty 204 like a receiver that does not know the convention
 * (`ignore`), or by sending the request's own body back (`reflect`).
 */
export type VerifyAnswer = 'echo' | 'json' | 'ignore' | 'reflect';

/**
 * A webhook receiver on 127.0.0.1 that checks each request the way a subscriber or a help desk
 * would: with the Standard Webhooks library and the secret given for the request's path, or else
 * `options.secret` (401 when the signature does not verify).
 * `state.answers` are statuses for the next verified requests to a path instead of 204, `answers`
 * the same for any path after those: a receiver in trouble.
 * `state.verify` says how a path answers verification requests; by default it echoes the challenge.
 * `options.port` brings a receiver up on a port chosen before (by default a free one).
 */
export async function startHookReceiver(options: { secret?: string; port?: number } = {}) {
  const deliveries: HookDelivery[] = [];
  const answers: number[] = [];
  const state = {
    secrets: new Map<string, string>(),
    answers: new Map<string, number[]>(),
    verify: new Map<string, VerifyAnswer>(),
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const path = req.url ?? '/';
    let verified: unknown;
    try {
      verified = new Webhook(state.secrets.get(path) ?? options.secret ?? '').verify(body, headers);
    } catch {
      verified = undefined;
    }
    let status = verified === undefined ? 401 : (state.answers.get(path)?.shift() ?? answers.shift() ?? 204);
    let answer = status < 300 ? '' : `refused with ${status}`;
    let type = 'text/plain';
    const challenge = (verified as { type?: string; data?: { challenge?: string } } | undefined)?.data
      ?.challenge;
    const how = state.verify.get(path) ?? 'echo';
    if (status < 300 && challenge !== undefined && how !== 'ignore') {
      status = 200;
      answer = how === 'echo' ? challenge : how === 'json' ? JSON.stringify({ challenge }) : body;
      if (how !== 'echo') type = 'application/json';
    }
    const verification = challenge !== undefined || body.includes('/subscriptions/confirm/');
    const id = headers['webhook-id'] ?? '';
    deliveries.push({ path, id, headers, body, verified, status, verification });
    res.writeHead(status, { 'content-type': type }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    deliveries,
    answers,
    state,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type HookReceiver = Awaited<ReturnType<typeof startHookReceiver>>;
