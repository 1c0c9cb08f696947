import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIncidentWatcher,
  INCIDENTS_ALARM,
  type WatchState,
} from '../../extension/lib/incidents/run.ts';
import type { Change } from '../../extension/lib/incidents/watch.ts';
import type { Settings } from '../../extension/lib/settings.ts';
import { testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/**
 * The extension's incident watcher against the real status server (in-process, on SQLite), with
 * the browser's parts given as plain objects: what it asks, what it tells, and what it costs.
 */
describe('the incident watcher with a real status server', () => {
  let server: TestServer;
  let shopId: string;
  let incidentId: string;

  const settings: Settings = {
    serverUrl: 'http://status.test',
    incidentAlerts: 'sites',
    incidentIntervalMinutes: 2,
  };
  let tabs = ['https://eu.shop.example.com/cart'];
  let state: WatchState | undefined;
  const told: Change[] = [];
  const answers: number[] = [];
  let badge = -1;
  const alarms = new Map<string, { periodInMinutes?: number }>();
  let alarmsMade = 0;

  const watcher = () =>
    createIncidentWatcher({
      settings: async () => settings,
      fetch: async (url, init) => {
        const res = await server.request(new URL(url).pathname, init);
        answers.push(res.status);
        return res;
      },
      readState: async () => structuredClone(state),
      writeState: async (next) => {
        state = structuredClone(next);
      },
      activeTabUrls: async () => tabs,
      sentReports: async () => [],
      notify: async (change) => {
        told.push(change);
      },
      setBadge: async (count) => {
        badge = count;
      },
      alarms: {
        get: async (name) => alarms.get(name),
        create: async (name, info) => {
          alarmsMade++;
          alarms.set(name, info);
        },
        clear: async (name) => alarms.delete(name),
      },
      now: () => Date.now(),
    });

  beforeAll(async () => {
    // The watcher runs in the browser; which database the server uses is no concern of it.
    const sqlite = testDatabases().find((d) => d.name === 'sqlite');
    if (!sqlite) throw new Error('no SQLite test database');
    server = await startTestServer(sqlite);
    shopId = (
      await (await server.admin('POST', '/components', { name: 'Shop', hosts: ['shop.example.com'] })).json()
    ).component.id;
    await server.admin('POST', '/components', { name: 'Blog', hosts: ['blog.example.com'] });
  });
  afterAll(() => server.stop());

  it('a quiet server costs one 304 a check once the summary is known, and tells nothing', async () => {
    const w = watcher();
    await w.check();
    await w.check();
    await w.check();
    expect(answers).toEqual([200, 304, 304]);
    expect(told).toEqual([]);
    expect(badge).toBe(0);
    // The alarm is made once: making it again on every check would restart its clock.
    expect(alarms.get(INCIDENTS_ALARM)).toMatchObject({ periodInMinutes: 2 });
    expect(alarmsMade).toBe(1);
  });

  it('an incident on the tab’s site is told once, with the badge', async () => {
    incidentId = (
      await (
        await server.admin('POST', '/incidents', {
          name: 'Checkout fails',
          message: 'Payments time out.',
          components: { [shopId]: 'partial_outage' },
        })
      ).json()
    ).incident.id;
    const w = watcher();
    await w.check();
    expect(told.map((c) => [c.kind, c.name, c.where])).toEqual([
      ['started', 'Checkout fails', ['eu.shop.example.com']],
    ]);
    expect(told[0]?.url).toBe(`http://status.test/incidents/${incidentId}`);
    expect(badge).toBe(1);
    await w.check();
    expect(answers.slice(-2)).toEqual([200, 304]);
    expect(told).toHaveLength(1);
  });

  it('switching tabs decides again from what is stored, without asking the server', async () => {
    const w = watcher();
    const asked = answers.length;
    tabs = ['https://blog.example.com/'];
    await w.reevaluate();
    expect(badge).toBe(0);
    tabs = ['https://shop.example.com/'];
    await w.reevaluate();
    expect(badge).toBe(1);
    expect(answers.length).toBe(asked);
    expect(told).toHaveLength(1);
  });

  it('an update and the end are told, the end even while the person works elsewhere', async () => {
    await server.admin('POST', `/incidents/${incidentId}/updates`, {
      status: 'identified',
      message: 'The payment provider is slow.',
    });
    const w = watcher();
    await w.check();
    expect(told.at(-1)).toMatchObject({
      kind: 'updated',
      incident: { latest: 'The payment provider is slow.' },
    });

    tabs = ['https://blog.example.com/'];
    await server.admin('POST', `/incidents/${incidentId}/resolve`, {});
    await w.check();
    expect(told.at(-1)).toMatchObject({ kind: 'resolved', name: 'Checkout fails' });
    expect(told).toHaveLength(3);
    expect(badge).toBe(0);
  });

  it('turned off, it stops its alarm, forgets, and asks the server nothing', async () => {
    const w = watcher();
    const asked = answers.length;
    settings.incidentAlerts = 'off';
    await w.check();
    await w.reevaluate();
    expect(answers.length).toBe(asked);
    expect(alarms.has(INCIDENTS_ALARM)).toBe(false);
    expect(state).toBeUndefined();
    expect(badge).toBe(0);
  });

  it('on chosen components, an incident there is told wherever the person works', async () => {
    settings.incidentAlerts = 'components';
    settings.incidentComponents = [shopId];
    settings.incidentIntervalMinutes = 5;
    await server.admin('POST', '/incidents', {
      name: 'Shop slow',
      message: 'Pages load slowly.',
      components: { [shopId]: 'degraded_performance' },
    });
    await watcher().check();
    expect(told.at(-1)).toMatchObject({ kind: 'started', name: 'Shop slow', where: ['Shop'] });
    expect(alarms.get(INCIDENTS_ALARM)).toMatchObject({ periodInMinutes: 5 });
  });
});
