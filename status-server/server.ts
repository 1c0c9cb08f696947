import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.ts';
import { type BadgeServer, badgePath, badgeServer } from './badges/serve.ts';
import type { Config } from './config.ts';
import { enabledConnectors, FORWARD_JOB } from './connectors/config.ts';
import { type RedminePoller, redminePoller } from './connectors/redmine/poll.ts';
import { noticeHandlers } from './notices/deliver.ts';
import { openStore, type Store } from './platform/db.ts';
import { corsAnswer } from './platform/http/cors.ts';
import { FrontLaneServer } from './platform/http/front-lane.ts';
import { acceptedLocale } from './platform/http/locale.ts';
import { Worker, type WorkerOptions } from './platform/jobs/worker.ts';
import { createMailer, type Mailer } from './platform/mail.ts';
import { migrateToLatest } from './platform/migrations.ts';
import { forwardingHandler } from './reports/forwarding.ts';
import { eventFileUrlFor, REQUEST_EVENT_JOB, requestEventHandler } from './requests/events.ts';
import { REPORTER_MAIL_JOB, reporterMailHandler } from './requests/reporter-mail.ts';
import { sweepExpired } from './requests/service.ts';
import { statusCall } from './requests/status-call.ts';
import { statusLane } from './requests/status-lane.ts';
import { API_V2, API_V2_PATHS } from './routes/api-v2.ts';
import { attachmentUrlFor, EXTENSION_CORS } from './routes/reports.ts';
import { type EntryFor, snapshotFront, snapshotLane } from './snapshot/fast-lane.ts';
import { Snapshots } from './snapshot/snapshots.ts';
import { type StatusService, statusService } from './status/service.ts';

/** How often resolved requests past their window are closed: a window is days, so minutes are plenty. */
const SWEEP_MS = 10 * 60_000;

