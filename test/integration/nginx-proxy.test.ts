/**
 * The README's deployment, run: Debian's nginx with deploy/nginx/snapdesk.conf (its ports and
 * folders replaced by the test's) in front of two real server processes on one PostgreSQL.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits.ts';
import { createToken } from '../../status-server/auth/tokens.ts';
import { openStore, type Store } from '../../status-server/platform/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { makePng } from '../helpers/images.ts';
import { sampleReport } from '../helpers/intake.ts';
import { freePort } from '../helpers/net.ts';
import { NGINX, type NginxProcess, nginxMainConfig, runNginx } from '../helpers/nginx.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

const CONFIG = join(import.meta.dirname, '..', '..', 'deploy', 'nginx', 'snapdesk.conf');
/**
 * How long nginx serves a public page from its copy before asking again, at most: the config's
 * `proxy_cache_valid 200 1s`, which nginx counts in whole seconds of its clock, so 1 to 2 s.
 */
const FRESH_MS = 2_000;
/** Another instance's write shows on an instance's pages within this (issue 13, two-instances test). */
const VISIBLE_MS = 1_000;
/** A client address of the loopback range other than nginx's own 127.0.0.1. */
const CLIENT_ADDRESS = '127.0.0.2';
const MB = 1024 * 1024;

const postgres = testDatabases().find((d) => d.name === 'postgres');
// A developer without nginx skips this file and is told so; CI must have it (.ci/run installs it).
const nginxInstalled = existsSync(NGINX);
if (!nginxInstalled && process.env.CI) {
  throw new Error(`CI needs nginx at ${NGINX} (apt-get install nginx-light) for the proxy test`);
}
if (!nginxInstalled) {
  console.log(
    `\n*** nginx in front of two instances: SKIPPED, ${NGINX} is not installed (apt-get install nginx-light) ***\n`,
  );
} else if (!postgres) {
  console.log('\n*** nginx in front of two instances: SKIPPED, PostgreSQL is not reachable ***\n');
}

/** One line of the test's access log: what nginx did with one request. */
interface Logged {
  id: string;
  method: string;
  uri: string;
  status: number;
  /** The instances tried, in order ("" when nginx answered itself). */
  upstream: string[];
  upstreamStatus: string;
  cache: string;
}

/**
 * The committed configuration with the test's instances, port and cache folder; each replaced text
 * must be there exactly once, so the file and this test cannot drift apart unnoticed.
 */
function testConfig(dir: string, port: number, instances: [string, string]): string {
  let text = readFileSync(CONFIG, 'utf8');
  const replace = (from: string, to: string) => {
    const parts = text.split(from);
    if (parts.length !== 2) throw new Error(`${CONFIG} should hold "${from}" once`);
    text = parts.join(to);
  };
  replace('server 127.0.0.1:3000 ', `server ${new URL(instances[0]).host} `);
  replace('server 127.0.0.1:3001 ', `server ${new URL(instances[1]).host} `);
  replace('listen 80;', `listen 127.0.0.1:${port};`);
  replace('/var/cache/nginx/snapdesk ', `${dir}/cache `);
  // An access log saying, per request, which instances nginx tried and what its cache did.
  const log = `  log_format test escape=json '{"id":"$http_x_test_id","method":"$request_method","uri":"$request_uri",'
    '"status":$status,"upstream":"$upstream_addr","upstreamStatus":"$upstream_status","cache":"$upstream_cache_status"}';
  access_log ${dir}/access.log test;
`;
  return nginxMainConfig(dir, `${log}${text}`);
}

