/**
 * The geometry of a full-page capture by scroll-and-stitch, with no browser in sight: where to scroll,
 * which rows of each capture to keep, where they go in the stitched canvas, how big that canvas may be,
 * and how fast the browser lets us capture. The capture shell does the scrolling and drawing.
 *
 * Fixed and sticky bars appear once: a bar pinned to the top of the viewport is kept only in the first
 * capture and a bar pinned to the bottom only in the last; from the others their rows are cropped, and
 * the scroll step shrinks by their height so nothing under them is lost. Any other pinned element
 * (a chat bubble, a sidebar, an overlay) cannot be cropped away and is listed for the shell to hide
 * after the first capture.
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

/** A bar pinned this close to an edge (`top: 4px`) still belongs to it. */
const EDGE_SLACK = 8;
/** Pinned boxes taller than this share of the viewport are overlays or sidebars: hidden, not cropped. */
const MAX_BAR_SHARE = 0.3;

/** A fixed or sticky element's box relative to the viewport in CSS px, as getBoundingClientRect gives it. */
export interface PinnedBox {
  top: number;
  bottom: number;
}

export interface StitchInput {
  /** Height of the scrolling document in CSS px. */
  scrollHeight: number;
  viewportWidth: number;
  viewportHeight: number;
  devicePixelRatio: number;
  /** Fixed and sticky elements as they sit at the first capture. */
  pinned?: readonly PinnedBox[];
  /** Size of a real capture in device px, when known; otherwise the viewport times the ratio. */
  captureSize?: { width: number; height: number };
  limits?: Partial<CanvasLimits>;
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
  /** The page is taller than the largest canvas the browser draws; the image stops at `coveredHeight`. */
  truncated: boolean;
  /** Rows cropped at the top of every capture but the first and the bottom of every one but the last. */
  bars: { top: number; bottom: number };
  /** Indices into `pinned` of elements to hide from the second capture on. */
  hideAfterFirst: number[];
  /** The least time the capture rate limit allows for these tiles, in ms. */
  floorMs: number;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Heights of the bars pinned to the top and the bottom, and the pinned boxes that are neither. */
function pinnedBars(pinned: readonly PinnedBox[], viewportHeight: number) {
  const limit = viewportHeight * MAX_BAR_SHARE;
  const visible = pinned
    .map((box, index) => ({ ...box, index }))
    .filter((b) => b.bottom > b.top && b.bottom > 0 && b.top < viewportHeight);
  const bars = new Set<number>();
  let top = 0;
  // Top down, so bars stacked under one another (a notice above a menu) join one band.
  for (const b of [...visible].sort((x, y) => x.top - y.top)) {
    if (b.top <= top + EDGE_SLACK && b.bottom <= limit) {
      top = Math.max(top, b.bottom);
      bars.add(b.index);
    }
  }
  let bottom = 0;
  for (const b of [...visible].sort((x, y) => y.bottom - x.bottom)) {
    const fromBottom = viewportHeight - b.top;
    if (!bars.has(b.index) && b.bottom >= viewportHeight - bottom - EDGE_SLACK && fromBottom <= limit) {
      bottom = Math.max(bottom, fromBottom);
      bars.add(b.index);
    }
  }
  const hideAfterFirst = visible.filter((b) => !bars.has(b.index)).map((b) => b.index);
  return { top, bottom, hideAfterFirst };
}

/** Plans the captures of a full page. Pure: the same input gives the same plan. */
export function planStitch(input: StitchInput): StitchPlan {
  const dpr = positive(input.devicePixelRatio, 1);
  const viewportHeight = Math.round(positive(input.viewportHeight, 1));
  const width = Math.round(positive(input.captureSize?.width, positive(input.viewportWidth, 1) * dpr));
  const height = Math.round(positive(input.captureSize?.height, viewportHeight * dpr));
  const pageHeight = Math.max(viewportHeight, Math.ceil(positive(input.scrollHeight, viewportHeight)));
  const maxScroll = pageHeight - viewportHeight;

  const pinned = pinnedBars(input.pinned ?? [], viewportHeight);
  // Ceil: a bar's last, partly covered row is still the bar's.
  const topBar = Math.ceil(pinned.top * dpr);
  const bottomBar = Math.ceil(pinned.bottom * dpr);

  const limits = { ...CHROMIUM_CANVAS_LIMITS, ...input.limits };
  const maxHeight = Math.max(1, Math.min(limits.maxSide, Math.floor(limits.maxArea / width)));
  const fullHeight = Math.round(maxScroll * dpr) + height;
  const truncated = fullHeight > maxHeight;
  // A truncated image never reaches the page's end, where alone the bottom bar belongs.
  const end = truncated ? Math.min(maxHeight, fullHeight - bottomBar) : fullHeight;
  // Scrolling down at least one device px per capture, also when zoomed out below ratio 1.
  const minStep = Math.ceil(1 / dpr);

  const tiles: StitchTile[] = [];
  let covered = 0;
  let scrollY = 0;
  while (covered < end) {
    if (tiles.length > 0) {
      // The next capture starts where the last one's kept rows ended, less the top bar it will crop.
      const next = Math.floor((covered - topBar) / dpr);
      scrollY = Math.min(maxScroll, Math.max(next, scrollY + minStep));
    }
    const offset = Math.round(scrollY * dpr);
    const last = scrollY === maxScroll && !truncated;
    const from = tiles.length === 0 ? 0 : covered - offset;
    const to = Math.min(last ? height : height - bottomBar, end - offset);
    // Cannot happen with the arithmetic above; fail loudly rather than loop forever if it ever does.
    if (to <= from) throw new Error(`Stitch plan stalled at row ${covered} of ${end}`);
    tiles.push({ scrollY, source: { x: 0, y: from, width, height: to - from }, destY: offset + from });
    covered = offset + to;
  }

  return {
    tiles,
    capture: { width, height },
    canvas: { width, height: end },
    pageHeight,
    coveredHeight: truncated ? Math.floor(end / dpr) : pageHeight,
    truncated,
    bars: { top: topBar, bottom: bottomBar },
    hideAfterFirst: pinned.hideAfterFirst,
    floorMs: rateLimitFloorMs(tiles.length, input.callsPerSecond),
  };
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