export interface Running {
  store: Store;
  snapshots: Snapshots;
  /** Status writes: each refreshes the snapshot and wakes the worker once committed. */
  status: StatusService;
  mailer: Mailer;
  /** Delivers queued work: reports to the help desk, notices to subscribers. */
  worker: Worker;
  /** Follows the Redmine issues of forwarded reports, when the Redmine connector is configured. */
  redminePoller: RedminePoller | undefined;
  /** The badges, for the app's routes and the listener's fast lane alike. */
  badges: BadgeServer;
  /** The batched status call, answered by the listener before routing (requests/status-lane.ts). */
  statusLane: (req: IncomingMessage, res: ServerResponse) => boolean;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/**
 * Opens the store, migrates it, builds the first snapshot and starts the delivery worker: everything
 * but listening. `startWorker: false` leaves the queue to another process (and to tests that drive it);
 * `worker` overrides the worker's options. `pollRedmine: false` leaves the Redmine poll to others (or
 * to a test that calls its `tick`); by default it follows `startWorker`.
 */
export async function startServer(
  config: Config,
  options: { startWorker?: boolean; worker?: WorkerOptions; pollRedmine?: boolean } = {},
): Promise<Running> {
  const store = openStore(config);
  await migrateToLatest(store.db);
  const snapshots = new Snapshots(store, config);
  await snapshots.refresh();
  snapshots.start();
  const f = config.forwarding;
  const mailer = createMailer({ smtp: f.smtp, from: f.mailFrom, dataDir: config.dataDir });
  const connectorDeps = {
    store,
    forwarding: f,
    publicUrl: config.publicUrl,
    mailer,
    attachmentUrl: await attachmentUrlFor({ store, config }),
    helpdeskLocale: config.helpdeskLocale,
  };
  const worker = new Worker(
    store,
    {
      [FORWARD_JOB]: forwardingHandler(connectorDeps),
      // The reporter's answers, confirmations and reopenings, to the tickets forwarding made.
      [REQUEST_EVENT_JOB]: requestEventHandler({
        ...connectorDeps,
        eventFileUrl: await eventFileUrlFor(store.db, config.publicUrl),
      }),
      ...noticeHandlers({ store, config, subscriptions: config.subscriptions, mailer }),
      [REPORTER_MAIL_JOB]: reporterMailHandler({ store, config, mailer }),
    },
    // A fan-out queues a notice per subscriber: claiming hundreds at a time keeps the pool busy.
    { batch: 500, leaseMs: config.jobLeaseMs, ...options.worker },
  );
  if (options.startWorker !== false) worker.start();
  // Resolved requests past the reopen window close themselves. Reading one closes it at once
  // (requests/store.ts); this sweep closes those nobody reads, so lists and counts agree. Each close
  // is a guarded write under the report's lock, so servers sharing a database may all sweep.
  const sweep =
    options.startWorker === false
      ? undefined
      : setInterval(() => {
          sweepExpired({ db: store.db, config }).catch((err) =>
            console.error('closing resolved requests past their window failed:', err),
          );
        }, SWEEP_MS);
  sweep?.unref();
  // Every server may run the poller: a lease in the database lets one poll at a time.
  const poller = f.redmine
    ? redminePoller({ store, cfg: f.redmine, reopenWindowMs: config.reopenWindowMs })
    : undefined;
  if (options.pollRedmine ?? options.startWorker !== false) poller?.start();
  const status = statusService({ store, snapshots, wake: () => worker.wake(), locale: config.defaultLocale });
  const badges = badgeServer(snapshots, config);
  const statusCalls = statusCall({ store, config });
  const app = createApp({
    statusCall: statusCalls,
    config,
    badges,
    store,
    snapshots,
    status,
    connectors: enabledConnectors(f),
    onQueued: () => worker.wake(),
  });
  return {
    store,
    snapshots,
    status,
    mailer,
    worker,
    redminePoller: poller,
    badges,
    statusLane: statusLane(statusCalls, { trustProxy: config.trustProxy, cors: corsAnswer(EXTENSION_CORS) }),
    app,
    async close() {
      clearInterval(sweep);
      await poller?.stop();
      await worker.stop();
      await snapshots.stop();
      mailer.close();
      await store.close();
    },
  };
}

/** A component's badge path as the router takes it: the id between, decoded, and the format. */
const COMPONENT_BADGE = /^\/components\/([^/?]+)\/badge\.(svg|json)(?:\?|$)/;
const API_V2_URLS = new Set(API_V2_PATHS.map((p) => `${API_V2}${p}`));

/**
 * What the lanes answer: the home page as most visitors ask for it (no query and no cookie, which may
 * name a language: the router reads those), in the language their browser asks for; the API v2 paths
 * as asked (a query string goes to the router); and the badges with any query (READMEs embed them
 * with `?style=` and such), from the same badge server as the router's. Nothing before the first
 * snapshot.
 */
function laneEntries(running: Pick<Running, 'snapshots' | 'badges'>): EntryFor {
  return (url, headers) => {
    const snapshot = running.snapshots.latest;
    if (!snapshot) return undefined;
    if (url === '/') {
      const language = headers['accept-language'];
      if (headers.cookie !== undefined || Array.isArray(language)) return undefined;
      return running.snapshots.home(acceptedLocale(language, snapshot.locale));
    }
    if (API_V2_URLS.has(url)) return snapshot.entries.get(url);
    for (const format of ['svg', 'json'] as const) {
      const path = badgePath(format, { kind: 'page' });
      if (url === path || url.startsWith(`${path}?`)) {
        return running.badges(format, { kind: 'page' }, url);
      }
    }
    const component = COMPONENT_BADGE.exec(url);
    if (!component) return undefined;
    let id: string;
    try {
      id = decodeURIComponent(component[1] as string);
    } catch {
      return undefined; // the router answers a malformed path
    }
    return running.badges(component[2] as 'svg' | 'json', { kind: 'component', id }, url);
  };
}

/**
 * Serves a started server over HTTP: the hot public GETs from entries built ahead, in front of
 * node:http's parser while a connection asks only for them and before routing once it has asked for
 * something else (snapshot/fast-lane.ts); the batched status call before routing
 * (requests/status-lane.ts); everything else through the app. The one way every entry point listens.
 */
export function listen(
  running: Pick<Running, 'app' | 'snapshots' | 'badges' | 'statusLane'>,
  at: { port: number; hostname: string },
  onListening?: (address: AddressInfo) => void,
): Server {
  const entries = laneEntries(running);
  const lane = snapshotLane(entries);
  const app = getRequestListener(running.app.fetch, { hostname: at.hostname });
  const server = new FrontLaneServer((req, res) => {
    if (!lane(req, res) && !running.statusLane(req, res)) void app(req, res);
  }, snapshotFront(entries));
  server.listen(at.port, at.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}
