import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { ExtensionBrowser } from './harness.ts';

/**
 * How legible the text of a capture is against a reference of the same page, without OCR: the page
 * is cut into blocks of 8 × 8 px, and the blocks where the reference has the strong edges of glyphs
 * (text, not the smooth gradients of photos or flat colour) are the text areas. Within them:
 *
 * - `match`: the share of glyph-edge pixels within a few levels of the reference (a lossless capture
 *   of the same rendering is 100 %; JPEG's ringing and smearing around glyphs show as misses);
 * - `edges`: the edge energy of the capture over the reference's (1 when glyph edges are as crisp;
 *   below when blurred, above when ringing adds edges of its own).
 */
export interface Legibility {
  match: number;
  edges: number;
  /** How many text blocks were compared. */
  blocks: number;
}

const BLOCK = 8;
/** A block is text when the mean luminance step between neighbours in the reference exceeds this. */
const TEXT_EDGE = 10;
/** A pixel of a text block is part of a glyph's edge when its luminance steps by this much. */
const GLYPH_EDGE = 24;
/** A pixel matches when no channel differs by more than this: colour management, not smearing. */
const TOLERANCE = 8;

const luminance = (d: Uint8Array | Buffer, i: number) =>
  0.299 * (d[i] ?? 0) + 0.587 * (d[i + 1] ?? 0) + 0.114 * (d[i + 2] ?? 0);

/** Edge energy at (x, y): the luminance steps to the right and below. */
function edge(png: PNG, x: number, y: number): number {
  const i = (y * png.width + x) * 4;
  const here = luminance(png.data, i);
  const right = x + 1 < png.width ? luminance(png.data, i + 4) : here;
  const below = y + 1 < png.height ? luminance(png.data, i + png.width * 4) : here;
  return Math.abs(right - here) + Math.abs(below - here);
}

/** Compares rows `[from, to)` of both images (all by default), over their common width. */
export function legibility(image: PNG, reference: PNG, rows?: { from: number; to: number }): Legibility {
  const width = Math.min(image.width, reference.width);
  const from = Math.max(0, rows?.from ?? 0);
  const to = Math.min(image.height, reference.height, rows?.to ?? Number.POSITIVE_INFINITY);
  let blocks = 0;
  let pixels = 0;
  let matching = 0;
  let ours = 0;
  let theirs = 0;
  for (let by = from; by + BLOCK <= to; by += BLOCK) {
    for (let bx = 0; bx + BLOCK <= width; bx += BLOCK) {
      let refEdges = 0;
      let imgEdges = 0;
      for (let y = by; y < by + BLOCK; y++) {
        for (let x = bx; x < bx + BLOCK; x++) {
          refEdges += edge(reference, x, y);
          imgEdges += edge(image, x, y);
        }
      }
      if (refEdges / (BLOCK * BLOCK) < TEXT_EDGE) continue;
      blocks++;
      theirs += refEdges;
      ours += imgEdges;
      for (let y = by; y < by + BLOCK; y++) {
        for (let x = bx; x < bx + BLOCK; x++) {
          // Glyph pixels only: where the reference steps, not the paper around the letters.
          if (edge(reference, x, y) < GLYPH_EDGE) continue;
          const i = (y * image.width + x) * 4;
          const j = (y * reference.width + x) * 4;
          let worst = 0;
          for (let c = 0; c < 3; c++)
            worst = Math.max(worst, Math.abs((image.data[i + c] ?? 0) - (reference.data[j + c] ?? 0)));
          pixels++;
          if (worst <= TOLERANCE) matching++;
        }
      }
    }
  }
  return { match: pixels ? (100 * matching) / pixels : 100, edges: theirs ? ours / theirs : 1, blocks };
}

/** The parts of a whole page one above the other, the band below the last left off: the page as one image. */
export function stackParts(parts: readonly PNG[], band: number): PNG {
  const width = Math.max(...parts.map((p) => p.width));
  const height = parts.reduce((sum, p) => sum + p.height, 0) - band;
  const out = new PNG({ width, height });
  let y = 0;
  parts.forEach((p, i) => {
    const rows = i === parts.length - 1 ? p.height - band : p.height;
    PNG.bitblt(p, out, 0, 0, p.width, rows, 0, y);
    y += rows;
  });
  return out;
}

/** Chromium's own screenshot of the whole page at once (CDP `captureBeyondViewport`): the reference. */
export async function wholePageReference(b: ExtensionBrowser, page: Page): Promise<PNG> {
  await page.bringToFront();
  const { width, height } = await page.evaluate(() => ({
    width: window.innerWidth,
    height: document.documentElement.scrollHeight,
  }));
  const cdp = await b.context.newCDPSession(page);
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width, height, scale: 1 },
  });
  await cdp.detach();
  return PNG.sync.read(Buffer.from(data, 'base64'));
}

/** The same pixels through the old path: the whole page as one JPEG at quality 0.9, in the browser. */
export async function asOldJpeg(extensionPage: Page, png: PNG): Promise<{ png: PNG; bytes: number }> {
  const out = await extensionPage.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(bitmap, 0, 0);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const back = await createImageBitmap(jpeg);
    const again = new OffscreenCanvas(back.width, back.height);
    (again.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(back, 0, 0);
    const decoded = new Uint8Array(await (await again.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let binary = '';
    for (let i = 0; i < decoded.length; i += 0x8000)
      binary += String.fromCharCode(...decoded.subarray(i, i + 0x8000));
    return { base64: btoa(binary), bytes: jpeg.size };
  }, PNG.sync.write(png).toString('base64'));
  return { png: PNG.sync.read(Buffer.from(out.base64, 'base64')), bytes: out.bytes };
}
