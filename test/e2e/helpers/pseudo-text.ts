import type { Page } from 'playwright-core';
import { withoutMessages } from '../../../shared/i18n/pseudo.ts';

/** A piece of text a person sees or hears on a page, and where it is. */
export interface ShownText {
  where: string;
  text: string;
}

/**
 * Every text a page shows or reads out: its text nodes, the `aria-label`, `title`, `placeholder`
 * and `alt` of its elements, and the tab's title. Left out, as the browser's own words rather than
 * the catalogue's: the country names of a country list (`Intl.DisplayNames`) and the language names
 * written in their own language (`lang` set on them).
 */
export function shownTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const whereOf = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.id;
      return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}`;
    };
    const fromBrowser = (el: Element | null) => {
      const option = el?.closest('option');
      const select = option?.closest('select');
      if (option && option.value !== '' && /country$/.test(select?.getAttribute('data-testid') ?? ''))
        return true;
      // Text that names its own language (a language list's "Română", "English") is written in it.
      const marked = el?.closest('[lang]');
      return !!marked && marked !== document.documentElement;
    };
    const found: { where: string; text: string }[] = [{ where: 'title', text: document.title }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!text || !parent || ['SCRIPT', 'STYLE'].includes(parent.tagName) || fromBrowser(parent)) continue;
      found.push({ where: whereOf(parent), text });
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (fromBrowser(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const text = el.getAttribute(name)?.trim();
        if (text) found.push({ where: `${whereOf(el)}[${name}]`, text });
      }
    }
    return found;
  });
}

/** Dates and times as `formatTime` writes them in English: "Jan 31, 2025, 9:00 AM". */
const DATE_TIME =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M\b/g;
/** The server's report references: "SD-1042". */
const REFERENCE = /\bSD-\d+\b/g;

/**
 * The texts that did not come from the catalogue: what is left of each once every message (between
 * the pseudo-locale's markers, nested ones too) and every piece of data the person or the page
 * supplied (`data`: URLs, titles, browser facts, page errors, names the server gives; dates and
 * references are known by their shape) are taken out, if a letter remains.
 */
export function untranslated(texts: readonly ShownText[], data: readonly string[]): ShownText[] {
  const pieces = [...new Set(data.filter((d) => d.trim() !== ''))].sort((a, b) => b.length - a.length);
  const left: ShownText[] = [];
  for (const { where, text } of texts) {
    let rest = withoutMessages(text);
    for (const piece of pieces) rest = rest.split(piece).join(' ');
    rest = rest.replace(DATE_TIME, ' ').replace(REFERENCE, ' ');
    if (/\p{L}/u.test(rest)) left.push({ where, text });
  }
  return left;
}
