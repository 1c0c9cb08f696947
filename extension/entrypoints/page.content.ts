import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type ConsoleEntry, consoleEntry } from '../../shared/schemas/report.ts';
import { type PageMessage, type PageMetrics, pageMessage } from '../lib/messages.ts';
import {
  collectMetrics,
  maskPrivateFields,
  painted,
  preloadLazyContent,
  restorePage,
  type SavedPage,
  savePage,
  scrollAndMeasure,
} from '../lib/page/dom.ts';
import { renderScroller } from '../lib/page/html2canvas.ts';
import { hideFixed } from '../lib/page/pinned.ts';

/** Marks this extension's isolated world in a tab once the capture script runs there. */
const MARK = 'snapdeskCapture';

/**
 * The extension's hands in the page (isolated world), added by the background only when the person
 * reports (background.ts, ensurePageScript), so a page that is only read never parses it: it does the
 * page-side steps of a capture (mask private fields, measure, scroll, hide fixed elements, restore)
 * and hands over the errors the collector kept since the page's first moment. Added a second time into
 * the same page (two reports racing), it leaves the first one's listener alone.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main() {
    const world = globalThis as { [MARK]?: true };
    if (world[MARK]) return;
    world[MARK] = true;
    browser.runtime.onMessage.addListener((message: unknown, _sender, reply: (answer: unknown) => void) => {
      const parsed = pageMessage.safeParse(message);
      if (!parsed.success) return false;
      handle(parsed.data).then(reply, (err: Error) => reply({ error: err.message }));
      return true;
    });
  },
});

/** The entries the collector (collector.content.ts) kept, as far as they are well formed. */
function collected(): ConsoleEntry[] {
  let answer: unknown;
  const take = (e: Event) => {
    answer ??= (e as CustomEvent<unknown>).detail;
  };
  // The collector answers within this dispatch; a page without it (opened before the install) answers
  // nothing, and the report has no entries.
  window.addEventListener('snapdesk:entries', take);
  window.dispatchEvent(new CustomEvent('snapdesk:entries-wanted'));
  window.removeEventListener('snapdesk:entries', take);
  if (typeof answer !== 'string') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(answer);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = consoleEntry.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

let saved: SavedPage | undefined;

async function handle(m: PageMessage): Promise<unknown> {
  switch (m.type) {
    case 'ping':
      return true;
    case 'entries':
      return collected();
    case 'prepare': {
      saved ??= savePage();
      // The masks must be painted before the background captures the first pixels; a page with
      // nothing to mask is captured as it is, without waiting for frames.
      if (maskPrivateFields() > 0) await painted();
      return collectMetrics() satisfies PageMetrics;
    }
    case 'preload':
      return preloadLazyContent(m.maxHeight, m.growingMaxHeight);
    case 'scroll':
      return scrollAndMeasure(m.y);
    case 'hide':
      hideFixed(m.ids);
      await painted();
      return true;
    case 'render':
      return renderScroller(m.maxHeight);
    case 'restore':
      restorePage(saved);
      saved = undefined;
      return true;
  }
}
