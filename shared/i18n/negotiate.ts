/** What a request says about its language, strongest first. */
export interface LocaleWish {
  /** `?lang=` of the address: a choice made just now, such as a language switcher's link. */
  query?: string | null | undefined;
  /** The remembered choice: the language cookie's value. */
  cookie?: string | null | undefined;
  /** The browser's list, with q-values: `ro-RO, ro;q=0.9, en;q=0.5, *;q=0.1`. */
  acceptLanguage?: string | null | undefined;
}

/**
 * The best of the `available` locales for a request, else `fallback`. In order: `?lang=`, then
 * the cookie, then `Accept-Language`; the first that names an available locale wins. A tag
 * matches case-insensitively (`_` taken as `-`), and a regional tag falls back to its language
 * (`ro-RO` → `ro`) before the next choice is tried. `Accept-Language` is read by q-value, highest
 * first and equal ones in their written order; `q=0` and malformed q-values rule a tag out, and
 * `*` (any language) answers `fallback`. The answer is spelled as in `available`.
 */
export function negotiateLocale(wish: LocaleWish, available: readonly string[], fallback: string): string {
  for (const tag of [wish.query, wish.cookie]) {
    const found = tag ? match(tag, available) : undefined;
    if (found) return found;
  }
  for (const tag of acceptedTags(wish.acceptLanguage)) {
    if (tag === '*') return fallback;
    const found = match(tag, available);
    if (found) return found;
  }
  return fallback;
}

/** The tags of an `Accept-Language` header, most wanted first, without those it refuses. */
export function acceptedTags(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => /^q\s*=/i.test(p));
      return { tag: tag.trim(), q: q === undefined ? 1 : quality(q.replace(/^q\s*=\s*/i, '')), index };
    })
    .filter((w) => w.tag !== '' && w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((w) => w.tag);
}

/** A q-value as RFC 9110 writes it (0 to 1, at most three decimals); anything else counts as 0. */
function quality(value: string): number {
  return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0;
}

function match(tag: string, available: readonly string[]): string | undefined {
  const wanted = tag.trim().toLowerCase().replace(/_/g, '-');
  if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(wanted)) return undefined;
  const base = wanted.split('-')[0];
  return (
    available.find((locale) => locale.toLowerCase() === wanted) ??
    available.find((locale) => locale.toLowerCase() === base)
  );
}
