/**
 * The pseudo-locale of the tests: every message of the catalogue wrapped in markers, so a text shown
 * without them did not come from the catalogue. The extension speaks it only in a build made with
 * SNAPDESK_PSEUDO_LOCALE=1 (a production build leaves this file out); the server's test registers it
 * itself. Nothing a person can reach offers it.
 */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudoMessages<K extends string>(english: Record<K, string>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<string>(english).map(([key, text]) => [key, `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}`]),
  ) as Record<K, string>;
}

const innermost = new RegExp(`${PSEUDO_OPEN}[^${PSEUDO_OPEN}${PSEUDO_CLOSE}]*${PSEUDO_CLOSE}`, 'g');

/** A shown text with every message taken out, nested ones too (a status label inside a sentence). */
export function withoutMessages(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(innermost, ' ');
  }
  return rest;
}
