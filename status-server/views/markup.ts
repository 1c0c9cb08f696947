import { html as honoHtml } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { MessageKey, Translator } from '../../shared/i18n/index.ts';

/** Escaped markup: interpolating it into `html` keeps it as is, while plain strings are escaped. */
export type Html = HtmlEscapedString;

/**
 * hono's `html`, narrowed to its synchronous result: views never interpolate promises, so a promise
 * here is a programming error, not something to await.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new TypeError('views must not interpolate promises');
  return out;
}

// Private-use characters mark the placeholders, as no message text contains them.
const marker = /\uE000(\d+)\uE001/;

/**
 * A message whose placeholders take markup (a `<time>`, a link): the translation decides the word
 * order, its own text is escaped, and the markup goes in unchanged.
 */
export function tHtml(t: Translator, key: MessageKey, params: Record<string, Html | string>): Html {
  const names = Object.keys(params);
  const text = t(key, Object.fromEntries(names.map((n, i) => [n, `\uE000${i}\uE001`])));
  const parts = text.split(marker).map((part, i) => (i % 2 ? params[names[Number(part)] as string] : part));
  return html`${parts}`;
}
