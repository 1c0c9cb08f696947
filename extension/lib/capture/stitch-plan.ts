/**
 * The geometry of a full-page capture by scroll-and-stitch, with no browser in sight: where to scroll,
 * which rows of each capture to keep, where they go in the stitched canvas, how big that canvas may be,
 * and how fast the browser lets us capture. The capture loop (loop.ts) does the scrolling and drawing.
 *
 * Tiles follow one another a whole viewport apart: fixed elements are not cropped but shown in one
 * capture and hidden in the others (pinned.ts), and sticky ones are put back in the flow for the
 * capture, so nothing covers the rows of a later tile.
 *
 * Device pixels are integers everywhere: the compositor snaps a scroll offset of `y` CSS px to
 * `round(y × dpr)` device px, so a page row sits at the same device row in every capture and the
 * tiles meet exactly, also at fractional ratios such as 1.25.
 */

/** Chromium fails `captureVisibleTab` calls beyond this many per second (tabs.MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND). */
const MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND = 2;
/** Chromium's quota window (QuotaService::TimedLimit) lasts 1 s and opens at the first call after the last one closed. */
const QUOTA_WINDOW_MS = 1000;
/** Our clock reads a call slightly before the browser's quota does; this absorbs the difference. */
const PACING_MARGIN_MS = 25;

export interface CanvasLimits {
  maxSide: number;
  maxArea: number;
}
/** Chromium's canvas limits: 32,767 px a side and 268,435,456 px (16,384²) in all; past them it stays blank. */
const CHROMIUM_CANVAS_LIMITS: CanvasLimits = { maxSide: 32_767, maxArea: 268_435_456 };

export interface StitchInput {
  /** Height of the scrolling document in CSS px. */
  scrollHeight: number;
  viewportWidth: number;
  viewportHeight: number;
  devicePixelRatio: number;
  /** Size of a real capture in device px, when known; otherwise the viewport times the ratio. */
  captureSize?: { width: number; height: number };
  limits?: Partial<CanvasLimits>;
  /** Stop here (CSS px) even when the canvas could hold more: for a page that grows as it scrolls. */
  maxCssHeight?: number;
  callsPerSecond?: number;
}

export interface StitchTile {
  /** Where to scroll before this capture, in CSS px. */
  scrollY: number;
  /** Rows of the capture to keep, in device px. */
  source: { x: number; y: number; width: number; height: number };
  /** Row of the stitched canvas where `source` goes, in device px. */
  destY: number;
}

export interface StitchPlan {
  tiles: StitchTile[];
  /** The size every capture is expected to have, in device px. */
  capture: { width: number; height: number };
  /** The stitched image, in device px. */
  canvas: { width: number; height: number };
  /** The page's height and how much of it the image shows, in CSS px; they differ when truncated. */
  pageHeight: number;
  coveredHeight: number;
  /** The image stops before the page's end (`coveredHeight`): canvas limit or a growing page's cap. */
  truncated: boolean;
  /** The least time the capture rate limit allows for these tiles, in ms. */
  floorMs: number;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Plans the captures of a full page. Pure: the same input gives the same plan. */
export function planStitch(input: StitchInput): StitchPlan {
  const dpr = positive(input.devicePixelRatio, 1);
  const viewportHeight = Math.round(positive(input.viewportHeight, 1));
  const width = Math.round(positive(input.captureSize?.width, positive(input.viewportWidth, 1) * dpr));
  const height = Math.round(positive(input.captureSize?.height, viewportHeight * dpr));
  const pageHeight = Math.max(viewportHeight, Math.ceil(positive(input.scrollHeight, viewportHeight)));
  const maxScroll = pageHeight - viewportHeight;

  const limits = { ...CHROMIUM_CANVAS_LIMITS, ...input.limits };
  const canvasMax = Math.max(1, Math.min(limits.maxSide, Math.floor(limits.maxArea / width)));
  const cssMax = Math.max(height, Math.round(positive(input.maxCssHeight, Number.POSITIVE_INFINITY) * dpr));
  const maxHeight = Math.min(canvasMax, cssMax);
  const fullHeight = Math.round(maxScroll * dpr) + height;
  const truncated = fullHeight > maxHeight;
  const end = Math.min(maxHeight, fullHeight);
  // Scrolling down at least one device px per capture, also when zoomed out below ratio 1.
  const minStep = Math.ceil(1 / dpr);

  const tiles: StitchTile[] = [];
  let covered = 0;
  let scrollY = 0;
  while (covered < end) {
    if (tiles.length > 0) {
      // The next capture starts where the last one's kept rows ended.
      scrollY = Math.min(maxScroll, Math.max(Math.floor(covered / dpr), scrollY + minStep));
    }
    const tile = placeTile({ width, height }, covered, end, scrollY, dpr);
    // Cannot happen with the arithmetic above; fail loudly rather than loop forever if it ever does.
    if (!tile) throw new Error(`Stitch plan stalled at row ${covered} of ${end}`);
    tiles.push(tile);
    covered = tile.destY + tile.source.height;
  }

  return {
    tiles,
    capture: { width, height },
    canvas: { width, height: end },
    pageHeight,
    coveredHeight: truncated ? Math.floor(end / dpr) : pageHeight,
    truncated,
    floorMs: rateLimitFloorMs(tiles.length, input.callsPerSecond),
  };
}

/**
 * The rows a capture taken at `scrollY` adds to an image covered down to row `covered` (device px),
 * or undefined when it adds none or would leave a gap: for the plan, and for the capture loop when the
 * page did not scroll exactly where it was asked to.
 */
export function placeTile(
  capture: { width: number; height: number },
  covered: number,
  end: number,
  scrollY: number,
  devicePixelRatio: number,
): StitchTile | undefined {
  const offset = Math.round(scrollY * devicePixelRatio);
  const from = covered - offset;
  const to = Math.min(capture.height, end - offset);
  if (from < 0 || to <= from) return undefined;
  return { scrollY, source: { x: 0, y: from, width: capture.width, height: to - from }, destY: covered };
}

/**
 * The least time `captures` calls can take under the quota: a window admits `callsPerSecond` calls
 * at once, and the next window opens only after it ends.
 */
export function rateLimitFloorMs(
  captures: number,
  callsPerSecond = MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND,
): number {
  return Math.max(0, Math.ceil(captures / callsPerSecond) - 1) * QUOTA_WINDOW_MS;
}

/**
 * How long to wait before the next capture, given when the earlier ones started (oldest first, the
 * visible-viewport capture included). Chromium's quota (QuotaService::TimedLimit) is a bucket of
 * `callsPerSecond` tokens; a call that comes after the bucket's window has expired refills it and
 * opens a new window of one second at that call. Replaying the calls finds the window we are in: a
 * call waits only when that window's tokens are spent, and then only until it ends.
 */
export function captureDelayMs(
  now: number,
  earlier: readonly number[],
  callsPerSecond = MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND,
): number {
  let opened = Number.NEGATIVE_INFINITY;
  let used = 0;
  for (const at of earlier) {
    if (at >= opened + QUOTA_WINDOW_MS) {
      opened = at;
      used = 0;
    }
    used++;
  }
  const closes = opened + QUOTA_WINDOW_MS;
  // Surely in a new window, or surely in this one with a token left. A call is never made within the
  // margin of a window's end, where the browser might count it in either, so the replay above agrees
  // with the browser's own count.
  if (now >= closes + PACING_MARGIN_MS) return 0;
  if (used < callsPerSecond && now < closes - PACING_MARGIN_MS) return 0;
  return closes + PACING_MARGIN_MS - now;
}
