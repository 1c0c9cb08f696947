import type { CaptureMethod } from '../../../shared/schemas/report.ts';
import { type PageMessage, type PageMetrics, pageMetrics, rendered } from '../messages.ts';
import { bandHeight, drawBand, withBand } from './band.ts';
import { encodeCompact } from './encode.ts';
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

/** Pages taller than this (CSS px) are not walked for lazy content: an endless feed would never end. */
const PRELOAD_MAX_HEIGHT = 30_000;

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
    const walked =
      metrics.scroller === 'window'
        ? ask<unknown>(tab.id, { type: 'preload', maxHeight: PRELOAD_MAX_HEIGHT })
        : undefined;
    viewport = await encode(banded(await decode(shot), 'viewport', metrics, at, false));
    full = walked
      ? await stitch(shell, tab, pageMetrics.parse(await walked), at)
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

/** Scroll-and-stitch of the real pixels, with pinned bars kept once (see stitch-plan.ts). */
async function stitch(
  { ask, captureVisible }: Shell,
  tab: Tab,
  metrics: PageMetrics,
  at: Date,
): Promise<Taken> {
  const plan = planStitch({
    scrollHeight: metrics.scrollHeight,
    viewportWidth: metrics.viewportWidth,
    viewportHeight: metrics.viewportHeight,
    devicePixelRatio: metrics.devicePixelRatio,
    pinned: metrics.pinned,
  });
  const scale = plan.canvas.width / metrics.viewportWidth;
  // Room for the band from the start: copying a whole page into a taller canvas takes a while.
  const canvas = new OffscreenCanvas(plan.canvas.width, plan.canvas.height + bandHeight(scale));
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  // Each capture is decoded and drawn while the page scrolls to the next one.
  let drawn = Promise.resolve();
  for (const [i, tile] of plan.tiles.entries()) {
    await ask(tab.id, { type: 'scroll', y: tile.scrollY, hide: i === 0 ? [] : plan.hideAfterFirst });
    const shot = await captureVisible(tab.windowId);
    drawn = drawn.then(async () => {
      const bitmap = await decode(shot);
      const { x, y, width, height } = tile.source;
      ctx.drawImage(bitmap, x, y, width, height, 0, tile.destY, width, height);
      bitmap.close();
    });
  }
  await drawn;
  drawBand(canvas, plan.canvas.height, metrics.url, at, scale);
  return { canvas, method: 'stitched', truncated: plan.truncated };
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
