/** WebP cannot be taller or wider than this; larger captures go to JPEG or PNG. */
const WEBP_MAX_SIDE = 16_383;
/**
 * Past this many pixels (a viewport at ratio 2) photos go to JPEG, not WebP: Chromium's WebP encoder
 * takes ~0.1 s a megapixel and blocks the worker meanwhile, about ten times JPEG's cost, and a
 * full page waits for it after its last capture. JPEG is ~40 % larger for the same pixel match.
 */
const WEBP_MAX_PIXELS = 2560 * 1600;

/**
 * Encodes compactly: WebP (JPEG for full pages and past WebP's size limit) for photos of pages, PNG
 * when it is smaller, as it is for flat pages of text and solid colour.
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

export function extensionFor(blob: Blob): string {
  return { 'image/webp': 'webp', 'image/jpeg': 'jpg', 'image/png': 'png' }[blob.type] ?? 'bin';
}
