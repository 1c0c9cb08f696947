import { z } from 'zod';
import { webHost } from '../../../shared/hosts.ts';
import { v2Summary } from '../../../shared/schemas/api-v2.ts';
import type { Settings } from '../settings.ts';
import { type Change, decide, type Interest, incidentsOf, toldIncident, watchedIncident } from './watch.ts';

/** A report sent this long ago still makes its site one the person works on. */
const REPORTED_SITE_DAYS = 90;
/** The alarm that asks the server's summary again. */
export const INCIDENTS_ALARM = 'incidents';
/** Long enough for a slow server; a check that fails is simply tried at the next alarm. */
const FETCH_TIMEOUT_MS = 10_000;

/** Where the watcher's state is kept in local storage (My reports reads it too). */
export const WATCH_STATE_KEY = 'incidentWatch';

/** What the watcher keeps between checks (in local storage: a restart does not tell the person again). */
export const watchState = z.object({
  /** The server these incidents come from: another server starts afresh. */
  server: z.string(),
  etag: z.string().optional(),
  checkedAt: z.string().optional(),
  incidents: z.array(watchedIncident),
  /** What the person was told, by incident id (My reports marks these as theirs). */
  told: z.record(z.string(), toldIncident),
});
export type WatchState = z.infer<typeof watchState>;

interface AlarmCalls {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): Promise<void>;
  clear(name: string): Promise<unknown>;
}

/** The browser as the watcher uses it, passed in so tests can give their own. */
export interface WatcherDeps {
  settings(): Promise<Settings>;
  fetch(url: string, init: RequestInit): Promise<Response>;
  readState(): Promise<unknown>;
  writeState(state: WatchState | undefined): Promise<void>;
  /** The addresses of the tabs in front of the person (the active tab of each window). */
  activeTabUrls(): Promise<string[]>;
  /** The page addresses and times of the reports this browser sent. */
  sentReports(): Promise<{ pageUrl: string; sentAt: string }[]>;
  notify(change: Change): Promise<void>;
  setBadge(count: number): Promise<void>;
  alarms: AlarmCalls;
  now(): number;
}

export interface IncidentWatcher {
  /** Asks the server's summary (one 304 when nothing changed), then decides. */
  check(): Promise<void>;
  /** Decides again from the stored summary, without the network (the person switched tabs). */
  reevaluate(): Promise<void>;
}

export function createIncidentWatcher(deps: WatcherDeps): IncidentWatcher {
  // One decision at a time: a tab switch during a check must not tell the person twice.
  let queue: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>) => {
    const run = queue.then(work, work);
    queue = run.catch((err: Error) => console.warn('Snapdesk incident watcher:', err.message));
    return queue;
  };

  const stored = async (server: string): Promise<WatchState> => {
    const parsed = watchState.safeParse(await deps.readState());
    if (parsed.success && parsed.data.server === server) return parsed.data;
    return { server, incidents: [], told: {} };
  };

  /** The alarm is made again only when missing or of another period: making it anew restarts its clock. */
  const ensureAlarm = async (minutes: number) => {
    const alarm = await deps.alarms.get(INCIDENTS_ALARM);
    if (alarm?.periodInMinutes !== minutes)
      await deps.alarms.create(INCIDENTS_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
  };

  const interestOf = async (settings: Settings): Promise<Interest> => {
    const mode = settings.incidentAlerts ?? 'sites';
    if (mode === 'off') return { mode };
    if (mode === 'components') return { mode, ids: settings.incidentComponents ?? [] };
    const since = deps.now() - REPORTED_SITE_DAYS * 86_400_000;
    const [tabs, sent] = await Promise.all([deps.activeTabUrls(), deps.sentReports()]);
    const reported = sent.filter((r) => Date.parse(r.sentAt) >= since).map((r) => r.pageUrl);
    const hosts = [...tabs, ...reported].flatMap((url) => webHost(url) ?? []);
    return { mode, hosts: [...new Set(hosts)] };
  };

  const decideAndTell = async (settings: Settings, state: WatchState) => {
    const { changes, told, touching } = decide(state.told, state.incidents, await interestOf(settings));
    await deps.writeState({ ...state, told });
    for (const change of changes) await deps.notify(change);
    await deps.setBadge(touching.length);
  };

  const stop = async () => {
    await deps.alarms.clear(INCIDENTS_ALARM);
    await deps.writeState(undefined);
    await deps.setBadge(0);
  };

  /** Also what a change of settings calls: it starts, moves or stops the alarm. */
  const check = async () => {
    const settings = await deps.settings();
    if ((settings.incidentAlerts ?? 'sites') === 'off') return stop();
    await ensureAlarm(settings.incidentIntervalMinutes ?? 2);
    const state = await stored(settings.serverUrl);
    try {
      const res = await deps.fetch(`${settings.serverUrl}/api/v2/summary.json`, {
        headers: state.etag ? { 'If-None-Match': state.etag } : {},
        // The browser's cache would answer from its own copy or add its own validators; the stored
        // ETag is the one that matters, and a 304 must reach this code.
        cache: 'no-store',
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (res.status === 200) {
        const summary = v2Summary.parse(await res.json());
        state.incidents = incidentsOf(summary);
        state.etag = res.headers.get('etag') ?? undefined;
      } else if (res.status !== 304) {
        throw new Error(`the server answered ${res.status}`);
      }
      state.checkedAt = new Date(deps.now()).toISOString();
    } catch (err) {
      // What was known stays: the person is told nothing new until the server answers again.
      console.warn('Snapdesk: incidents could not be checked:', (err as Error).message);
    }
    await decideAndTell(settings, state);
  };

  const reevaluate = async () => {
    const settings = await deps.settings();
    if ((settings.incidentAlerts ?? 'sites') === 'off') return;
    const state = await stored(settings.serverUrl);
    // Nothing fetched yet for this server (a new address): the next check decides.
    if (!state.checkedAt) return;
    await decideAndTell(settings, state);
  };

  return {
    check: () => serial(check),
    reevaluate: () => serial(reevaluate),
  };
}
