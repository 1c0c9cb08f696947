import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureServer,
  type ExtensionBrowser,
  launchWithExtension,
  type StatusServer,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';

/** The extension API as the callbacks below see it: they run in the extension's service worker. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
};

interface Seen {
  path: string;
  status: number;
  ifNoneMatch?: string;
}

/** Passes every request on to the status server and notes what the extension asked and got. */
async function countingProxy(target: string): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        seen.push({
          path: req.url ?? '',
          status: answer.statusCode ?? 0,
          ifNoneMatch: req.headers['if-none-match'],
        });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  const port = await new Promise<number>((r) =>
    server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

interface StoredWatch {
  etag?: string;
  checkedAt?: string;
  told: Record<string, { where: string[] }>;
}

describe('incident alerts where the person works', () => {
  let site: Awaited<ReturnType<typeof servePages>>;
  let server: StatusServer;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let b: ExtensionBrowser;
  let componentId: string;

  const stored = () =>
    b.worker.evaluate(async () => (await chrome.storage.local.get('incidentWatch')).incidentWatch) as Promise<
      StoredWatch | undefined
    >;
  const badge = () => b.worker.evaluate(() => chrome.action.getBadgeText({}));
  const notifications = () => b.worker.evaluate(() => chrome.notifications.getAll());
  const summaries = () => proxy.seen.filter((s) => s.path === '/api/v2/summary.json');
  /** What the alarm does when it fires, now: the alarm made due at once, as the browser would fire it. */
  const checkNow = async () => {
    const before = (await stored())?.checkedAt;
    await b.worker.evaluate(() => chrome.alarms.create('incidents', { when: Date.now() }));
    await expect.poll(async () => (await stored())?.checkedAt, { timeout: 15_000 }).not.toBe(before);
  };

  beforeAll(async () => {
    site = await servePages();
    server = await startStatusServer();
    proxy = await countingProxy(server.url);
    // The test's site is served from 127.0.0.1: the component serves that host.
    componentId = (await server.admin('/components', { name: 'Test shop', hosts: ['127.0.0.1'] })).component
      .id;
    b = await launchWithExtension();
    await configureServer(b, proxy.url);
  });
  afterAll(async () => {
    await b?.close();
    await proxy?.close();
    await server?.close();
    await site?.close();
  });

  it('an idle check costs one 304 with the stored ETag', async () => {
    // Setting the server starts the watcher with a first check.
    await expect.poll(async () => (await stored())?.etag, { timeout: 15_000 }).toBeTruthy();
    const etag = (await stored())?.etag;
    const asked = summaries().length;
    await checkNow();
    expect(summaries().slice(asked)).toEqual([
      { path: '/api/v2/summary.json', status: 304, ifNoneMatch: etag },
    ]);
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('');
  });

  it('an incident declared for the active tab’s host raises a notification and the badge', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/tall.html`);
    await page.bringToFront();
    const incident = (
      await server.admin('/incidents', {
        name: 'Checkout fails on the test shop',
        message: 'Payments time out.',
        impact: 'major',
        components: { [componentId]: 'major_outage' },
      })
    ).incident;

    await checkNow();
    const noticeId = `snapdesk-incident ${server.url}/incidents/${incident.id}`;
    await expect.poll(notifications, { timeout: 15_000 }).toEqual({ [noticeId]: true });
    await expect.poll(badge, { timeout: 15_000 }).toBe('!');
    expect((await stored())?.told[incident.id]?.where).toEqual(['127.0.0.1']);

    // My reports lists it as one of the person's; in front, the badge follows the tab, from storage.
    const asked = proxy.seen.length;
    const reports = await b.context.newPage();
    await reports.goto(`chrome-extension://${b.extensionId}/reports.html`);
    await reports.bringToFront();
    await expect(reports.getByTestId('current-incident-0').textContent()).resolves.toContain(
      'Checkout fails on the test shop',
    );
    await reports.getByTestId('current-incident-yours-0').waitFor();
    await expect.poll(badge, { timeout: 15_000 }).toBe('');
    await page.bringToFront();
    await expect.poll(badge, { timeout: 15_000 }).toBe('!');
    expect(proxy.seen.length).toBe(asked);
    await reports.close();

    await server.admin(`/incidents/${incident.id}/resolve`, {});
    await checkNow();
    await expect.poll(badge, { timeout: 15_000 }).toBe('');
    expect((await stored())?.told).toEqual({});
    await page.close();
  });
  it('the options choose components from the server’s list and an interval of at least a minute', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.getByTestId('options-incidentAlerts-components').check();
    await options.getByTestId(`options-component-${componentId}`).check();
    await options.getByTestId('options-incidentIntervalMinutes').fill('0');
    await options.getByTestId('options-save').click();
    await options.getByTestId('error-options-incidentIntervalMinutes').waitFor();

    await options.getByTestId('options-incidentIntervalMinutes').fill('5');
    await options.getByTestId('options-save').click();
    await options.getByTestId('options-saved').filter({ hasText: /\S/ }).waitFor();
    const settings = await b.worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings,
    );
    expect(settings).toMatchObject({
      incidentAlerts: 'components',
      incidentComponents: [componentId],
      incidentIntervalMinutes: 5,
    });
    // The watcher follows the new settings: its alarm now comes every five minutes.
    await expect
      .poll(() => b.worker.evaluate(async () => (await chrome.alarms.get('incidents'))?.periodInMinutes), {
        timeout: 15_000,
      })
      .toBe(5);
    await options.close();
  });
});
