import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { makeEntry } from '../snapshot/entries.ts';

/**
 * A page reached by a signed link that stands for one person (a subscription's manage page, a
 * reporter's unsubscribe page): never cached, and its token-bearing address never sent on as a
 * referrer.
 */
export function privatePage(c: Context, markup: string, status: ContentfulStatusCode = 200) {
  const entry = makeEntry(markup, 'text/html; charset=utf-8', new Date().toISOString(), status);
  return c.body(entry.body, status, {
    ...entry.headers,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
}
