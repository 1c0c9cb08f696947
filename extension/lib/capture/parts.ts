/**
 * How a whole-page image is cut into parts: pure, so the cuts are tested without a browser.
 *
 * A part is at most `WEBP_MAX_SIDE` rows with the band, so every part can be encoded as WebP and no
 * help desk or mail client has to open an image tens of thousands of pixels tall. Parts are of equal
 * height but for a row, in page order; the band goes below the last part's rows.
 */

/** WebP cannot be taller or wider than this (libwebp's WEBP_MAX_DIMENSION). */
export const WEBP_MAX_SIDE = 16_383;

/** Rows of the page (device px) one part holds: `[start, end)`, top to bottom. */
export interface PartRows {
  start: number;
  end: number;
}

/**
 * Cuts `rows` page rows into as few parts as hold them when every part may take `band` rows more
 * (only the last one will), each at most `maxSide` rows with them. Heights differ by a row at most.
 */
export function planParts(rows: number, band: number, maxSide = WEBP_MAX_SIDE): PartRows[] {
  const room = Math.max(1, maxSide - band);
  const total = Math.max(0, Math.floor(rows));
  const count = Math.max(1, Math.ceil(total / room));
  const parts: PartRows[] = [];
  for (let i = 0; i < count; i++) {
    parts.push({ start: Math.round((i * total) / count), end: Math.round(((i + 1) * total) / count) });
  }
  return parts;
}

/**
 * The parts of an image that turned out shorter than planned (the page got shorter while it was
 * captured): those wholly above `rows` stay as they are, the one holding row `rows` ends there, and
 * those below are dropped.
 */
export function cutParts(parts: readonly PartRows[], rows: number): PartRows[] {
  return parts.filter((p) => p.start < rows).map((p) => ({ ...p, end: Math.min(p.end, rows) }));
}

/**
 * The parts whose rows are all drawn once the image is covered down to row `covered`: final, so they
 * can be encoded while the capture goes on. Never the last, which waits for the band (and for the
 * page's end, which may come sooner than planned).
 */
export function finishedParts(parts: readonly PartRows[], covered: number): number[] {
  return parts.flatMap((p, i) => (i < parts.length - 1 && p.end <= covered ? [i] : []));
}

/** The rows of one capture that go into one part: from `sourceY` of the capture to `destY` of the part. */
export interface PartSlice {
  part: number;
  sourceY: number;
  destY: number;
  height: number;
}

/**
 * Where the kept rows of a capture go: `height` rows from `sourceY` of the capture belong at row
 * `destY` of the whole image, which may fall into two parts (or more, for a capture taller than one).
 */
export function slicesOf(
  parts: readonly PartRows[],
  rows: { sourceY: number; destY: number; height: number },
): PartSlice[] {
  const top = rows.destY;
  const bottom = rows.destY + rows.height;
  const slices: PartSlice[] = [];
  parts.forEach((p, part) => {
    const from = Math.max(p.start, top);
    const to = Math.min(p.end, bottom);
    if (to > from)
      slices.push({ part, sourceY: rows.sourceY + from - top, destY: from - p.start, height: to - from });
  });
  return slices;
}
