import { browser } from 'wxt/browser';
import type { CaptureMethod } from '../../../shared/schemas/report.ts';
import { type PageMessage, type PageMetrics, pageMetrics, rendered } from '../messages.ts';
import { captureDelayMs, planStitch } from '../stitch-plan.ts';
import { withBand } from './band.ts';
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

async function captureVisible(windowId: number): Promise<ImageBitmap> {
  const wait = captureDelayMs(Date.now(), calls);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  calls.push(Date.now());
  if (calls.length > 10) calls.shift();
  const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  return createImageBitmap(await (await fetch(dataUrl)).blob());
}

/**
 * Captures a tab the way support needs it: first the visible viewport, pixel-true and at once, then
 * the whole page. Private fields are masked in the page before either capture, and the page is put
 * back as it was afterwards, whatever happens in between.
 */
export async function captureTab(tab: { id: number; windowId: number }, at: Date) {
  const metrics = pageMetrics.parse(await ask(tab.id, { type: 'prepare' }));
  try {
    const viewportBitmap = await captureVisible(tab.windowId);
    const viewport = await finish(viewportBitmap, 'viewport', metrics, at, false);
    const fullPage =
      metrics.scroller === 'window' ? await stitch(tab, at) : await render(tab.id, metrics, at);
    return { metrics, viewport, fullPage };
  } finally {
    await ask(tab.id, { type: 'restore' }).catch(() => {});
  }
}

/** Only the viewport, for the steps of a series. */
export async function captureViewport(tab: { id: number; windowId: number }, at: Date) {
  const metrics = pageMetrics.parse(await ask(tab.id, { type: 'prepare' }));
  try {
    return {
      metrics,
      viewport: await finish(await captureVisible(tab.windowId), 'viewport', metrics, at, false),
    };
  } finally {
    await ask(tab.id, { type: 'restore' }).catch(() => {});
  }
}

/** Scroll-and-stitch of the real pixels, with pinned bars kept once (see stitch-plan.ts). */
async function stitch(tab: { id: number; windowId: number }, at: Date): Promise<CaptureResult> {
  const metrics = pageMetrics.parse(await ask(tab.id, { type: 'preload', maxHeight: PRELOAD_MAX_HEIGHT }));
  const plan = planStitch({
    scrollHeight: metrics.scrollHeight,
    viewportWidth: metrics.viewportWidth,
    viewportHeight: metrics.viewportHeight,
    devicePixelRatio: metrics.devicePixelRatio,
    pinned: metrics.pinned,
  });
  const canvas = new OffscreenCanvas(plan.canvas.width, plan.canvas.height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  for (const [i, tile] of plan.tiles.entries()) {
    await ask(tab.id, { type: 'scroll', y: tile.scrollY, hide: i === 0 ? [] : plan.hideAfterFirst });
    const shot = await captureVisible(tab.windowId);
    const { x, y, width, height } = tile.source;
    ctx.drawImage(shot, x, y, width, height, 0, tile.destY, width, height);
    shot.close();
  }
  return finish(canvas, 'stitched', metrics, at, plan.truncated);
}

/** The html2canvas fallback for pages that scroll inside a container. */
async function render(tabId: number, metrics: PageMetrics, at: Date): Promise<CaptureResult> {
  const maxHeight = Math.floor(32_000 / metrics.devicePixelRatio);
  const result = rendered.parse(await ask(tabId, { type: 'render', maxHeight }));
  const bitmap = await createImageBitmap(await (await fetch(result.dataUrl)).blob());
  return finish(bitmap, 'html2canvas', metrics, at, result.truncated);
}

async function finish(
  image: ImageBitmap | OffscreenCanvas,
  method: CaptureMethod,
  metrics: PageMetrics,
  at: Date,
  truncated: boolean,
): Promise<CaptureResult> {
  const banded = withBand(image, metrics.url, at, image.width / metrics.viewportWidth);
  const blob = await encodeCompact(banded);
  return { blob, method, width: banded.width, height: banded.height, truncated };
}
