import { browser } from 'wxt/browser';
import { isWebUrl } from '../api/client.ts';
import { setBadgePart } from '../badge.ts';
import { chosenLocale } from '../language.ts';
import { loadSettings } from '../settings.ts';
import { db } from '../store.ts';
import { noticeOf } from './notice.ts';
import { createIncidentWatcher, INCIDENTS_ALARM, WATCH_STATE_KEY } from './run.ts';

/** Notifications of incidents carry the incident page's address in their id; a click opens it. */
const NOTICE_PREFIX = 'snapdesk-incident ';

/**
 * Watches the server's incidents for the person: on the alarm, when the browser starts or the
 * extension is installed, when the settings change; and decides again, without the network, when
 * the tab in front of them changes or navigates. Call once, from the background's start.
 */
export function watchIncidents(): void {
  const watcher = createIncidentWatcher({
    settings: loadSettings,
    fetch: (url, init) => fetch(url, init),
    readState: async () => (await browser.storage.local.get(WATCH_STATE_KEY))[WATCH_STATE_KEY],
    writeState: (state) =>
      state
        ? browser.storage.local.set({ [WATCH_STATE_KEY]: state })
        : browser.storage.local.remove(WATCH_STATE_KEY),
    activeTabUrls: async () => (await browser.tabs.query({ active: true })).flatMap((t) => t.url ?? []),
    sentReports: async () => (await db()).getAll('sent'),
    async notify(change) {
      const { title, message } = noticeOf(change, await chosenLocale());
      // One notification per incident: a newer change replaces the one before.
      await browser.notifications.create(`${NOTICE_PREFIX}${change.url}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/incident.png'),
        title,
        message,
      });
    },
    setBadge: (count) => setBadgePart('incidents', count),
    alarms: {
      get: (name) => browser.alarms.get(name),
      create: (name, info) => browser.alarms.create(name, info),
      clear: (name) => browser.alarms.clear(name),
    },
    now: () => Date.now(),
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === INCIDENTS_ALARM) void watcher.check();
  });
  browser.runtime.onInstalled.addListener(() => void watcher.check());
  browser.runtime.onStartup.addListener(() => void watcher.check());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void watcher.check();
  });
  browser.tabs.onActivated.addListener(() => void watcher.reevaluate());
  browser.tabs.onUpdated.addListener((_id, change, tab) => {
    if (change.url !== undefined && tab.active) void watcher.reevaluate();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTICE_PREFIX)) return;
    const url = id.slice(NOTICE_PREFIX.length);
    if (isWebUrl(url)) void browser.tabs.create({ url });
    void browser.notifications.clear(id);
  });
}
