import { LIMITS } from '../../../shared/limits.ts';
import type { CaptureMethod } from '../../../shared/schemas/report.ts';
import {
  type PageMessage,
  type PageMetrics,
  pageMetrics,
  rendered,
  tileView,
  type Walked,
  walked,
} from '../messages.ts';
import { bandHeight, drawBand, withBand } from './band.ts';
import { encodeCompact, encodeSharp } from './encode.ts';
import { stitchPage } from './loop.ts';
import { type CaptureClock, pacedCapture } from './pacing.ts';
import { cutParts, finishedParts, type PartRows, planParts, slicesOf } from './parts.ts';
import { planStitch } from './stitch-plan.ts';

export interface CaptureResult {
  blob: Blob;
  method: CaptureMethod;
  width: number;
  height: number;
  truncated: boolean;
  /** One part of a whole page cut for its height ("Whole page 2/3"), counted from 1. */
  part?: { index: number; count: number };
}

/** The browser calls a capture makes, passed in so that a test can fake the tab and the clock. */
export interface CaptureBrowser extends CaptureClock {
  /** A message to the tab's page script, and its answer. */
  sendToTab(tabId: number, message: PageMessage): Promise<unknown>;
}

type Tab = { id: number; windowId: number };

/** The page script and the paced capture of one tab's browser. */
interface Shell {
  ask<T>(tabId: number, message: PageMessage): Promise<T>;
  captureVisible(windowId: number): Promise<string>;
}

/** Pages taller than this (CSS px) are not walked for lazy content further down. */
const PRELOAD_MAX_HEIGHT = 30_000;
/**
 * A page still growing as it is walked (an endless feed) is walked and captured to this height (CSS
 * px), some twenty screens, and the capture says it is truncated: the feed would never end.
 */
const GROWING_MAX_HEIGHT = 15_000;

/** The captures, on the browser given; one capturer keeps one clock for the browser's rate limit. */
export function createCapturer(io: CaptureBrowser) {
  const shell: Shell = {
    async ask<T>(tabId: number, message: PageMessage): Promise<T> {
      const answer = (await io.sendToTab(tabId, message)) as T | { error: string } | undefined;
      if (answer && typeof answer === 'object' && 'error' in answer) throw new Error(answer.error);
      return answer as T;
    },
    captureVisible: pacedCapture(io),
  };
  return {
    captureTab: (tab: Tab, at: Date) => captureTab(shell, tab, at),
    captureViewport: (tab: Tab, at: Date) => captureViewport(shell, tab, at),
  };
}

const decode = async (dataUrl: string) => createImageBitmap(await (await fetch(dataUrl)).blob());

/** Pixels taken from the page with the band already drawn: all that is left is encoding them. */
interface Taken {
  canvas: OffscreenCanvas;
  method: CaptureMethod;
  truncated: boolean;
}

/** A whole page taken, its parts perhaps encoding already: `encoded` finishes them, in page order. */
interface TakenPage {
  encoded(): Promise<CaptureResult[]>;
}

/**
 * The bytes one part of a whole page may take before it goes lossy: under the intake's limit for a
 * file with room to spare, and the parts together (three at most, at the canvas' 32,767 rows) under
 * 60 % of a report's, leaving the rest for the viewport, the steps and attached files.
 */
const partMaxBytes = (count: number) =>
  Math.floor(Math.min(0.8 * LIMITS.maxFileBytes, (0.6 * LIMITS.maxReportBytes) / count));

/**
 * Captures a tab the way support needs it: first the visible viewport, pixel-true and at once, then
 * the whole page. Private fields are masked in the page before either capture, and the page is put
 * back as it was as soon as its pixels are taken, whatever happens in between; encoding comes after.
 */
