import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type ConsoleEntry, consoleEntry } from '../../shared/schemas/report.ts';
import { type PageMessage, type PageMetrics, pageMessage } from '../lib/messages.ts';
import {
  collectMetrics,
  hidePinned,
  maskPrivateFields,
  painted,
  preloadLazyContent,
  restorePage,
  scrollToY,
} from '../lib/page/dom.ts';
import { renderScroller } from '../lib/page/html2canvas.ts';

/** Entries kept per page: enough for the minutes before a report, bounded for pages that spam errors. */
const MAX_ENTRIES = 200;

/**
 * The extension's eyes in the page (isolated world): keeps the errors the collector reports, and does
 * the page-side steps of a capture (mask private fields, measure, scroll, hide repeated overlays,
 * restore) when the background asks.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  main() {
    const entries: ConsoleEntry[] = [];
    window.addEventListener('snapdesk:entry', (e) => {
      const detail = (e as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string') return;
      let raw: unknown;
      try {
        raw = JSON.parse(detail);
      } catch {
        return;
      }
      const parsed = consoleEntry.safeParse(raw);
      if (!parsed.success) return;
      entries.push(parsed.data);
      if (entries.length > MAX_ENTRIES) entries.shift();
    });

    browser.runtime.onMessage.addListener((message: unknown, _sender, reply: (answer: unknown) => void) => {
      const parsed = pageMessage.safeParse(message);
      if (!parsed.success) return false;
      handle(parsed.data, entries).then(reply, (err: Error) => reply({ error: err.message }));
      return true;
    });
  },
});

let saved: { x: number; y: number } | undefined;

async function handle(m: PageMessage, entries: ConsoleEntry[]): Promise<unknown> {
  switch (m.type) {
    case 'entries':
      return entries;
    case 'prepare': {
      saved ??= { x: window.scrollX, y: window.scrollY };
      maskPrivateFields();
      // The masks must be painted before the background captures the first pixels.
      await painted();
      return collectMetrics() satisfies PageMetrics;
    }
    case 'preload':
      await preloadLazyContent(m.maxHeight);
      return collectMetrics() satisfies PageMetrics;
    case 'scroll':
      hidePinned(m.hide);
      return scrollToY(m.y);
    case 'render':
      return renderScroller(m.maxHeight);
    case 'restore':
      restorePage(saved);
      saved = undefined;
      return true;
  }
}
