import { browser } from 'wxt/browser';
import { fetchStatusBatch } from '../api/client.ts';
import { setBadgePart } from '../badge.ts';
import { chosenLocale } from '../language.ts';
import { loadSettings } from '../settings.ts';
import { db, type SentReport, updateSent } from '../store.ts';
import {
  applyBatch,
  batchKey,
  type NotificationWords,
  notificationId,
  notificationOf,
  referenceOfNotification,
  reportsPagePath,
  WATCH_PERIOD_MINUTES,
  waitingCount,
  watchedReferences,
} from './rules.ts';
import { notificationWords } from './words.ts';

const ALARM = 'requests';
const ETAG_KEY = 'requestsEtag';
/** Chrome wants an icon on every notification; Firefox shows it too. */
const ICON = '/icon/128.png';

/** The ETag of the last batched answer, and the references it was for. */
export interface KeptEtag {
  key: string;
  etag: string;
}

/** What a check needs from the browser and the server; a test passes its own. */
export interface WatchIo {
  now(): Date;
  serverUrl(): Promise<string>;
  readSent(): Promise<SentReport[]>;
  saveSent(reports: readonly SentReport[]): Promise<void>;
  readEtag(): Promise<KeptEtag | undefined>;
  saveEtag(kept: KeptEtag | undefined): Promise<void>;
  fetchBatch: typeof fetchStatusBatch;
  notify(id: string, content: { title: string; message: string }): Promise<void>;
  setWaiting(count: number): Promise<void>;
  /** On while a request is open, off (no calls at all) when none is. */
  setAlarm(on: boolean): Promise<void>;
  words(): Promise<NotificationWords>;
}

/**
 * One check: one batched call for every open request and those closed lately (none while nothing
 * is open), the store updated, a notification for each change the person has not muted, the badge's
 * count redrawn.
 */
export async function checkRequests(io: WatchIo): Promise<{ asked: boolean; notified: number }> {
  const sent = await io.readSent();
  const references = watchedReferences(sent, io.now());
  if (references.length === 0) {
    await Promise.all([io.setAlarm(false), io.setWaiting(waitingCount(sent))]);
    return { asked: false, notified: 0 };
  }
  const key = batchKey(references);
  const kept = await io.readEtag();
  const result = await io.fetchBatch(
    await io.serverUrl(),
    references,
    kept?.key === key ? kept.etag : undefined,
  );
  if (result.notModified) {
    await io.setWaiting(waitingCount(sent));
    return { asked: true, notified: 0 };
  }
  const { updated, changes } = applyBatch(sent, result.answer, io.now().toISOString());
  await io.saveSent(updated);
  await io.saveEtag(result.etag ? { key, etag: result.etag } : undefined);
  if (changes.length) {
    const words = await io.words();
    for (const change of changes)
      await io.notify(notificationId(change.reference), notificationOf(change, words));
  }
  const now = await io.readSent();
  await Promise.all([
    io.setWaiting(waitingCount(now)),
    io.setAlarm(watchedReferences(now, io.now()).length > 0),
  ]);
  return { asked: true, notified: changes.length };
}

/** The browser's side of a check. */
export const browserIo: WatchIo = {
  now: () => new Date(),
  serverUrl: async () => (await loadSettings()).serverUrl,
  readSent: async () => (await db()).getAll('sent'),
  async saveSent(reports) {
    // The bell is the person's: pressed while the check ran, it stays as they left it.
    for (const report of reports)
      await updateSent(report.reference, (stored) => ({ ...report, muted: stored.muted }));
  },
  readEtag: async () => (await browser.storage.local.get(ETAG_KEY))[ETAG_KEY] as KeptEtag | undefined,
  saveEtag: async (kept) =>
    kept ? browser.storage.local.set({ [ETAG_KEY]: kept }) : browser.storage.local.remove(ETAG_KEY),
  fetchBatch: fetchStatusBatch,
  notify: async (id, { title, message }) => {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title,
      message,
    });
  },
  setWaiting: (count) => setBadgePart('waiting', count),
  setAlarm: async (on) => {
    if (!on) {
      await browser.alarms.clear(ALARM);
    } else if (!(await browser.alarms.get(ALARM))) {
      await browser.alarms.create(ALARM, { periodInMinutes: WATCH_PERIOD_MINUTES });
    }
  },
  words: async () => notificationWords(await chosenLocale()),
};

let running: Promise<unknown> | undefined;

/** A check now; calls made together (the alarm and a start-up) share one. */
export function checkNow(io: WatchIo = browserIo): Promise<unknown> {
  running ??= checkRequests(io)
    .catch((err: Error) => console.warn('Snapdesk: requests could not be checked:', err.message))
    .finally(() => {
      running = undefined;
    });
  return running;
}

/** A report was sent: its request is followed from the next minute on. */
export function startWatching(): Promise<void> {
  return browserIo.setAlarm(true);
}

/** The background's one line: the alarm, a click on a notification, and the browser's start. */
export function registerRequestWatch(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void checkNow();
  });
  browser.notifications.onClicked.addListener((id) => {
    const reference = referenceOfNotification(id);
    if (!reference) return;
    void browser.notifications.clear(id);
    void browser.tabs.create({ url: browser.runtime.getURL(reportsPagePath(reference)) });
  });
  // An alarm may not outlive a browser restart or an update; a check sets it again when needed.
  browser.runtime.onStartup.addListener(() => void checkNow());
  browser.runtime.onInstalled.addListener(() => void checkNow());
}
