import { defineContentScript } from 'wxt/utils/define-content-script';

/** Entries kept per page: enough for the minutes before a report, bounded for pages that spam errors. */
const MAX_ENTRIES = 200;
/** A report takes a message or a source of at most this many characters (shared/schemas/report.ts). */
const MAX_TEXT = 2000;

/**
 * Runs in the page's own world from the first moment, so it sees what the page's scripts do:
 * console errors, uncaught exceptions and failed fetch/XHR requests. It is the only script of ours in a
 * page the person only reads, so it stays small and keeps the entries itself; the capture script,
 * added when the person reports, asks for them with a `snapdesk:entries-wanted` event and gets them as
 * JSON in a `snapdesk:entries` event (strings are what cross between the worlds in every browser).
 * Nothing leaves the browser unless the person sends a report.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  world: 'MAIN',
  globalName: false,
  main() {
    const entries: Record<string, unknown>[] = [];
    const cut = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX_TEXT) : v);
    const emit = (entry: Record<string, unknown>) => {
      entries.push({
        ...entry,
        message: cut(entry.message),
        source: cut(entry.source),
        at: new Date().toISOString(),
      });
      if (entries.length > MAX_ENTRIES) entries.shift();
    };
    // Held from the start, so a page that replaces them later cannot keep the entries from the report.
    const dispatch = EventTarget.prototype.dispatchEvent;
    const Answer = CustomEvent;
    const stringify = JSON.stringify;
    window.addEventListener(
      'snapdesk:entries-wanted',
      () => dispatch.call(window, new Answer('snapdesk:entries', { detail: stringify(entries) })),
      true,
    );
    const text = (v: unknown) => {
      if (v instanceof Error) return `${v.name}: ${v.message}`;
      if (typeof v === 'string') return v;
      try {
        return JSON.stringify(v);
      } catch {
        return String(v);
      }
    };

    const consoleError = console.error;
    console.error = (...args: unknown[]) => {
      emit({ kind: 'error', message: args.map(text).join(' ') });
      consoleError.apply(console, args);
    };
    window.addEventListener(
      'error',
      (e) => {
        if (e instanceof ErrorEvent) {
          emit({
            kind: 'exception',
            message: e.message || text(e.error),
            source: e.filename ? `${e.filename}:${e.lineno}:${e.colno}` : undefined,
          });
        } else {
          // A resource (image, script, stylesheet) that failed to load reports on its element.
          const el = (e as Event).target as HTMLElement & { src?: string; href?: string };
          const url = el?.src || el?.href;
          if (url)
            emit({
              kind: 'network',
              message: `${el.tagName.toLowerCase()} failed to load`,
              source: url,
              method: 'GET',
            });
        }
      },
      true,
    );
    window.addEventListener('unhandledrejection', (e) =>
      emit({ kind: 'exception', message: `Unhandled rejection: ${text(e.reason)}` }),
    );

    const realFetch = window.fetch;
    window.fetch = async function (input: RequestInfo | URL, init?: RequestInit) {
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
      try {
        const res = await realFetch.call(this, input, init);
        if (!res.ok)
          emit({
            kind: 'network',
            message: `${method} ${res.status}`,
            source: url,
            method,
            status: res.status,
          });
        return res;
      } catch (err) {
        emit({ kind: 'network', message: `${method} failed: ${text(err)}`, source: url, method, status: 0 });
        throw err;
      }
    };

    const open = XMLHttpRequest.prototype.open;
    const send = XMLHttpRequest.prototype.send;
    const requests = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
    XMLHttpRequest.prototype.open = function (
      this: XMLHttpRequest,
      method: string,
      url: string | URL,
      ...rest: unknown[]
    ) {
      requests.set(this, { method: method.toUpperCase(), url: String(url) });
      return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.send = function (
      this: XMLHttpRequest,
      body?: Document | XMLHttpRequestBodyInit | null,
    ) {
      this.addEventListener('loadend', () => {
        const r = requests.get(this);
        if (r && (this.status === 0 || this.status >= 400)) {
          emit({
            kind: 'network',
            message: `${r.method} ${this.status || 'failed'}`,
            source: new URL(r.url, location.href).href,
            method: r.method,
            status: this.status,
          });
        }
      });
      return send.call(this, body);
    };
  },
});
