/** WebP cannot be taller or wider than this; larger captures go to JPEG or PNG. */
const WEBP_MAX_SIDE = 16_383;

/**
 * Encodes compactly: WebP (or JPEG past WebP's size limit) for photos of pages, PNG when it is
 * smaller, as it is for flat pages of text and solid colour.
 */
export async function encodeCompact(canvas: OffscreenCanvas): Promise<Blob> {
  const lossy =
    canvas.width <= WEBP_MAX_SIDE && canvas.height <= WEBP_MAX_SIDE
      ? await canvas.convertToBlob({ type: 'image/webp', quality: 0.92 })
      : await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  const png = await canvas.convertToBlob({ type: 'image/png' });
  // A browser without the lossy encoder hands back PNG under the lossy name; the check covers it.
  return png.size <= lossy.size ? png : lossy;
}

export function extensionFor(blob: Blob): string {
  return { 'image/webp': 'webp', 'image/jpeg': 'jpg', 'image/png': 'png' }[blob.type] ?? 'bin';
}