describe.runIf(postgres && nginxInstalled)(
  'nginx in front of two server processes (deploy/nginx/snapdesk.conf)',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapdesk-nginx-'));
    let database: Awaited<ReturnType<NonNullable<typeof postgres>['create']>>;
    let store: Store;
    let a: ServerProcess;
    let b: ServerProcess;
    let nginx: NginxProcess | undefined;
    let origin: string;
    let token: string;
    let sent = 0;

    /** A request through nginx, tagged so its access-log line can be found. */
    const viaProxy = async (path: string, init: RequestInit = {}) => {
      const id = `t${++sent}`;
      const headers = new Headers(init.headers);
      headers.set('x-test-id', id);
      const res = await fetch(`${origin}${path}`, { ...init, headers });
      return { res, id };
    };
    const logged = async (id: string): Promise<Logged> => {
      // nginx writes the line once the answer is sent; give it a moment.
      for (let i = 0; i < 100; i++) {
        const line = readFileSync(join(dir, 'access.log'), 'utf8')
          .split('\n')
          .find((l) => l.includes(`"id":"${id}"`));
        if (line) {
          const raw = JSON.parse(line);
          return { ...raw, upstream: raw.upstream ? raw.upstream.split(', ') : [] };
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`request ${id} is not in nginx's access log`);
    };
    const admin = (instance: ServerProcess, path: string, body: unknown) =>
      fetch(`${instance.origin}/api/admin${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const hostOf = (instance: ServerProcess) => new URL(instance.origin).host;

    beforeAll(async () => {
      database = await (postgres as NonNullable<typeof postgres>).create();
      const env = {
        DATABASE_URL: database.databaseUrl as string,
        SNAPDESK_PUBLIC_URL: 'http://status.test',
        SNAPDESK_TRUST_PROXY: 'true',
        SNAPDESK_INTAKE_PER_MINUTE: '100000',
      };
      // Started together: their migrations take turns on the shared database.
      [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      store = openStore({ databaseUrl: database.databaseUrl, sqlitePath: ':memory:' });
      token = (await createToken(store.db, 'test')).token;
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      nginx = await runNginx(dir, testConfig(dir, port, [a.origin, b.origin]), async () => {
        return (await fetch(`${origin}/healthz`)).status === 200;
      });
      // Starting Node with TypeScript twice takes seconds on a busy machine.
    }, 90_000);

    afterAll(async () => {
      await nginx?.stop();
      await Promise.all([a?.stop(), b?.stop()]);
      await store?.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('passes requests to both instances in turn', async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const { res, id } = await viaProxy('/healthz');
        expect(res.status).toBe(200);
        for (const u of (await logged(id)).upstream) seen.add(u);
      }
      expect(seen).toEqual(new Set([hostOf(a), hostOf(b)]));
    });

    it('answers a public GET from its copy, and asks again with the ETag once the copy is out of date', async () => {
      for (const path of ['/api/v2/summary.json', '/api/v2/status.json', '/', '/history.rss', '/badge.svg']) {
        // The first request fills the cache (or refreshes it), the next within a second is nginx's,
        // and so is the answer to a client's copy. Tried again should a busy machine take a second.
        let hits = 0;
        for (let tries = 0; tries < 5 && hits < 2; tries++) {
          await viaProxy(path);
          const { res, id } = await viaProxy(path);
          expect(res.status, path).toBe(200);
          if (res.headers.get('x-cache-status') !== 'HIT') continue;
          expect((await logged(id)).upstream, path).toEqual([]);
          const etag = res.headers.get('etag') as string;
          expect(etag, path).toMatch(/^"/);
          const again = await viaProxy(path, { headers: { 'if-none-match': etag } });
          expect(again.res.status, path).toBe(304);
          hits = again.res.headers.get('x-cache-status') === 'HIT' ? 2 : 1;
          if (hits === 2) expect((await logged(again.id)).upstream, path).toEqual([]);
        }
        expect(hits, `${path} answered from nginx's copy`).toBe(2);
      }
      // Once the copy is out of date, nginx asks with its ETag; nothing changed, so the instance says 304.
      await new Promise((r) => setTimeout(r, FRESH_MS + 100));
      const { res, id } = await viaProxy('/api/v2/summary.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache-status')).toBe('REVALIDATED');
      const line = await logged(id);
      expect(line.upstream).toHaveLength(1);
      expect(line.upstreamStatus).toBe('304');
    });

    it('shows a write on either instance through its cache within its freshness and the other instance’s poll', async () => {
      for (const [instance, name] of [
        [a, 'Checkout'],
        [b, 'Search'],
      ] as const) {
        // The page is in nginx's cache before the write.
        await viaProxy('/api/v2/summary.json');
        const written = await admin(instance, '/components', { name });
        expect(written.status).toBe(201);
        const since = performance.now();
        for (;;) {
          const { res } = await viaProxy('/api/v2/summary.json');
          const summary = (await res.json()) as { components: { name: string }[] };
          if (summary.components.some((c) => c.name === name)) break;
          if (performance.now() - since > 10_000) throw new Error(`${name} never showed through nginx`);
          await new Promise((r) => setTimeout(r, 20));
        }
        const shown = performance.now() - since;
        console.log(`a write on one instance shows through nginx after ${shown.toFixed(0)} ms`);
        // nginx asks an instance once its copy is FRESH_MS old at most. The instance it asks may be
        // the other one, which shows the write within VISIBLE_MS: asked before that, it answers 304,
        // and nginx keeps its copy for FRESH_MS more, by when the other instance shows it for sure.
        expect(shown).toBeLessThanOrEqual(FRESH_MS + VISIBLE_MS);
      }
    });

    it('never caches the console, the APIs with secrets or tokens, POSTs, or a page that sets a cookie', async () => {
      const report = await viaProxy('/api/reports', await reportBody(smallFiles()));
      expect(report.res.status).toBe(201);
      const { reference, secret } = (await report.res.json()) as { reference: string; secret: string };
      const privateRequests: [string, RequestInit][] = [
        ['/console/login', {}],
        ['/subscribe', {}],
        ['/api/admin/components', { headers: { authorization: `Bearer ${token}` } }],
        [`/api/reports/${reference}/status`, { headers: { authorization: `Bearer ${secret}` } }],
        [
          '/api/reports/status',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ reports: [{ reference, secret }] }),
          },
        ],
        // A language of ours chosen with ?lang= is remembered in a cookie: that answer is never kept.
        ['/?lang=cs', {}],
      ];
      for (const [path, init] of privateRequests) {
        for (let i = 0; i < 2; i++) {
          const { res, id } = await viaProxy(path, init);
          expect(res.status, path).toBeLessThan(400);
          // Each one reached an instance, the second as much as the first.
          expect((await logged(id)).upstream, path).toHaveLength(1);
          expect(['MISS', null], path).toContain(res.headers.get('x-cache-status'));
        }
      }
      // Nothing but public pages is in nginx's cache folder.
      const keys = cacheKeys(join(dir, 'cache'));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).toMatch(/^http127\.0\.0\.1\/(|api\/v2\/[\w/.-]+|history\.rss|badge\.svg)$/);
      }
    });

    it('records the client’s own address, whatever X-Forwarded-For it sent', async () => {
      const key = crypto.randomUUID();
      const { body, headers } = await reportBody(smallFiles());
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          `${origin}/api/reports`,
          {
            method: 'POST',
            localAddress: CLIENT_ADDRESS,
            headers: {
              ...headers,
              'content-length': String(body.length),
              'idempotency-key': key,
              'x-forwarded-for': '203.0.113.9',
            },
          },
          (res) => {
            res.resume();
            res.once('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.once('error', reject);
        req.end(body);
      });
      expect(status).toBe(201);
      const row = await store.db
        .selectFrom('reports')
        .select('client_ip')
        .where('idempotency_key', '=', key)
        .executeTakeFirstOrThrow();
      expect(row.client_ip).toBe(CLIENT_ADDRESS);
    });

    it('lets a report of the largest size through, and refuses a larger one with the API’s 413', async () => {
      const ten = pngOf(LIMITS.maxFileBytes);
      // Files of 40 MB in all, the most the intake takes; the body is larger by the multipart framing.
      const largest = await reportBody({ file0: ten, file1: ten, file2: ten, file3: ten });
      expect(largest.body.length).toBeGreaterThan(LIMITS.maxReportBytes);
      const passed = await viaProxy('/api/reports', largest);
      expect(passed.res.status).toBe(201);

      // One file more of a few bytes: the body is within nginx's 41 MB, and the server refuses it.
      const tiny = makePng(1, 1);
      const over = await reportBody({ file0: ten, file1: ten, file2: ten, file3: ten, file4: tiny });
      expect(over.body.length).toBeLessThan(LIMITS.maxReportBodyBytes);
      const byServer = await viaProxy('/api/reports', over);
      expect(byServer.res.status).toBe(413);
      expect(await byServer.res.json()).toEqual({
        error: { code: 'payload_too_large', message: 'a report may be at most 40 MB' },
      });
      expect((await logged(byServer.id)).upstream).toHaveLength(1);

      // A body over 41 MB: nginx refuses it on its Content-Length, in the same words, and no instance
      // sees it.
      const huge = await reportBody({ file0: ten, file1: ten, file2: ten, file3: ten, file4: pngOf(2 * MB) });
      expect(huge.body.length).toBeGreaterThan(LIMITS.maxReportBodyBytes);
      const byNginx = await viaProxy('/api/reports', {
        ...huge,
        headers: { ...huge.headers, origin: 'chrome-extension://abcdefghijklmnop' },
      });
      expect(byNginx.res.status).toBe(413);
      expect(byNginx.res.headers.get('access-control-allow-origin')).toBe(
        'chrome-extension://abcdefghijklmnop',
      );
      expect(await byNginx.res.json()).toEqual({
        error: { code: 'payload_too_large', message: 'a report may be at most 40 MB' },
      });
      expect((await logged(byNginx.id)).upstream).toEqual([]);
    }, 60_000);

    it('sends everything to the survivor when an instance dies, and shows the last page when none is left', async () => {
      await b.kill();
      for (let i = 0; i < 4; i++) {
        const { res, id } = await viaProxy('/healthz');
        expect(res.status).toBe(200);
        expect((await logged(id)).upstream.at(-1)).toBe(hostOf(a));
      }
      const report = await viaProxy('/api/reports', await reportBody(smallFiles()));
      expect(report.res.status).toBe(201);
      // With no instance left, the public pages are what they were a moment ago.
      await viaProxy('/api/v2/summary.json');
      await a.kill();
      await new Promise((r) => setTimeout(r, FRESH_MS + 100));
      const { res } = await viaProxy('/api/v2/summary.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache-status')).toBe('STALE');
      expect(
        ((await res.json()) as { components: { name: string }[] }).components.map((c) => c.name),
      ).toEqual(expect.arrayContaining(['Checkout', 'Search']));
    });
  },
);

