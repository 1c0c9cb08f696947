import { defineContentScript } from 'wxt/utils/define-content-script';

/**
 * Runs in the page's own world from the first moment, so it sees what the page's scripts do:
 * console errors, uncaught exceptions and failed fetch/XHR requests. It keeps nothing itself; each
 * entry goes to the extension's isolated script beside it, and nothing leaves the browser unless the
 * person sends a report.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  world: 'MAIN',
  globalName: false,
  main() {
    const emit = (entry: Record<string, unknown>) =>
      window.dispatchEvent(
        new CustomEvent('snapdesk:entry', {
          detail: JSON.stringify({ ...entry, at: new Date().toISOString() }),
        }),
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