async function captureTab(shell: Shell, tab: Tab, at: Date) {
  const { ask, captureVisible } = shell;
  const metrics = pageMetrics.parse(await ask(tab.id, { type: 'prepare' }));
  let viewport: CaptureResult;
  let full: TakenPage;
  try {
    const shot = await captureVisible(tab.windowId);
    // The page walks itself for lazy content while the viewport is decoded and encoded here: done
    // in that time, the walk leaves the first capture of the page in the rate limit's first second.
    const walk =
      metrics.scroller === 'window' || metrics.scroller === 'viewport-element'
        ? ask<unknown>(tab.id, {
            type: 'preload',
            maxHeight: PRELOAD_MAX_HEIGHT,
            growingMaxHeight: GROWING_MAX_HEIGHT,
          })
        : undefined;
    viewport = await encode(banded(await decode(shot), 'viewport', metrics, at, false));
    full = walk
      ? await stitch(shell, tab, walked.parse(await walk), at)
      : inParts(await render(ask, tab.id, metrics, at), metrics);
  } finally {
    await ask(tab.id, { type: 'restore' }).catch(() => {});
  }
  return { metrics, viewport, fullPage: await full.encoded() };
}

/** Only the viewport, for the steps of a series. */
async function captureViewport({ ask, captureVisible }: Shell, tab: Tab, at: Date) {
  const metrics = pageMetrics.parse(await ask(tab.id, { type: 'prepare' }));
  let shot: ImageBitmap;
  try {
    shot = await decode(await captureVisible(tab.windowId));
  } finally {
    await ask(tab.id, { type: 'restore' }).catch(() => {});
  }
  return { metrics, viewport: await encode(banded(shot, 'viewport', metrics, at, false)) };
}

/**
 * Scroll-and-stitch of the real pixels (loop.ts): every fixed element once, sticky ones in the flow.
 * A page still growing where the walk stopped is captured to the cap, and says so. A page taller than
 * one part is drawn straight into its parts (parts.ts), and each part but the last is encoded as soon
 * as its rows are drawn, while the capture goes on; only the last waits for the end.
 */
