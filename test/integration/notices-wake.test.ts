import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createToken } from '../../status-server/auth/tokens.ts';
import { loadConfig } from '../../status-server/config.ts';
import { type Running, startServer } from '../../status-server/server.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';

/** Far longer than the test may run: a notice it sees delivered was fetched by a wake-up, not the idle poll. */
const IDLE_MS = 10 * 60_000;

describe.each(testDatabases())('notices of status writes on $name', (database) => {
  let running: Running;
  let hooks: HookReceiver;
  let token: string;
  let cleanUp: () => Promise<void>;
  beforeAll(async () => {
    const db = await database.create();
    const dataDir = mkdtempSync(join(tmpdir(), 'snapdesk-data-'));
    const config = {
      ...loadConfig({
        SNAPDESK_PUBLIC_URL: 'http://status.test',
        SNAPDESK_DATA_DIR: dataDir,
        SNAPDESK_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
      }),
      databaseUrl: db.databaseUrl,
      sqlitePath: db.sqlitePath,
    };
    hooks = await startHookReceiver();
    // The app's own worker, started by the test once there is something to deliver.
    running = await startServer(config, { startWorker: false, worker: { idleMs: IDLE_MS } });
    token = (await createToken(running.store.db, 'test')).token;
    cleanUp = async () => {
      await running.close();
      await hooks.stop();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(() => cleanUp());

  const admin = async (method: string, path: string, body: unknown) => {
    const res = await running.app.request(`http://status.test/api/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
    return res.json();
  };
  /** The incident updates each notice to `/team` carried, newest first. */
  const noticed = () =>
    hooks.deliveries
      .filter((d) => d.path === '/team')
      .map((d) => (JSON.parse(d.body) as { incident: { incident_updates: { body: string }[] } }).incident)
      .map((i) => i.incident_updates.map((u) => u.body));

  it('delivers an incident update’s notice at once, without waiting for the worker’s idle poll', {
    timeout: 60_000,
  }, async () => {
    const { component } = await admin('POST', '/components', { name: 'Payments' });
    const added = await admin('POST', '/subscriptions', { webhook_url: `${hooks.url}/team` });
    hooks.state.secrets.set('/team', added.secret);
    const { incident } = await admin('POST', '/incidents', {
      name: 'Payments degraded',
      message: 'Card payments fail.',
      components: { [component.id]: 'partial_outage' },
    });

    // The worker is asleep once it has set its long timer; after that only a wake-up sends it to the queue.
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      const sleeps = () => timers.mock.calls.filter(([, ms]) => ms === IDLE_MS).length;
      running.worker.start();
      // Its first look at the queue finds the incident's first notice.
      await vi.waitFor(
        () => {
          expect(noticed()).toEqual([['Card payments fail.']]);
          expect(sleeps()).toBe(1);
        },
        { timeout: 20_000 },
      );

      await admin('POST', `/incidents/${incident.id}/updates`, {
        status: 'monitoring',
        message: 'A fix is out; we are watching.',
      });
      await vi.waitFor(
        () => expect(noticed()).toContainEqual(['A fix is out; we are watching.', 'Card payments fail.']),
        { timeout: 20_000 },
      );
    } finally {
      timers.mockRestore();
    }
  });
});

describe.skip.each(skippedDatabases())('notices of status writes on %s', () => {
  it('needs PostgreSQL', () => {});
});
