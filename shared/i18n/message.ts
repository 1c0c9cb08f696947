/**
 * Fills a message's placeholders: `{name}` takes `params.name` as it is, and
 * `{count, plural, one {# report} other {# reports}}` chooses a form by the locale's plural rules
 * (`zero`, `one`, `two`, `few`, `many`, `other`, or an exact `=0`), with `#` as the count written the
 * locale's way. Russian, Ukrainian and Czech need three or four forms, English two; a form the
 * locale's rules pick but the message lacks falls back to `other`. A placeholder without a value is
 * left visible, so a missing parameter shows instead of vanishing.
 */
export function fill(text: string, params?: Record<string, string | number>, locale = 'en'): string {
  if (!params || !text.includes('{')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const close = matching(text, open);
    if (close < 0) break;
    out +=
      text.slice(i, open) +
      placeholder(text.slice(open + 1, close), text.slice(open, close + 1), params, locale);
    i = close + 1;
  }
  return out + text.slice(i);
}

function placeholder(inner: string, whole: string, params: Record<string, string | number>, locale: string) {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (!plural) {
    const value = /^\w+$/.test(inner) ? params[inner] : undefined;
    return value === undefined ? whole : String(value);
  }
  const value = params[plural[1] as string];
  const count = typeof value === 'number' ? value : Number(value);
  if (value === undefined || Number.isNaN(count)) return whole;
  const forms = pluralForms(inner.slice(plural[0].length));
  const chosen = forms.get(`=${count}`) ?? forms.get(rules(locale).select(count)) ?? forms.get('other');
  if (chosen === undefined) return whole;
  const written = numbers(locale).format(count);
  return fill(chosen.replace(/#/g, written), params, locale);
}

/** The names of the parameters a message takes, `{name}` or `{name, plural, …}`, inside forms too. */
export function parameterNames(text: string, into = new Set<string>()): Set<string> {
  for (let i = text.indexOf('{'); i >= 0; ) {
    const close = matching(text, i);
    if (close < 0) break;
    const inner = text.slice(i + 1, close);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
    if (plural) {
      into.add(plural[1] as string);
      for (const form of pluralForms(inner.slice(plural[0].length)).values()) parameterNames(form, into);
    } else if (/^\w+$/.test(inner)) {
      into.add(inner);
    }
    i = text.indexOf('{', close + 1);
  }
  return into;
}

/** `one {…} few {…} other {…}` as a map from form to text. */
function pluralForms(body: string): Map<string, string> {
  const forms = new Map<string, string>();
  const form = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let i = 0;
  for (;;) {
    form.lastIndex = i;
    const m = form.exec(body);
    if (!m) break;
    const open = form.lastIndex - 1;
    const close = matching(body, open);
    if (close < 0) break;
    forms.set(m[1] as string, body.slice(open + 1, close));
    i = close + 1;
  }
  return forms;
}

/** The index of the brace that closes the one at `open`, or -1. */
function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

// Building Intl objects costs far more than using them, and a page fills many messages.
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rules(locale: string): Intl.PluralRules {
  const known = pluralRules.get(locale);
  if (known) return known;
  const made = new Intl.PluralRules(locale);
  pluralRules.set(locale, made);
  return made;
}

function numbers(locale: string): Intl.NumberFormat {
  const known = numberFormats.get(locale);
  if (known) return known;
  const made = new Intl.NumberFormat(locale);
  numberFormats.set(locale, made);
  return made;
}