async function stitch(
  { ask, captureVisible }: Shell,
  tab: Tab,
  { metrics, endless }: Walked,
  at: Date,
): Promise<TakenPage> {
  const plan = planStitch({
    scrollHeight: metrics.scrollHeight,
    viewportWidth: metrics.viewportWidth,
    viewportHeight: metrics.viewportHeight,
    devicePixelRatio: metrics.devicePixelRatio,
    ...(endless ? { maxCssHeight: GROWING_MAX_HEIGHT } : {}),
  });
  const scale = plan.canvas.width / metrics.viewportWidth;
  const band = bandHeight(scale);
  const width = plan.canvas.width;
  const planned = planParts(plan.canvas.height, band);
  const maxBytes = partMaxBytes(planned.length);
  // Room for the band below the last part from the start: copying a part into a taller canvas takes a while.
  const sheets = planned.map(
    (p, i) => new OffscreenCanvas(width, p.end - p.start + (i === planned.length - 1 ? band : 0)),
  );
  const early = new Map<number, Promise<Blob>>();
  const stitched = await stitchPage(
    {
      scroll: async (y) => tileView.parse(await ask(tab.id, { type: 'scroll', y })),
      hide: async (ids) => void (await ask(tab.id, { type: 'hide', ids: [...ids] })),
    },
    {
      capture: () => captureVisible(tab.windowId),
      async draw(shot, tile) {
        const bitmap = await decode(shot);
        const { x, y, width: w, height } = tile.source;
        for (const slice of slicesOf(planned, { sourceY: y, destY: tile.destY, height })) {
          const ctx = sheets[slice.part]?.getContext('2d') as OffscreenCanvasRenderingContext2D;
          ctx.drawImage(bitmap, x, slice.sourceY, w, slice.height, 0, slice.destY, w, slice.height);
        }
        bitmap.close();
        // A part whose rows are all drawn is final: encoded now, it costs no time after the last tile.
        for (const i of finishedParts(planned, tile.destY + height)) {
          const sheet = sheets[i];
          if (early.has(i) || !sheet) continue;
          const encoding = encodeSharp(sheet, maxBytes);
          // Awaited by `encoded()`; unawaited only when the capture fails later, which reports its own error.
          encoding.catch(() => {});
          early.set(i, encoding);
        }
      },
    },
    plan,
    { devicePixelRatio: metrics.devicePixelRatio },
  );
  // The page got shorter while it was captured: the image ends where the page did.
  const parts = cutParts(planned, stitched.height);
  const lastIndex = parts.length - 1;
  const last = parts[lastIndex] as PartRows;
  const lastRows = last.end - last.start;
  let lastSheet = sheets[lastIndex] as OffscreenCanvas;
  if (lastSheet.height !== lastRows + band) {
    const shorter = new OffscreenCanvas(width, lastRows + band);
    (shorter.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(lastSheet, 0, 0);
    lastSheet = shorter;
    // Encoded early without the band, as it was not the last part then.
    early.delete(lastIndex);
  }
  drawBand(lastSheet, lastRows, metrics.url, at, scale);
  const finals = parts.map((_, i) => (i === lastIndex ? lastSheet : (sheets[i] as OffscreenCanvas)));
  return {
    encoded: () =>
      Promise.all(
        finals.map(async (sheet, i) => ({
          blob: await (early.get(i) ?? encodeSharp(sheet, maxBytes)),
          method: 'stitched' as const,
          width: sheet.width,
          height: sheet.height,
          truncated: stitched.truncated,
          ...(finals.length > 1 ? { part: { index: i + 1, count: finals.length } } : {}),
        })),
      ),
  };
}

/** A whole page taken in one canvas with its band (html2canvas): cut into parts when too tall. */
function inParts({ canvas, method, truncated }: Taken, metrics: PageMetrics): TakenPage {
  const band = bandHeight(canvas.width / metrics.viewportWidth);
  const parts = planParts(canvas.height - band, band);
  const maxBytes = partMaxBytes(parts.length);
  const sheets =
    parts.length === 1
      ? [canvas]
      : parts.map((p, i) => {
          const rows = p.end - p.start + (i === parts.length - 1 ? band : 0);
          const sheet = new OffscreenCanvas(canvas.width, rows);
          const ctx = sheet.getContext('2d') as OffscreenCanvasRenderingContext2D;
          ctx.drawImage(canvas, 0, p.start, canvas.width, rows, 0, 0, canvas.width, rows);
          return sheet;
        });
  return {
    encoded: () =>
      Promise.all(
        sheets.map(async (sheet, i) => ({
          blob: await encodeSharp(sheet, maxBytes),
          method,
          width: sheet.width,
          height: sheet.height,
          truncated,
          ...(sheets.length > 1 ? { part: { index: i + 1, count: sheets.length } } : {}),
        })),
      ),
  };
}

/** The html2canvas fallback for pages that scroll inside a container. */
async function render(ask: Shell['ask'], tabId: number, metrics: PageMetrics, at: Date): Promise<Taken> {
  const maxHeight = Math.floor(32_000 / metrics.devicePixelRatio);
  const result = rendered.parse(await ask(tabId, { type: 'render', maxHeight }));
  return banded(await decode(result.dataUrl), 'html2canvas', metrics, at, result.truncated);
}

function banded(
  image: ImageBitmap,
  method: CaptureMethod,
  metrics: PageMetrics,
  at: Date,
  truncated: boolean,
): Taken {
  const canvas = withBand(image, metrics.url, at, image.width / metrics.viewportWidth);
  image.close();
  return { canvas, method, truncated };
}

async function encode({ canvas, method, truncated }: Taken): Promise<CaptureResult> {
  const blob = await encodeCompact(canvas);
  return { blob, method, width: canvas.width, height: canvas.height, truncated };
}
