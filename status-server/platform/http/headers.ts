import { rememberLocale } from './locale.ts';
/**
 * The public pages' policy, and the one for a page that sets none of its own (the generic 404, an
 * error page): no script, no plugins, styles inline, images from here, forms posting here only.
 */
export const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** Anything else (JSON, feeds, text) loads nothing and runs nothing when opened on its own. */
export const DEFAULT_OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** What every response says besides its policy: not sniffed, not framed, no full URL sent on. */
export const BASELINE = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

/** Responses whose headers were built with the baseline and a policy already in them. */
const complete = new WeakSet<Response>();

/**
 * Marks a response built with `BASELINE` and a policy in its headers, so the middleware passes it
 * by without reading its headers: reading them makes the Node adapter turn its cheap response into
 * a full one, which cost the hot public GETs (the page, API v2) about a quarter of their rate.
 */
export function builtWithBaseline(res: Response): Response {
  complete.add(res);
  return res;
}

/**
 * The headers every response carries, whichever route, error handler or 404 built it: not sniffed
 * into another type, not framed, no full URL sent on to other sites, and a content security policy.
 * HTML says it varies by the language cookie and header. A response that set one of them itself keeps its own (the console's and the public page's are
 * as strict or stricter, the attachments' is a sandbox, a subscriber's page sends no referrer).
 */
function addBaseline(res: Response): Response {
  if (complete.has(res)) return res;
  const { headers } = res;
  const set = (name: string, value: string) => {
    if (!headers.has(name)) headers.set(name, value);
  };
  for (const [name, value] of Object.entries(BASELINE)) set(name, value);
  // A 304 has no type: it keeps the one its cached copy had, with that copy's policy.
  if (res.status !== 304) {
    const html = /^text\/html\b/i.test(headers.get('content-type') ?? '');
    set('content-security-policy', html ? PAGE_POLICY : DEFAULT_OTHER_POLICY);
    // Every page is in the language its request asked for (platform/http/locale.ts).
    if (html) set('vary', 'Accept-Language, Cookie');
  }
  return res;
}

/**
 * The one layer that gives every answer the baseline, and remembers a language chosen with
 * `?lang=`: it wraps the app's `fetch`, outside all its routes, error handlers and its 404. Not a
 * router middleware: one of those on `*` makes the router chain every request through it, which
 * cost the pre-built public GETs about a seventh of their rate.
 */
export function withBaselineHeaders<
  App extends { fetch: (request: Request, ...rest: never[]) => Response | Promise<Response> },
>(app: App): App {
  const inner = app.fetch;
  app.fetch = ((request: Request, ...rest: never[]) => {
    const finish = (res: Response) => addBaseline(rememberLocale(request.url, res));
    const res = inner(request, ...rest);
    return res instanceof Promise ? res.then(finish) : finish(res);
  }) as App['fetch'];
  return app;
}