/** A PNG of exactly `bytes` bytes: a real header, then zeros (the intake sniffs the header). */
function pngOf(bytes: number): Uint8Array {
  const data = new Uint8Array(bytes);
  data.set(makePng(4, 4));
  return data;
}

const smallFiles = () => ({ file0: makePng(40, 120) });

/**
 * A report with these files as the extension sends it: its multipart body as bytes (so its size is
 * known, and node:http can send it too), with a fresh Idempotency-Key.
 */
async function reportBody(files: Record<string, Uint8Array>) {
  const form = new FormData();
  const attachments = Object.keys(files).map((part) => ({
    part,
    name: `${part}.png`,
    kind: 'file' as const,
  }));
  form.set('report', JSON.stringify(sampleReport({ attachments })));
  for (const [name, data] of Object.entries(files)) {
    form.set(name, new Blob([new Uint8Array(data)], { type: 'image/png' }), `${name}.png`);
  }
  const req = new Request('http://x/', { method: 'POST', body: form });
  const body = Buffer.from(await req.arrayBuffer());
  return {
    method: 'POST',
    body,
    headers: {
      'content-type': req.headers.get('content-type') as string,
      'idempotency-key': crypto.randomUUID(),
    } as Record<string, string>,
  };
}

/** The KEY line of every file in nginx's cache folder. */
function cacheKeys(folder: string): string[] {
  const keys: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
      return;
    }
    const key = /\nKEY: ([^\n]*)\n/.exec(readFileSync(path).toString('latin1'))?.[1];
    if (key) keys.push(key);
  };
  if (existsSync(folder)) walk(folder);
  return keys;
}
