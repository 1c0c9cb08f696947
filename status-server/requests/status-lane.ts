import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonTooLarge, MAX_JSON_BODY } from '../platform/http/body.ts';
import { addressOf } from '../platform/http/client.ts';
import { errorAnswer } from '../platform/http/errors.ts';
import { BASELINE, DEFAULT_OTHER_POLICY } from '../platform/http/headers.ts';
import { RateLimited } from '../platform/http/rate-limit.ts';
import type { StatusCall } from './status-call.ts';

/** The batched status call's path, as the lane takes it: a query string goes to the router. */
export const STATUS_CALL_URL = '/api/reports/status';

const utf8 = new TextDecoder();

/**
 * The batched status call answered before the request is turned into a fetch `Request` and routed:
 * every browser with an open request makes it once a minute, and those two steps (with the response
 * turned back) cost about a third of it. It answers through the same `StatusCall` as the app's route,
 * with the same rate limit, size limit, cross-origin headers (`cors`) and error answers;
 * test/integration/status-lane.test.ts holds the two to the same bytes and headers.
 *
 * Returns whether it answered.
 */
export function statusLane(
  call: StatusCall,
  o: { trustProxy: boolean; cors: (origin: string | undefined) => [string, string][] },
) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || req.url !== STATUS_CALL_URL) return false;
    const h = req.headers;
    const cors = o.cors(h.origin);
    const answer = (status: number, headers: [string, string][], body: string | null) => {
      const all = [...headers, ...cors];
      if (body !== null) all.push(['content-length', String(Buffer.byteLength(body))]);
      res.writeHead(status, all.flat());
      res.end(body ?? undefined);
    };
    const fail = (err: unknown) => {
      const { status, body } = errorAnswer(err, `POST ${STATUS_CALL_URL}`);
      const headers: [string, string][] = [
        ...Object.entries(BASELINE),
        ['content-type', 'application/json'],
        ['content-security-policy', DEFAULT_OTHER_POLICY],
      ];
      if (err instanceof RateLimited) headers.push(['retry-after', String(err.retryAfter)]);
      answer(status, headers, JSON.stringify(body));
    };
    try {
      const forwarded = h['x-forwarded-for'];
      call.admit(addressOf(forwarded?.toString(), () => req.socket.remoteAddress, o.trustProxy));
      // Node's parser reads exactly Content-Length bytes; a chunked body is counted as it comes.
      if (Number(h['content-length'] ?? 0) > MAX_JSON_BODY) throw jsonTooLarge();
    } catch (err) {
      // What is left of the body Node reads and drops once the answer is sent, as for any route.
      fail(err);
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_JSON_BODY) {
        refused = true;
        fail(jsonTooLarge());
      } else chunks.push(chunk);
    });
    // A client gone before its body ended needs no answer.
    req.on('error', () => {});
    req.on('end', () => {
      if (refused) return;
      call({
        contentType: h['content-type'],
        ifNoneMatch: h['if-none-match'],
        text: utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
      }).then((a) => answer(a.status, a.headers, a.body), fail);
    });
    return true;
  };
}
