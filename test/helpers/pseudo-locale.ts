import { availableLocales, catalogues, type Messages } from '../../shared/i18n/index.ts';
import { pseudoMessages, withoutMessages } from '../../shared/i18n/pseudo.ts';

/**
 * A test-only language: every English message wrapped in ⟦ ⟧, with Russian dates, numbers and
 * plurals (the tag is `ru-XA`, so Intl writes Cyrillic months). A page rendered in it shows Latin
 * letters only inside ⟦ ⟧ (our words, from the catalogue) or ⟪ ⟫ (the test's data), so any text
 * that bypasses the catalogue stands out. Tests register it themselves; production never has it.
 */
export const PSEUDO = 'ru-XA';

export function registerPseudoLocale(): void {
  if (availableLocales.includes(PSEUDO)) return;
  catalogues[PSEUDO] = pseudoMessages(catalogues.en as Messages);
  (availableLocales as string[]).push(PSEUDO);
}

/** Test data a reader would see, marked so the check can tell it from our words. */
export const data = (text: string) => `⟪${text}⟫`;

/** What a person sees or hears of a page: its text and its labelling attributes. */
function perceivable(html: string): string[] {
  const body = html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    // Dates are data written by Intl (Cyrillic here); the language switcher names each language in itself.
    .replace(/<time\b[\s\S]*?<\/time>/g, ' ')
    .replace(/<nav class="languages"[\s\S]*?<\/nav>/g, ' ');
  const attributes = [
    ...body.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g),
    ...body.matchAll(/<meta name="description" content="([^"]*)"/g),
  ].map((m) => m[1] as string);
  const text = body.replace(/<[^>]+>/g, '\n');
  return [...text.split('\n'), ...attributes]
    .map(decode)
    .map((s) => s.trim())
    .filter(Boolean);
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The pieces of a page in the pseudo-locale that carry Latin letters outside ⟦ ⟧ and ⟪ ⟫: words that
 * did not come from the catalogue. `allowed` names data the page shows as it is (a URL, a version).
 */
export function untranslated(html: string, allowed: RegExp[] = []): string[] {
  return perceivable(html).filter((piece) => {
    // Data can sit inside a message (a name in a sentence): take data out first, then the messages.
    let rest = withoutMessages(piece.replace(/⟪[^⟪⟫]*⟫/g, ' '));
    for (const a of allowed) rest = rest.replace(a, ' ');
    return /[A-Za-z]/.test(rest);
  });
}
