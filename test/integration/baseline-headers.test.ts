import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OTHER_POLICY, PAGE_POLICY } from '../../status-server/platform/http/headers.ts';
import { consoleClient, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** What every response must carry, whoever built it. */
function expectBaseline(res: Response, what: string) {
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  expect(res.headers.get('referrer-policy'), what).toBeTruthy();
  if (res.status !== 304) {
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy, what).toMatch(/\bframe-ancestors 'none'|\bsandbox\b/);
  }
}

describe.each(testDatabases())('baseline response headers on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    // One intake request at once, so the second is refused with a 429.
    server = await startTestServer(database, { SNAPDESK_INTAKE_PER_MINUTE: '1' });
  });
  afterAll(() => server.stop());

  it('are on the generic 404 page, with the default page policy', async () => {
    const res = await server.request('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectBaseline(res, '404 page');
    expect(res.headers.get('content-security-policy')).toBe(PAGE_POLICY);
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('are on API error JSON: an unknown endpoint, a 400 and a 429', async () => {
    const unknown = await server.request('/api/no-such-endpoint');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    expectBaseline(unknown, 'API 404');
    expect(unknown.headers.get('content-security-policy')).toBe(DEFAULT_OTHER_POLICY);

    const bad = await server.admin('POST', '/groups', { name: 42 });
    expect(bad.status).toBe(400);
    expectBaseline(bad, 'admin 400');

    // Without an Idempotency-Key: a 400 that uses up the one request the limit allows.
    const first = await server.request('/api/reports', { method: 'POST' });
    expect(first.status).toBe(400);
    expectBaseline(first, 'intake 400');
    const limited = await server.request('/api/reports', { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectBaseline(limited, 'intake 429');

    const unauthorised = await server.request('/api/admin/groups', { method: 'POST' });
    expect(unauthorised.status).toBe(401);
    expectBaseline(unauthorised, 'admin 401');
  });

  it('are on normal pages and API answers, which keep their own stricter policies', async () => {
    const home = await server.request('/');
    expect(home.status).toBe(200);
    expectBaseline(home, 'home');
    // The public page's own policy and referrer policy, not the default's.
    expect(home.headers.get('content-security-policy')).toContain("img-src 'self' data:");
    expect(home.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');

    const notModified = await server.request('/', {
      headers: { 'if-none-match': home.headers.get('etag') ?? '' },
    });
    expect(notModified.status).toBe(304);
    expectBaseline(notModified, 'home 304');

    const status = await server.request('/api/v2/status.json');
    expect(status.status).toBe(200);
    expectBaseline(status, 'v2 status');
    expect(status.headers.get('access-control-allow-origin')).toBe('*');

    const subscribe = await server.request('/subscribe');
    expectBaseline(subscribe, 'subscribe page');
    expect(subscribe.headers.get('referrer-policy')).toBe('no-referrer');

    const login = await consoleClient(server).get('/console/login');
    expect(login.status).toBe(200);
    expectBaseline(login, 'console login');
    // The console's images come from here only, never data: URLs.
    expect(login.headers.get('content-security-policy')).toContain("img-src 'self';");
    expect(login.headers.get('referrer-policy')).toBe('same-origin');

    const client = await signedIn(server);
    const report = await insertReport(server.store, { images: 1 });
    const image = await client.get(`/console/reports/${report.reference}/attachments/0`);
    expect(image.status).toBe(200);
    expectBaseline(image, 'attachment');
    expect(image.headers.get('content-security-policy')).toBe('sandbox');
  });
});

describe.skip.each(skippedDatabases())('baseline response headers on %s', () => {
  it('needs PostgreSQL', () => {});
});
