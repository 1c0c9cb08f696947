import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type FrontAnswer,
  FrontLaneServer,
  type FrontRequest,
} from '../../status-server/platform/http/front-lane.ts';

/**
 * The lane in front of node:http's parser, over real sockets, with raw bytes as browsers, monitors and
 * odd clients send them: what it answers itself, and what it leaves to node:http (the handler here
 * says so in its body).
 */

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Splits what a server sent into answers; `heads` says which requests were HEADs (no body). */
function parseReplies(bytes: Buffer, heads: boolean[] = []): Reply[] {
  const replies: Reply[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) throw new Error(`an answer's head is cut off: ${bytes.toString('latin1', at, at + 200)}`);
    const [statusLine = '', ...lines] = bytes.toString('latin1', at, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = heads[replies.length] ? 0 : Number(headers['content-length'] ?? 0);
    if (end + 4 + length > bytes.length) throw new Error("an answer's body is cut off");
    replies.push({
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: bytes.subarray(end + 4, end + 4 + length),
    });
    at = end + 4 + length;
  }
  return replies;
}

/** A raw client: what it writes, everything it is sent, and whether the server closed on it. */
function client(port: number) {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  let closed = false;
  socket.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  void ended.then(() => {
    closed = true;
  });
  return {
    socket,
    send: (bytes: string | Buffer) => socket.write(bytes),
    received: () => Buffer.concat(chunks),
    closed: () => closed,
    ended,
    /** Waits until the bytes parse into `count` whole answers, or the server closes. */
    async replies(count: number, heads: boolean[] = []): Promise<Reply[]> {
      const until = Date.now() + 5000;
      for (;;) {
        try {
          const replies = parseReplies(Buffer.concat(chunks), heads);
          if (replies.length >= count || closed) return replies;
        } catch (err) {
          if (closed) throw err;
        }
        if (Date.now() > until) throw new Error(`no ${count} answers within 5 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

const get = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: snapdesk.test\r\n${extra}\r\n`;
const BIG = Buffer.alloc(1024 * 1024, 'b');

describe('the lane in front of node:http', () => {
  let server: FrontLaneServer;
  let port: number;
  /** The requests the lane answered, and those node:http's handler did. */
  let fronted: FrontRequest[] = [];
  let handled: string[] = [];
  const headersOf = new Map<string, string[]>();
  /** The same header list each time for a path, as snapshot entries are: the lane keeps its bytes. */
  const headersFor = (url: string, length: number) => {
    const key = `${url} ${length}`;
    let h = headersOf.get(key);
    if (!h) {
      h = ['content-type', 'text/plain', 'content-length', String(length), 'etag', '"v1"'];
      headersOf.set(key, h);
    }
    return h;
  };
  const front = (req: FrontRequest): FrontAnswer | undefined => {
    if (req.url === '/throws') throw new Error('a bug in the front');
    if (!req.url.startsWith('/fast') && req.url !== '/big') return undefined;
    fronted.push(req);
    const body = req.url === '/big' ? BIG : Buffer.from(`front ${req.url}`);
    return { status: 200, headers: headersFor(req.url, body.length), body };
  };

  beforeAll(async () => {
    server = new FrontLaneServer((req, res) => {
      let length = 0;
      req.on('data', (c: Buffer) => {
        length += c.length;
      });
      req.on('end', () => {
        handled.push(`${req.method} ${req.url}`);
        const body = `node ${req.method} ${req.url} ${length}`;
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    }, front);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => {
    fronted = [];
    handled = [];
    server.keepAliveTimeout = 5000;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('answers the GETs it knows on one kept-alive connection, with the headers node:http adds', async () => {
    const c = client(port);
    for (let i = 1; i <= 3; i++) {
      c.send(get(`/fast/${i}`, 'Accept-Encoding:gzip  \r\nIf-None-Match: \t"v0"\r\n'));
      await c.replies(i);
    }
    const replies = await c.replies(3);
    expect(replies.map((r) => r.body.toString())).toEqual([
      'front /fast/1',
      'front /fast/2',
      'front /fast/3',
    ]);
    for (const r of replies) {
      expect(r.status).toBe(200);
      expect(r.headers.etag).toBe('"v1"');
      expect(r.headers.connection).toBe('keep-alive');
      expect(r.headers['keep-alive']).toBe('timeout=5');
      expect(Math.abs(Date.parse(r.headers.date as string) - Date.now())).toBeLessThan(5000);
    }
    expect(handled).toEqual([]);
    expect({ ...fronted[0]?.headers }).toEqual({
      host: 'snapdesk.test',
      'accept-encoding': 'gzip',
      'if-none-match': '"v0"',
    });
    c.socket.destroy();
  });

  it('answers pipelined requests in order, and hands the connection to node:http at the first it does not take', async () => {
    const c = client(port);
    c.send(
      get('/fast/1') +
        `HEAD /fast/2 HTTP/1.1\r\nHost: snapdesk.test\r\n\r\n` +
        get('/other') +
        `POST /fast/3 HTTP/1.1\r\nHost: snapdesk.test\r\nContent-Length: 5\r\n\r\nhello` +
        get('/fast/4'),
    );
    const replies = await c.replies(5, [false, true]);
    expect(replies.map((r) => r.body.toString())).toEqual([
      'front /fast/1',
      '',
      'node GET /other 0',
      'node POST /fast/3 5',
      // The connection is node:http's now: its handler answers even what the lane would have.
      'node GET /fast/4 0',
    ]);
    // HEAD: the GET's headers, length included, and no body.
    expect(replies[1]?.headers['content-length']).toBe(String('front /fast/2'.length));
    expect(fronted.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /fast/1', 'HEAD /fast/2']);
    c.socket.destroy();
  });

  it('closes after answering Connection: close or HTTP/1.0, and keeps an HTTP/1.0 keep-alive open', async () => {
    const close = client(port);
    close.send(get('/fast/1', 'Connection: close\r\n') + get('/fast/2'));
    await close.ended;
    const [only, ...rest] = parseReplies(close.received());
    expect(only?.headers.connection).toBe('close');
    expect(rest).toEqual([]);

    const old = client(port);
    old.send('GET /fast/1 HTTP/1.0\r\n\r\n');
    await old.ended;
    expect(parseReplies(old.received()).map((r) => r.body.toString())).toEqual(['front /fast/1']);

    const kept = client(port);
    kept.send('GET /fast/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /fast/2 HTTP/1.0\r\n\r\n');
    await kept.ended;
    const both = parseReplies(kept.received());
    expect(both.map((r) => r.headers.connection)).toEqual(['keep-alive', 'close']);
    expect(handled).toEqual([]);
  });

  it('leaves heads it does not take to node:http, which judges them', async () => {
    const cases: { name: string; bytes: string; status: number; body?: string }[] = [
      { name: 'no Host in HTTP/1.1', bytes: 'GET /fast/1 HTTP/1.1\r\n\r\n', status: 400 },
      { name: 'a control character', bytes: get('/fast/1', 'X-Odd: a\x01b\r\n'), status: 400 },
      {
        name: 'a head over 16 KB',
        bytes: get('/fast/1', `Cookie: ${'c'.repeat(17 * 1024)}\r\n`),
        status: 431,
      },
      {
        name: 'a folded header',
        bytes: get('/fast/1', 'X-Folded: one\r\n two\r\n'),
        status: 400,
      },
      {
        name: 'a repeated header',
        bytes: get('/fast/1', 'Accept-Encoding: gzip\r\nAccept-Encoding: br\r\n'),
        status: 200,
        body: 'node GET /fast/1 0',
      },
      {
        name: 'a body on a GET',
        bytes: get('/fast/1', 'Content-Length: 2\r\n').concat('hi'),
        status: 200,
        body: 'node GET /fast/1 2',
      },
      {
        name: 'an absolute target',
        bytes: 'GET http://snapdesk.test/fast/1 HTTP/1.1\r\nHost: snapdesk.test\r\n\r\n',
        status: 200,
        body: 'node GET http://snapdesk.test/fast/1 0',
      },
      { name: 'a path the lane does not know', bytes: get('/other'), status: 200, body: 'node GET /other 0' },
      {
        name: 'a long run of spaces before a control character',
        bytes: get('/fast/1', `X-Odd:${' '.repeat(15_000)}\x01\r\n`),
        status: 400,
      },
      { name: 'a front that throws', bytes: get('/throws'), status: 200, body: 'node GET /throws 0' },
    ];
    for (const k of cases) {
      const c = client(port);
      c.send(k.bytes);
      const [reply] = await c.replies(1);
      expect(reply?.status, k.name).toBe(k.status);
      if (k.body) expect(reply?.body.toString(), k.name).toBe(k.body);
      c.socket.destroy();
    }
    expect(fronted).toEqual([]);
  });

  it('leaves a head that arrives in pieces to node:http, which waits for the rest', async () => {
    const c = client(port);
    c.send('GET /fast/1 HTTP/1.1\r\nHo');
    await new Promise((r) => setTimeout(r, 50));
    c.send('st: snapdesk.test\r\n\r\n');
    const [reply] = await c.replies(1);
    expect(reply?.body.toString()).toBe('node GET /fast/1 0');
    expect(fronted).toEqual([]);
    c.socket.destroy();
  });

  it('closes a connection left idle for keepAliveTimeout', async () => {
    server.keepAliveTimeout = 300;
    const c = client(port);
    const started = Date.now();
    c.send(get('/fast/1'));
    // As node:http says it: whole seconds, rounded down.
    expect((await c.replies(1))[0]?.headers['keep-alive']).toBe('timeout=0');
    await c.ended;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(fronted).toHaveLength(1);
  });

  it('stops answering a client that sends without reading, and answers the rest once it reads', async () => {
    const c = client(port);
    c.socket.pause();
    c.send(get('/big').repeat(100));
    await new Promise((r) => setTimeout(r, 300));
    // Only what the sockets' buffers hold, a few MB, has been answered: not 100 MB.
    expect(fronted.length).toBeGreaterThan(0);
    expect(fronted.length).toBeLessThan(50);
    c.socket.resume();
    const replies = await c.replies(100);
    expect(replies).toHaveLength(100);
    expect(replies.every((r) => r.body.equals(BIG))).toBe(true);
    expect(fronted).toHaveLength(100);
    c.socket.destroy();
  });

  it('ends its idle connections when the server closes', async () => {
    const other = new FrontLaneServer(() => {}, front);
    // Long enough that only close() can end the connection within the test.
    other.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const c = client((other.address() as AddressInfo).port);
    c.send(get('/fast/1'));
    await c.replies(1);
    const closed = new Promise((r) => other.close(r));
    await c.ended;
    await closed;
    expect(c.closed()).toBe(true);
  });
});
