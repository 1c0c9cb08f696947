import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

interface HookDelivery {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The payload as the Standard Webhooks verifier returned it; undefined when it did not verify. */
  verified: unknown;
  status: number;
}

/**
 * A webhook receiver on 127.0.0.1 that checks each request the way a subscriber would: with the
 * Standard Webhooks library and the secret given for the request's path (401 when the signature
 * does not verify).
 * `answers` are statuses for the next verified requests to a path instead of 204: a receiver in trouble.
 */
export async function startHookReceiver() {
  const deliveries: HookDelivery[] = [];
  const state = { secrets: new Map<string, string>(), answers: new Map<string, number[]>() };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    let verified: unknown;
    try {
      verified = new Webhook(state.secrets.get(req.url ?? '/') ?? '').verify(body, headers);
    } catch {
      verified = undefined;
    }
    const status = verified === undefined ? 401 : (state.answers.get(req.url ?? '/')?.shift() ?? 204);
    deliveries.push({ path: req.url ?? '/', headers, body, verified, status });
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? '' : `refused with ${status}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    state,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type HookReceiver = Awaited<ReturnType<typeof startHookReceiver>>;
