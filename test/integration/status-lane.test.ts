import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusBatchResponse } from '../../shared/schemas/report.ts';
import { MAX_JSON_BODY } from '../../status-server/platform/http/body.ts';
import { corsAnswer } from '../../status-server/platform/http/cors.ts';
import { RateLimited } from '../../status-server/platform/http/rate-limit.ts';
import { serverKey, sign } from '../../status-server/reports/keys.ts';
import { supportUpdate } from '../../status-server/requests/service.ts';
import { statusLane } from '../../status-server/requests/status-lane.ts';
import { EXTENSION_CORS } from '../../status-server/routes/reports.ts';
import { listen } from '../../status-server/server.ts';
import { testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PATH = '/api/reports/status';

/**
 * A POST over real HTTP with exactly these headers. `chunked` sends the body without a length, in
 * pieces, as a streaming client does.
 */
function post(port: number, path: string, body: string, headers: Record<string, string>, chunked = false) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: chunked ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const {
            date: _,
            connection: __,
            'keep-alive': ___,
            ...rest
          } = res.headers as Record<string, string>;
          resolve({ status: res.statusCode ?? 0, headers: rest, body: Buffer.concat(chunks).toString() });
        });
      },
    );
    req.on('error', reject);
    if (chunked) {
      for (let i = 0; i < body.length; i += 16_384) req.write(body.slice(i, i + 16_384));
      req.end();
    } else req.end(body);
  });
}

