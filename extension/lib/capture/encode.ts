import { WEBP_MAX_SIDE } from './parts.ts';

/**
 * Past this many pixels (a viewport at ratio 2) photos go to JPEG, not WebP: Chromium's WebP encoder
 * takes ~0.1 s a megapixel and blocks the worker meanwhile, about ten times JPEG's cost, and a
 * full page waits for it after its last capture. JPEG is ~40 % larger for the same pixel match.
 */
const WEBP_MAX_PIXELS = 2560 * 1600;

/**
 * Encodes compactly: WebP (JPEG past WebP's size limit) for photos of pages, PNG when it is smaller,
 * as it is for flat pages of text and solid colour. For a viewport, which is small.
 */
export async function encodeCompact(canvas: OffscreenCanvas): Promise<Blob> {
  const webp =
    canvas.width <= WEBP_MAX_SIDE &&
    canvas.height <= WEBP_MAX_SIDE &&
    canvas.width * canvas.height <= WEBP_MAX_PIXELS;
  const lossy = webp
    ? await canvas.convertToBlob({ type: 'image/webp', quality: 0.92 })
    : await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  const png = await canvas.convertToBlob({ type: 'image/png' });
  // A browser without the lossy encoder hands back PNG under the lossy name; the check covers it.
  return png.size <= lossy.size ? png : lossy;
}

/**
 * JPEG qualities tried, best first, for a part that is over its budget even losslessly (a page of
 * photos at ratio 2): JPEG, not lossy WebP, because WebP would block the worker ~0.1 s a megapixel,
 * 4 s for a part, where JPEG takes a tenth of that.
 */
const FALLBACK_QUALITIES = [0.92, 0.85, 0.75, 0.6, 0.45];

/**
 * Encodes a whole-page image (or one part of it) so that small text stays sharp: PNG, lossless.
 * Measured in Chromium on the corpus and the bench page, PNG takes ~10 ms a megapixel and is the same
 * size as lossless WebP (`quality: 1`, lossless in Chromium and in Firefox) give or take a third, which
 * takes 40–165 ms a megapixel; lossy WebP and JPEG smear the edges of letters. Over `maxBytes`, lossless
 * WebP is tried (in Firefox, whose PNG encoder compresses little, it is up to 8 times smaller), and
 * only then JPEG, as little lossy as fits.
 */
export async function encodeSharp(canvas: OffscreenCanvas, maxBytes: number): Promise<Blob> {
  const png = await canvas.convertToBlob({ type: 'image/png' });
  if (png.size <= maxBytes) return png;
  let smallest = png;
  if (canvas.width <= WEBP_MAX_SIDE && canvas.height <= WEBP_MAX_SIDE) {
    const lossless = await canvas.convertToBlob({ type: 'image/webp', quality: 1 });
    // A browser without the WebP encoder hands back PNG under the WebP name.
    if (lossless.type === 'image/webp' && lossless.size <= maxBytes) return lossless;
    if (lossless.size < smallest.size) smallest = lossless;
  }
  for (const quality of FALLBACK_QUALITIES) {
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    if (jpeg.size < smallest.size) smallest = jpeg;
    if (jpeg.size <= maxBytes) return jpeg;
  }
  // Nothing fits: the smallest goes, and the form tells the person before anything is sent.
  return smallest;
}

export function extensionFor(blob: Blob): string {
  return { 'image/webp': 'webp', 'image/jpeg': 'jpg', 'image/png': 'png' }[blob.type] ?? 'bin';
}
