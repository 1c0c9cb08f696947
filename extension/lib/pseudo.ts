/**
 * The pseudo-locale of the tests: every message of the catalogue wrapped in markers, so a text on
 * screen without them did not come from the catalogue. Only a build made with
 * SNAPDESK_PSEUDO_LOCALE=1 speaks it (see i18n.ts); a production build leaves this file out. Dates,
 * numbers and plural rules stay English (`Intl` knows nothing of the markers).
 */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudoMessages<K extends string>(english: Record<K, string>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<string>(english).map(([key, text]) => [key, `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}`]),
  ) as Record<K, string>;
}