async function serve(server: TestServer): Promise<{ http: Server; port: number }> {
  const http = await new Promise<Server>((resolve) => {
    const s = listen(server, { port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { http, port: (http.address() as AddressInfo).port };
}

async function stop(http: Server, server: TestServer) {
  http.closeAllConnections();
  await new Promise((r) => http.close(r));
  await server.stop();
}

describe.each(testDatabases())('the batched status call’s lane, over HTTP on $name', (database) => {
  let server: TestServer;
  let http: Server;
  let port: number;
  let body: string;
  beforeAll(async () => {
    server = await startTestServer(database);
    ({ http, port } = await serve(server));
    const key = await serverKey(server.store.db, 'report-status');
    const waiting = await insertReport(server.store, {
      images: 0,
      state: 'forwarded',
      external_ref: '#4711',
      incident: { name: 'Checkout errors', status: 'identified' },
    });
    await supportUpdate({ db: server.store.db, config: server.config }, waiting.id, {
      state: 'waiting_for_customer',
      reply: 'Which browser do you use? «Ünïcode» too.',
    });
    const quiet = await insertReport(server.store, { images: 0 });
    body = JSON.stringify({
      reports: [
        { reference: waiting.reference, secret: sign(key, waiting.reference) },
        { reference: quiet.reference, secret: sign(key, quiet.reference) },
        { reference: 'SD-999999', secret: 'not-a-secret' },
      ],
    });
  });
  afterAll(() => stop(http, server));

  /** The lane's answer and the router's to the same call: a query string keeps it out of the lane. */
  const both = async (text: string, headers: Record<string, string>, chunked = false) => {
    const fast = await post(port, PATH, text, headers, chunked);
    const routed = await post(port, `${PATH}?via=router`, text, headers, chunked);
    return { fast, routed };
  };
  const json = { 'content-type': 'application/json' };

  it('answers the summaries byte for byte and header for header as the router does', async () => {
    for (const origin of [EXTENSION, 'https://shop.example', undefined]) {
      const { fast, routed } = await both(body, { ...json, ...(origin ? { origin } : {}) });
      expect(fast.status).toBe(200);
      expect(fast).toEqual(routed);
      const answer = statusBatchResponse.parse(JSON.parse(fast.body));
      expect(answer.reports.map((r) => r.request.state)).toEqual(['waiting_for_customer', 'received']);
      expect(answer.reports[0]?.request.latest_comment?.body).toContain('«Ünïcode»');
      expect(answer.unknown).toEqual(['SD-999999']);
      expect(fast.headers.vary).toBe('Origin');
      expect(fast.headers['access-control-allow-origin']).toBe(origin === EXTENSION ? EXTENSION : undefined);
      expect(fast.headers['access-control-expose-headers']).toBe(origin === EXTENSION ? 'ETag' : undefined);
      expect(fast.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers 304 to the current ETag and 200 to a stale one, as the router does', async () => {
    const first = await post(port, PATH, body, json);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const current = await both(body, { ...json, origin: EXTENSION, 'if-none-match': etag });
    expect(current.fast.status).toBe(304);
    expect(current.fast.body).toBe('');
    expect(current.fast).toEqual(current.routed);
    const stale = await both(body, { ...json, 'if-none-match': '"an-older-answer-0000000"' });
    expect(stale.fast.status).toBe(200);
    expect(stale.fast).toEqual(stale.routed);
  });

  it('refuses what is wrong with the same status, message and headers as the router', async () => {
    const tooLarge = JSON.stringify({ reports: [{ reference: 'SD-1', secret: 'x'.repeat(MAX_JSON_BODY) }] });
    const cases: [string, string, Record<string, string>, number, boolean?][] = [
      ['no type', body, {}, 415],
      ['form type', body, { 'content-type': 'application/x-www-form-urlencoded' }, 415],
      ['malformed', '{"reports": [', json, 400],
      ['an unknown field', '{"reports":[{"reference":"SD-1","secret":"x","token":"y"}]}', json, 400],
      ['none asked', '{"reports":[]}', json, 400],
      ['a byte-order mark', `\uFEFF${body}`, json, 200],
      ['too large by its length', tooLarge, json, 413],
      ['too large as it streams', tooLarge, json, 413, true],
    ];
    for (const [what, text, headers, status, chunked] of cases) {
      const { fast, routed } = await both(text, { ...headers, origin: EXTENSION }, chunked);
      expect({ what, status: fast.status }).toEqual({ what, status });
      expect({ what, ...fast }).toEqual({ what, ...routed });
      if (status !== 200) {
        expect(JSON.parse(fast.body).error.message.length, what).toBeGreaterThan(10);
        expect(fast.headers['content-type']).toMatch(/^application\/json/);
      }
    }
    // The connection is still good for the next call after a refusal mid-body.
    expect((await post(port, PATH, body, json)).status).toBe(200);
  });
});

describe('the batched status call’s lane, over the rate limit', () => {
  it('refuses with 429, Retry-After and the API’s error, before reading the body', async () => {
    let admitted: string | undefined;
    let called = false;
    const call = Object.assign(
      async () => {
        called = true;
        return { status: 304 as const, headers: [], body: null };
      },
      {
        admit(client: string) {
          admitted = client;
          throw new RateLimited(7);
        },
      },
    );
    const lane = statusLane(call, { trustProxy: true, cors: corsAnswer(EXTENSION_CORS) });
    const http = createServer((req, res) => {
      if (!lane(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const port = (http.address() as AddressInfo).port;
      const headers = {
        'content-type': 'application/json',
        origin: EXTENSION,
        'x-forwarded-for': '203.0.113.9, 10.0.0.1',
      };
      const refused = await post(port, PATH, '{"reports":[]}', headers);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('7');
      expect(refused.headers['access-control-allow-origin']).toBe(EXTENSION);
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(refused.body)).toEqual({
        error: { code: 'rate_limited', message: 'too many requests from this client; try again in 7 s' },
      });
      // Counted by the address the trusted proxy forwarded, and the call never made.
      expect(admitted).toBe('203.0.113.9');
      expect(called).toBe(false);
      // Anything else on the listener is not the lane's.
      expect((await post(port, `${PATH}?via=router`, '{}', headers)).status).toBe(404);
    } finally {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
    }
  });
});
