import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_V2, API_V2_PATHS } from '../../status-server/routes/api-v2.ts';
import { listen } from '../../status-server/server.ts';
import { testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A request over real HTTP with exactly these headers (fetch would add its own Accept-Encoding), on a
 * connection of its own unless an agent is given: the first request of a connection meets the lane
 * in front of node:http's parser.
 */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  agent: Agent | false = false,
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const { date: _, connection: __, 'keep-alive': ___, ...rest } = res.headers as Record<string, string>;
        resolve({ status: res.statusCode ?? 0, headers: rest, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(testDatabases())('the API v2 fast lane, over HTTP on $name', (database) => {
  let server: TestServer;
  let http: Server;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer(database);
    await server.admin('POST', '/components', { name: 'Checkout' });
    // Enough incidents that summary.json is large enough to be gzipped.
    for (let i = 0; i < 8; i++) {
      await server.admin('POST', '/incidents', {
        name: `Payments failing in region ${i}`,
        status: 'investigating',
        impact: 'major',
        message: 'Card payments are declined for some customers; we are looking into it.',
      });
    }
    await server.snapshots.refresh();
    http = await new Promise<Server>((resolve) => {
      const s = listen(server, { port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    port = (http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((r) => http.close(r));
    await server.stop();
  });

  /** The same request routed the ordinary way: a query string keeps it out of the lane. */
  const routed = (method: string, path: string, headers?: Record<string, string>) =>
    raw(port, method, `${path}?via=router`, headers);

  for (const path of API_V2_PATHS.map((p) => `${API_V2}${p}`)) {
    it(`${path}: the lane answers byte for byte as the router does, plain and gzipped`, async () => {
      const asked: Record<string, string>[] = [{}, { 'accept-encoding': 'gzip, deflate, br' }];
      for (const headers of asked) {
        const fast = await raw(port, 'GET', path, headers);
        expect(fast.status).toBe(200);
        expect(fast).toEqual(await routed('GET', path, headers));
        expect(fast.headers['x-content-type-options']).toBe('nosniff');
        expect(fast.headers['access-control-allow-origin']).toBe('*');
      }
    });
  }

  it('gzips what is large enough, and the gzipped body is the plain one', async () => {
    const plain = await raw(port, 'GET', `${API_V2}/summary.json`);
    const zipped = await raw(port, 'GET', `${API_V2}/summary.json`, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(JSON.parse(plain.body.toString()).incidents).toHaveLength(8);
  });

  it('answers 304 to a current ETag or date, without a body, as the router does', async () => {
    const path = `${API_V2}/summary.json`;
    const first = await raw(port, 'GET', path, { 'accept-encoding': 'gzip' });
    const conditions: Record<string, string>[] = [
      { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag as string },
      { 'if-modified-since': first.headers['last-modified'] as string },
    ];
    for (const headers of conditions) {
      const fast = await raw(port, 'GET', path, headers);
      expect(fast.status).toBe(304);
      expect(fast.body.length).toBe(0);
      expect(fast.headers['content-length']).toBeUndefined();
      expect(fast).toEqual(await routed('GET', path, headers));
    }
    // The plain body's tag does not validate the gzipped copy.
    const plain = await raw(port, 'GET', path);
    const mixed = await raw(port, 'GET', path, {
      'accept-encoding': 'gzip',
      'if-none-match': plain.headers.etag as string,
    });
    expect(mixed.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await raw(port, 'HEAD', `${API_V2}/status.json`);
    const get = await raw(port, 'GET', `${API_V2}/status.json`);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers).toEqual(get.headers);
  });

  it('serves the new snapshot once a write has refreshed it', async () => {
    const before = await raw(port, 'GET', `${API_V2}/status.json`);
    await server.admin('POST', '/incidents', {
      name: 'Login is slow',
      status: 'investigating',
      impact: 'critical',
      message: 'Signing in takes a minute.',
    });
    const after = await raw(port, 'GET', `${API_V2}/status.json`);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(JSON.parse(after.body.toString()).status.indicator).toBe('critical');
    expect(after).toEqual(await routed('GET', `${API_V2}/status.json`));
  });

  it('answers the badges, with their queries, byte for byte as the router does', async () => {
    const { components } = (await (await server.admin('GET', '/components')).json()) as {
      components: { id: string }[];
    };
    const [component] = components;
    const urls = [
      '/badge.svg',
      '/badge.svg?style=flat-square&label=Shop',
      '/badge.json',
      `/components/${component?.id}/badge.svg`,
      `/components/${component?.id}/badge.json?show=uptime`,
      '/components/no-such-component/badge.svg',
      '/badge.svg?style=wobbly',
    ];
    for (const url of urls) {
      const fast = await raw(port, 'GET', url, { 'accept-encoding': 'gzip' });
      const routed = await server.request(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(fast.status, url).toBe(routed.status);
      expect(fast.body.equals(Buffer.from(await routed.arrayBuffer())), url).toBe(true);
      // A refused badge is built for each request, dated as it is built: the two may straddle a second.
      const { 'last-modified': fastDate, ...fastHeaders } = fast.headers;
      const { 'last-modified': routedDate, ...routedHeaders } = Object.fromEntries(routed.headers);
      expect(fastHeaders, url).toEqual(routedHeaders);
      if (fast.status === 200) expect(fastDate, url).toBe(routedDate);
      else
        expect(Math.abs(Date.parse(fastDate as string) - Date.parse(routedDate as string))).toBeLessThan(
          60_000,
        );
    }
    const ok = await raw(port, 'GET', '/badge.svg');
    expect(ok.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(ok.headers['content-security-policy']).toContain("default-src 'none'");
    const etag = ok.headers.etag as string;
    expect((await raw(port, 'GET', '/badge.svg', { 'if-none-match': etag })).status).toBe(304);
    expect((await raw(port, 'GET', '/components/no-such-component/badge.svg')).status).toBe(404);
  });

  it('answers the home page as the router does, in the language the browser asks for', async () => {
    const asked: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'gzip, deflate, br' },
      { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' },
      { 'accept-language': 'ru', 'accept-encoding': 'gzip' },
    ];
    for (const headers of asked) {
      const fast = await raw(port, 'GET', '/', headers);
      expect(fast.status).toBe(200);
      expect(fast).toEqual(await routed('GET', '/', headers));
    }
    const russian = await raw(port, 'GET', '/', { 'accept-language': 'ru' });
    expect(russian.body.toString()).toContain('<html lang="ru">');
    const again = { 'accept-language': 'ru', 'if-none-match': russian.headers.etag as string };
    expect((await raw(port, 'GET', '/', again)).status).toBe(304);
    // A cookie may name the language the person chose: the router reads it.
    const chosen = await raw(port, 'GET', '/', { 'accept-language': 'ru', cookie: 'lang=ro' });
    expect(chosen.body.toString()).toContain('<html lang="ro">');
  });

  it('answers as the router does on a connection that asked for something else first', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // The console is routed, so node:http has the connection from then on.
      expect((await raw(port, 'GET', '/console/login', {}, agent)).status).toBe(200);
      for (const headers of [{}, { 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
        for (const path of ['/', `${API_V2}/summary.json`]) {
          const after = await raw(port, 'GET', path, headers, agent);
          expect(after).toEqual(await routed('GET', path, headers));
          const etag = { ...headers, 'if-none-match': after.headers.etag as string };
          expect((await raw(port, 'GET', path, etag, agent)).status).toBe(304);
        }
      }
      const sockets = Object.values(agent.freeSockets).flat();
      expect(sockets).toHaveLength(1);
    } finally {
      agent.destroy();
    }
  });

  it('leaves other methods and paths to the router', async () => {
    const post = await raw(port, 'POST', `${API_V2}/summary.json`);
    expect(post.status).toBe(404);
    expect(JSON.parse(post.body.toString()).error).toBeDefined();
    const other = await raw(port, 'GET', `${API_V2}/nothing.json`);
    expect(other.status).toBe(404);
    const page = await raw(port, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });
});
