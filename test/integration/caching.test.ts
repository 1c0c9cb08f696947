import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../status-server/platform/db.ts';
import { migrateToLatest } from '../../status-server/platform/migrations.ts';
import { POLL_MS, Snapshots } from '../../status-server/snapshot/snapshots.ts';
import * as status from '../../status-server/status/writes.ts';
import { loadPageData } from '../../status-server/store/page-data.ts';
import { pageRevision } from '../../status-server/store/page-state.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const cachedPaths = ['/', '/api/v2/summary.json', '/api/v2/status.json'];

describe.each(testDatabases())('caching on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
    await server.admin('POST', '/components', { name: 'Website' });
  });
  afterAll(() => server.stop());

  for (const path of cachedPaths) {
    it(`${path} answers 304 to a matching ETag or date, and 200 once something changed`, async () => {
      // Last-Modified has one-second resolution: the page last changed two seconds ago, so the
      // write below is later on a client's clock too, without waiting for one.
      await server.store.db
        .updateTable('page_state')
        .set({ updated_at: new Date(Date.now() - 2000).toISOString() })
        .execute();
      await server.snapshots.refresh();
      const first = await server.request(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag');
      const lastModified = first.headers.get('last-modified');
      expect(etag).toMatch(/^"[\w-]{22}"$/);
      expect(lastModified).toMatch(/GMT$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

      const byTag = await server.request(path, { headers: { 'if-none-match': etag as string } });
      expect(byTag.status).toBe(304);
      expect(await byTag.text()).toBe('');
      expect(byTag.headers.get('etag')).toBe(etag);

      const byDate = await server.request(path, { headers: { 'if-modified-since': lastModified as string } });
      expect(byDate.status).toBe(304);

      const otherTag = await server.request(path, { headers: { 'if-none-match': '"something-else"' } });
      expect(otherTag.status).toBe(200);

      await server.admin('POST', '/components', { name: `Added after ${path}` });
      const changed = await server.request(path, { headers: { 'if-none-match': etag as string } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      const changedByDate = await server.request(path, {
        headers: { 'if-modified-since': lastModified as string },
      });
      expect(changedByDate.status).toBe(200);
    });
  }

  it('sends the page and the API gzipped to clients that accept it, each encoding with its own ETag', async () => {
    for (const path of ['/', '/api/v2/summary.json']) {
      const plain = await server.request(path);
      const zipped = await server.request(path, { headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
      const bytes = Buffer.from(await zipped.arrayBuffer());
      expect(gunzipSync(bytes).toString()).toBe(await plain.text());
      expect(bytes.byteLength).toBeLessThan(Number(plain.headers.get('content-length')) / 2);
      expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
      const again = await server.request(path, {
        headers: { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.get('etag') as string },
      });
      expect(again.status).toBe(304);
      const refused = await server.request(path, { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
      expect(refused.headers.get('content-encoding')).toBeNull();
    }
  });

  it('shows an update on the page as soon as the admin API has answered', async () => {
    const incident = await server.admin('POST', '/incidents', {
      name: 'Checkout errors',
      message: 'Looking.',
    });
    expect(incident.status).toBe(201);
    const page = await (await server.request('/')).text();
    expect(page).toContain('Checkout errors');
    const summary = await (await server.request('/api/v2/summary.json')).json();
    expect(summary.incidents.map((i: { name: string }) => i.name)).toContain('Checkout errors');
  });

  it('answers refreshes that overlap builds, each with every write made before it', async () => {
    const calls = [];
    for (let i = 0; i < 6; i++) {
      await status.createComponent(server.store.db, { name: `Overlapping ${i}` });
      const revision = await pageRevision(server.store.db);
      calls.push(
        ...[1, 2, 3].map(() => server.snapshots.refresh().then((s) => ({ revision, seen: s.revision }))),
      );
    }
    const results = await Promise.all(calls);
    for (const r of results) expect(r.seen).toBeGreaterThanOrEqual(r.revision);
  });

  describe('a second server instance on the same database', () => {
    let other: { store: Store; snapshots: Snapshots } | undefined;
    afterAll(async () => {
      await other?.snapshots.stop();
      await other?.store.close();
    });

    it('picks up a write made elsewhere at its next poll', async () => {
      const store = openStore(server.config);
      const snapshots = new Snapshots(store, server.config);
      other = { store, snapshots };
      await snapshots.refresh();
      // Only the poll's timer is faked: the poll itself reads the real database.
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        snapshots.start();
        const before = snapshots.snapshot.revision;
        await status.createIncident(server.store.db, {
          name: 'Written by another instance',
          status: 'investigating',
          impact: 'minor',
          message: 'x',
          components: {},
        });
        vi.advanceTimersByTime(POLL_MS - 1);
        expect(snapshots.snapshot.revision).toBe(before);
        vi.advanceTimersByTime(1);
        await vi.waitFor(() => expect(snapshots.snapshot.revision).toBeGreaterThan(before), {
          timeout: 10_000,
        });
      } finally {
        vi.useRealTimers();
      }
      const summary = JSON.parse(
        Buffer.from(snapshots.snapshot.entries.get('/api/v2/summary.json')?.body ?? []).toString(),
      );
      expect(summary.incidents.map((i: { name: string }) => i.name)).toContain('Written by another instance');
    });
  });

  describe('the build on its own thread', () => {
    it('hands back the page data the database holds, read back on first use', async () => {
      await server.admin('POST', '/components', { name: 'Read back' });
      const s = server.snapshots.snapshot;
      expect(s.data).toEqual(await loadPageData(server.store.db, s.builtAt));
      expect(s.data.components.map((c) => c.name)).toContain('Read back');
      expect(s.v2.page.name).toBe('Acme Status');
    });

    it('builds the home page in each language asked for since, with every snapshot', async () => {
      const ru = { headers: { 'accept-language': 'ru' } };
      expect(server.snapshots.snapshot.entries.has('ru /')).toBe(false);
      expect(await (await server.request('/', ru)).text()).toContain('<html lang="ru">');
      await server.admin('POST', '/components', { name: 'Built in Russian' });
      const built = server.snapshots.snapshot.entries.get('ru /');
      expect(built).toBeDefined();
      const page = Buffer.from(built?.body ?? []).toString();
      expect(page).toContain('<html lang="ru">');
      expect(page).toContain('Built in Russian');
      expect(await (await server.request('/', ru)).text()).toBe(page);
    });

    it('reports a build that failed, and builds again once the cause is gone', async () => {
      const empty = await database.create();
      const config = { ...server.config, databaseUrl: empty.databaseUrl, sqlitePath: empty.sqlitePath };
      const store = openStore(config);
      const snapshots = new Snapshots(store, config);
      try {
        // Not migrated: the thread's first read finds no tables.
        await expect(snapshots.refresh()).rejects.toThrow(
          /^snapshot build failed: .*(no such table|does not exist)/s,
        );
        await migrateToLatest(store.db);
        expect((await snapshots.refresh()).revision).toBe(await pageRevision(store.db));
      } finally {
        await snapshots.stop();
        await store.close();
        await empty.drop();
      }
    });
  });
});

describe.skip.each(skippedDatabases())('caching on %s', () => {
  it('needs PostgreSQL', () => {});
});
