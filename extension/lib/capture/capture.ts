import { browser } from 'wxt/browser';
import type { CaptureMethod } from '../../../shared/schemas/report.ts';
import { type PageMessage, type PageMetrics, pageMetrics, rendered } from '../messages.ts';
import { captureDelayMs, planStitch } from '../stitch-plan.ts';
import { bandHeight, drawBand, withBand } from './band.ts';
import { encodeCompact } from './encode.ts';

export interface CaptureResult {
  blob: Blob;
  method: CaptureMethod;
  width: number;
  height: number;
  truncated: boolean;
}

/** Pages taller than this (CSS px) are not walked for lazy content: an endless feed would never end. */
const PRELOAD_MAX_HEIGHT = 30_000;

async function ask<T>(tabId: number, message: PageMessage): Promise<T> {
  const answer = (await browser.tabs.sendMessage(tabId, message)) as T | { error: string } | undefined;
  if (answer && typeof answer === 'object' && 'error' in answer) throw new Error(answer.error);
  return answer as T;
}

/** Start times of our `captureVisibleTab` calls, to keep within the browser's rate limit. */
const calls: number[] = [];
/** Chromium's rate-limit error names the limit it enforces. */
const QUOTA_EXCEEDED = 'MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND';
/** Long enough for any quota window open at the failed call to have closed (1 s, and a margin). */
const QUOTA_RETRY_MS = 1100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The visible part of the tab as a PNG data URL, as soon as the rate limit allows. */
async function captureVisible(windowId: number): Promise<string> {
  // Asked again after each wait: a timer may fire a little before the clock reaches the time asked
  // for, and the call must go at a moment the pacing rule has approved.
  for (let wait = captureDelayMs(Date.now(), calls); wait > 0; wait = captureDelayMs(Date.now(), calls)) {
    await sleep(wait);
  }
  calls.push(Date.now());
  if (calls.length > 10) calls.shift();
  try {
    return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (err) {
    if (!(err instanceof Error && err.message.includes(QUOTA_EXCEEDED))) throw err;
    // Our clock and the browser's put a call in different quota windows (a busy machine delays the
    // browser's count): once every window open then has closed, the next call surely has room.
    await sleep(QUOTA_RETRY_MS);
    calls.push(Date.now());
    return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  }
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
export async function captureTab(tab: { id: number; windowId: number }, at: Date) {
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
      ? await stitch(tab, pageMetrics.parse(await walked), at)
      : await render(tab.id, metrics, at);
  } finally {
    await ask(tab.id, { type: 'restore' }).catch(() => {});
  }
  return { metrics, viewport, fullPage: await encode(full) };
}

/** Only the viewport, for the steps of a series. */
export async function captureViewport(tab: { id: number; windowId: number }, at: Date) {
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
async function stitch(tab: { id: number; windowId: number }, metrics: PageMetrics, at: Date): Promise<Taken> {
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
async function render(tabId: number, metrics: PageMetrics, at: Date): Promise<Taken> {
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
