import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ConsoleEntry } from '../../shared/schemas/report.ts';
import { browserNames } from '../lib/browser-names.ts';
import { type CaptureResult, createCapturer } from '../lib/capture/capture.ts';
import { extensionFor } from '../lib/capture/encode.ts';
import { environmentOf, redactEntries } from '../lib/environment.ts';
import { watchIncidents } from '../lib/incidents/register.ts';
import { chosenLocale } from '../lib/language.ts';
import { backgroundMessage } from '../lib/messages.ts';
import { deliverOutbox, nextDue } from '../lib/outbox.ts';
import { registerRequestWatch } from '../lib/requests/watch.ts';
import { type Capture, type Draft, getDraft, saveDraft } from '../lib/store.ts';

const MENU_ID = 'report-problem';
const OUTBOX_ALARM = 'outbox';

/** Captures in this browser; one for the worker, so the capture rate limit has one clock. */
const capturer = createCapturer({
  captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(async () => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: browserNames(await chosenLocale()).menu,
      contexts: ['page', 'selection', 'image', 'link'],
    });
    await nameActions();
  });
  // The browser may speak another language since it last ran, and the person may choose one in the
  // options: the menu item and the toolbar button follow.
  browser.runtime.onStartup.addListener(() => void nameActions());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void nameActions();
  });
  browser.action.onClicked.addListener((tab) => void report(tab));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab) void report(tab);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'report-problem') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab) void report(tab);
  });

  browser.runtime.onMessage.addListener((message: unknown, _sender, reply: (answer: unknown) => void) => {
    const parsed = backgroundMessage.safeParse(message);
    if (!parsed.success) return false;
    const m = parsed.data;
    const work =
      m.type === 'deliver'
        ? deliver()
        : m.type === 'report-tab'
          ? browser.tabs.get(m.tabId).then(report)
          : addStep(m.draftId, m.tabId);
    work.then(
      (value) => reply({ ok: true, value }),
      (err: Error) => reply({ ok: false, error: err.message }),
    );
    return true;
  });

  // The outbox is tried again when its next retry is due, when the browser starts, and when the
  // network comes back; a report waiting in it survives all of these.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void deliver();
  });
  browser.runtime.onStartup.addListener(() => void deliver());
  self.addEventListener('online', () => void deliver());
  void deliver();

  watchIncidents();
  registerRequestWatch();
});

/**
 * The menu item and the toolbar button's tooltip in the extension's language. The manifest gives
 * them in the browser's language (through _locales); only here does the options' choice reach them.
 */
async function nameActions(): Promise<void> {
  const names = browserNames(await chosenLocale());
  await Promise.all([
    quietly(() => browser.contextMenus.update(MENU_ID, { title: names.menu })),
    quietly(() => browser.action.setTitle({ title: names.action })),
  ]);
}

/** A call whose failure changes nothing worth telling (the menu item not made yet, say). */
async function quietly(call: () => unknown): Promise<void> {
  try {
    await call();
  } catch {
    // nothing to do: the next start or settings change tries again
  }
}

async function deliver(): Promise<number> {
  const delivered = await deliverOutbox();
  const due = await nextDue();
  if (due !== undefined)
    await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(due, Date.now() + 1000) });
  return delivered;
}

type Tab = Browser.tabs.Tab;

/** One click: capture the page (viewport, then the whole page), keep a draft, open the form. */
async function report(tab: Tab): Promise<string | undefined> {
  if (tab.id === undefined) return undefined;
  const target = { id: tab.id, windowId: tab.windowId };
  const at = new Date();
  try {
    await ensurePageScript(tab.id);
    const { metrics, viewport, fullPage } = await capturer.captureTab(target, at);
    const entries = (await browser.tabs.sendMessage(tab.id, { type: 'entries' })) as ConsoleEntry[];
    const draft: Draft = {
      id: crypto.randomUUID(),
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      tabId: tab.id,
      environment: environmentOf(metrics, at),
      console: redactEntries(entries ?? []),
      // A page cut in parts: each its own capture, in page order ("full-page-1of3.png").
      captures: [
        ...fullPage.map((r) =>
          toCapture(r, r.part ? `full-page-${r.part.index}of${r.part.count}` : 'full-page', at),
        ),
        toCapture(viewport, 'viewport', at),
      ],
    };
    await saveDraft(draft);
    await browser.tabs.create({
      url: browser.runtime.getURL(`/report.html?draft=${draft.id}`),
      index: tab.index + 1,
    });
    return draft.id;
  } catch (err) {
    // Pages the browser keeps from extensions (the store, settings) cannot be captured; the form
    // still opens so the person can describe the problem and attach files.
    console.warn('Snapdesk could not capture this tab:', (err as Error).message);
    await browser.tabs.create({
      url: browser.runtime.getURL(`/report.html?error=${encodeURIComponent((err as Error).message)}`),
    });
    return undefined;
  }
}

/** Adds the tab's current view to a draft: the next step of a series. */
async function addStep(draftId: string, tabId: number): Promise<number> {
  const draft = await getDraft(draftId);
  if (!draft) throw new Error('this draft no longer exists');
  const tab = await browser.tabs.get(tabId);
  // The tab may show another page than at the first capture: one without the capture script yet.
  await ensurePageScript(tabId);
  await browser.tabs.update(tabId, { active: true });
  await new Promise((r) => setTimeout(r, 150)); // let the tab paint after it comes to the front
  const at = new Date();
  const { viewport } = await capturer.captureViewport({ id: tabId, windowId: tab.windowId }, at);
  draft.captures.push(toCapture(viewport, `step-${draft.captures.length + 1}`, at));
  await saveDraft(draft);
  return draft.captures.length;
}

function toCapture(result: CaptureResult, base: string, at: Date): Capture {
  return {
    id: crypto.randomUUID(),
    name: `${base}.${extensionFor(result.blob)}`,
    original: result.blob,
    annotations: [],
    method: result.method,
    width: result.width,
    height: result.height,
    truncated: result.truncated,
    ...(result.part ? { part: result.part } : {}),
    capturedAt: at.toISOString(),
  };
}

/**
 * The capture script is not in any page until the person reports (only the small collector is, see
 * collector.content.ts): added at the first report on a page, it stays there for the next.
 */
async function ensurePageScript(tabId: number): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, { type: 'ping' });
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/page.js'] });
  }
}
