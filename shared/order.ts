/**
 * Orders for lists sorted by time. Two rows can carry the same millisecond, so every order ends
 * in a unique key: a list then reads the same on every load, and SQL and JavaScript agree on it.
 */

/** Code-unit order, as both databases compare ISO 8601 times and ids: the same in every locale. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `SD-1042` → 1042. References are numbered in the order reports are stored. */
export const referenceNumber = (reference: string): number =>
  Number(reference.slice(reference.lastIndexOf('-') + 1));

/** Reports by a time, newest first; in the same millisecond, the one stored later first. */
export const newestReportFirst =
  <T extends { reference: string }>(time: (r: T) => string) =>
  (a: T, b: T): number =>
    byText(time(b), time(a)) || referenceNumber(b.reference) - referenceNumber(a.reference);
