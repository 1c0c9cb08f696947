import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestStartFirst } from '../../status-server/domain/order.ts';
import * as status from '../../status-server/status/writes.ts';
import { type ConsoleClient, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** Names in the order they first appear in a text (a page, a feed). */
const orderIn = (text: string, names: string[]) =>
  names
    .map((name) => ({ name, at: text.indexOf(name) }))
    .filter((n) => n.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((n) => n.name);

/**
 * Rows written in the same millisecond: imports, scripts and busy moments do it. Every list sorted
 * by time must still read the same on every load, in SQL and in JavaScript alike.
 */
describe.each(testDatabases())('lists sorted by time, with ties, on $name', (database) => {
  let server: TestServer;
  let client: ConsoleClient;
  beforeAll(async () => {
    server = await startTestServer(database);
    client = await signedIn(server);
  });
  afterAll(() => server.stop());

  it('the inbox puts the report stored later first when two arrive in one millisecond', async () => {
    const at = '2026-03-04T10:15:30.123Z';
    const deadline = '2026-03-04T14:15:30.123Z';
    const host = 'same-ms.test';
    // Numbers of different lengths: text order would put SD-10000 before SD-9999.
    for (const reference of ['SD-9999', 'SD-10000', 'SD-10001']) {
      await insertReport(server.store, {
        reference,
        page_host: host,
        received_at: at,
        deadline_at: deadline,
      });
    }
    const references = async (query: string) => {
      const page = await (await client.get(`/console?host=${host}${query}`)).text();
      return [...page.matchAll(/>(SD-\d+)<\/a>/g)].map((m) => m[1]);
    };
    for (let load = 0; load < 3; load++) {
      expect(await references('')).toEqual(['SD-10001', 'SD-10000', 'SD-9999']);
      // By deadline, the one that has waited longest first.
      expect(await references('&sort=deadline')).toEqual(['SD-9999', 'SD-10000', 'SD-10001']);
    }
  });

  it('incidents that started and were created in one millisecond keep one order everywhere', async () => {
    const names = ['Tie A', 'Tie B', 'Tie C', 'Tie D'];
    // A second ago, so the first history page lists them.
    const same = new Date(Date.now() - 1000).toISOString();
    const ids: string[] = [];
    for (const name of names) {
      const id = await status.createIncident(server.store.db, {
        name,
        status: 'investigating',
        impact: 'minor',
        message: `${name} began.`,
        components: {},
        started_at: same,
      });
      ids.push(id);
    }
    // As an import would write them: one start, one creation time, one last change.
    await server.store.db
      .updateTable('incidents')
      .set({ created_at: same, updated_at: same })
      .where('id', 'in', ids)
      .execute();
    await server.store.db
      .updateTable('incident_updates')
      .set({ created_at: same })
      .where('incident_id', 'in', ids)
      .execute();
    await server.snapshots.refresh();

    const records = ids.map((id, i) => ({
      id,
      name: names[i] as string,
      started_at: same,
      created_at: same,
    }));
    const expected = [...records].sort(latestStartFirst).map((r) => r.name);

    const v2 = async (path: string) =>
      ((await (await server.request(path)).json()).incidents as { name: string }[])
        .map((i) => i.name)
        .filter((n) => names.includes(n));
    const texts = async (path: string) => orderIn(await (await server.request(path)).text(), names);
    for (let load = 0; load < 3; load++) {
      expect(await v2('/api/v2/incidents.json')).toEqual(expected);
      expect(await v2('/api/v2/incidents/unresolved.json')).toEqual(expected);
      expect(await v2('/api/v2/summary.json')).toEqual(expected);
      expect(await texts('/history')).toEqual(expected);
      expect(await texts('/history.atom')).toEqual(expected);
      expect(await texts('/history.rss')).toEqual(expected);
      expect(orderIn(await (await client.get('/console/incidents')).text(), names)).toEqual(expected);
    }
  });
});

describe.skip.each(skippedDatabases())('lists sorted by time, with ties, on %s', () => {
  it('needs PostgreSQL', () => {});
});
