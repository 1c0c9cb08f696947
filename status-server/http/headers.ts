import { createMiddleware } from 'hono/factory';

/**
 * The public pages' policy, and the one for a page that sets none of its own (the generic 404, an
 * error page): no script, no plugins, styles inline, images from here, forms posting here only.
 */
export const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** Anything else (JSON, feeds, text) loads nothing and runs nothing when opened on its own. */
export const DEFAULT_OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The headers every response carries, whichever route or error handler built it: not sniffed into
 * another type, not framed, no full URL sent on to other sites, and a content security policy.
 * A response that set one of them itself keeps its own (the console's and the public page's are
 * as strict or stricter, the attachments' is a sandbox, a subscriber's page sends no referrer).
 *
 * Mounted first, so it runs last on the way out, after the error handlers and the 404 have answered.
 */
export const baselineHeaders = createMiddleware(async (c, next) => {
  await next();
  const { headers } = c.res;
  const set = (name: string, value: string) => {
    if (!headers.has(name)) headers.set(name, value);
  };
  set('x-content-type-options', 'nosniff');
  set('x-frame-options', 'DENY');
  set('referrer-policy', 'strict-origin-when-cross-origin');
  // A 304 has no type: it keeps the one its cached copy had, with that copy's policy.
  if (c.res.status !== 304) {
    const html = /^text\/html\b/i.test(headers.get('content-type') ?? '');
    set('content-security-policy', html ? PAGE_POLICY : DEFAULT_OTHER_POLICY);
  }
});
