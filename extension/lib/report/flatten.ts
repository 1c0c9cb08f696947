import { LIMITS } from '../../../shared/limits.ts';
import { type Annotation, drawAnnotations } from '../annotations.ts';
import { encodeCompact, encodeSharp, extensionFor } from '../capture/encode.ts';
import type { Capture } from '../store.ts';

/** Draws a capture with its marks on top: what the flattened image shows, on any 2D context. */
export function paintFlattened(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  image: CanvasImageSource,
  annotations: readonly Annotation[],
  width: number,
  height: number,
): void {
  ctx.drawImage(image, 0, 0, width, height);
  drawAnnotations(ctx, annotations, width, height);
}

/**
 * The image that is sent: the original with its marks burned in, so a redacted area is black in
 * the pixels themselves. A capture without marks goes as captured.
 */
export async function flattenCapture(capture: Capture): Promise<{ name: string; blob: Blob }> {
  if (capture.annotations.length === 0) return { name: capture.name, blob: capture.original };
  const bitmap = await createImageBitmap(capture.original);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the marks into the image');
  paintFlattened(ctx, bitmap, capture.annotations, bitmap.width, bitmap.height);
  bitmap.close();
  // A whole page (or a part of one) stays sharp with its marks, as it was captured.
  const blob =
    capture.method === 'stitched' || capture.method === 'html2canvas'
      ? await encodeSharp(canvas, Math.max(capture.original.size, 0.8 * LIMITS.maxFileBytes))
      : await encodeCompact(canvas);
  return { name: capture.name.replace(/(\.[a-z0-9]+)?$/i, `.${extensionFor(blob)}`), blob };
}
