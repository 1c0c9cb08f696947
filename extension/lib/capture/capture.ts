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
import { encodeCompact } from './encode.ts';
import { stitchPage } from './loop.ts';
import { type CaptureClock, pacedCapture } from './pacing.ts';
import { planStitch } from './stitch-plan.ts';

export interface CaptureResult {
  blob: Blob;
  method: CaptureMethod;
  width: number;
  height: number;
  truncated: boolean;
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

/**
 * Captures a tab the way support needs it: first the visible viewport, pixel-true and at once, then
 * the whole page. Private fields are masked in the page before either capture, and the page is put
 * back as it was as soon as its pixels are taken, whatever happens in between; encoding comes after.
 */
async function captureTab(shell: Shell, tab: Tab, at: Date) {
  const { ask, captureVisible } = shell;
  const metrics = pageMetrics.parse(await ask(tab.id, { type: 'prepare' }));
  let viewport: CaptureResult;
  let full: Taken;
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
      : await render(ask, tab.id, metrics, at);
  } finally {
    await ask(tab.id, { type: 'restore' }).catch(() => {});
  }
  return { metrics, viewport, fullPage: await encode(full) };
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
 * A page still growing where the walk stopped is captured to the cap, and says so.
 */
async function stitch(
  { ask, captureVisible }: Shell,
  tab: Tab,
  { metrics, endless }: Walked,
  at: Date,
): Promise<Taken> {
  const plan = planStitch({
    scrollHeight: metrics.scrollHeight,
    viewportWidth: metrics.viewportWidth,
    viewportHeight: metrics.viewportHeight,
    devicePixelRatio: metrics.devicePixelRatio,
    ...(endless ? { maxCssHeight: GROWING_MAX_HEIGHT } : {}),
  });
  const scale = plan.canvas.width / metrics.viewportWidth;
  // Room for the band from the start: copying a whole page into a taller canvas takes a while.
  let canvas = new OffscreenCanvas(plan.canvas.width, plan.canvas.height + bandHeight(scale));
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  const stitched = await stitchPage(
    {
      scroll: async (y) => tileView.parse(await ask(tab.id, { type: 'scroll', y })),
      hide: async (ids) => void (await ask(tab.id, { type: 'hide', ids: [...ids] })),
    },
    {
      capture: () => captureVisible(tab.windowId),
      async draw(shot, tile) {
        const bitmap = await decode(shot);
        const { x, y, width, height } = tile.source;
        ctx.drawImage(bitmap, x, y, width, height, 0, tile.destY, width, height);
        bitmap.close();
      },
    },
    plan,
    { devicePixelRatio: metrics.devicePixelRatio },
  );
  // The page got shorter while it was captured: the image ends where the page did.
  if (stitched.height < plan.canvas.height) {
    const shorter = new OffscreenCanvas(canvas.width, stitched.height + bandHeight(scale));
    (shorter.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(canvas, 0, 0);
    canvas = shorter;
  }
  drawBand(canvas, stitched.height, metrics.url, at, scale);
  return { canvas, method: 'stitched', truncated: stitched.truncated };
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
