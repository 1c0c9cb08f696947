/** Height of the burned-in band in CSS pixels; scaled by the device pixel ratio like the page. */
export const BAND_CSS_HEIGHT = 28;

/** "2026-11-23 14:05:09 UTC+02:00": local wall time with its offset, unambiguous for support. */
export function localTimeWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ` +
    `UTC${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** The same moment as an ISO 8601 string with the local offset, for the report's fields. */
export function isoWithOffset(date: Date): string {
  const local = localTimeWithOffset(date);
  const [day, time, zone] = local.split(' ') as [string, string, string];
  const ms = String(date.getMilliseconds()).padStart(3, '0');
  return `${day}T${time}.${ms}${zone.slice(3)}`;
}

/** Rows the band takes at this scale (device px per CSS px). */
export const bandHeight = (scale: number) => Math.round(BAND_CSS_HEIGHT * scale);

/**
 * Draws `image` with a band below it holding the URL and the capture time, so the facts travel with
 * the picture wherever it is forwarded. Returns a new canvas one band taller.
 */
export function withBand(
  image: ImageBitmap | OffscreenCanvas,
  url: string,
  at: Date,
  scale: number,
): OffscreenCanvas {
  const canvas = new OffscreenCanvas(image.width, image.height + bandHeight(scale));
  (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(image, 0, 0);
  drawBand(canvas, image.height, url, at, scale);
  return canvas;
}

/**
 * Draws the band into the bottom rows of `canvas`, from row `top`: for a canvas made one band taller
 * than its image, which saves copying a whole stitched page into a new canvas.
 */
export function drawBand(canvas: OffscreenCanvas, top: number, url: string, at: Date, scale: number): void {
  const band = canvas.height - top;
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.fillStyle = '#111827';
  ctx.fillRect(0, top, canvas.width, band);
  const font = Math.round(13 * scale);
  const pad = Math.round(8 * scale);
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const y = top + band / 2;
  const time = localTimeWithOffset(at);
  const timeWidth = ctx.measureText(time).width;
  ctx.fillStyle = '#f9fafb';
  ctx.fillText(time, canvas.width - pad - timeWidth, y);
  // The URL gets what room is left, cut with an ellipsis rather than running under the time.
  const room = canvas.width - timeWidth - 3 * pad;
  ctx.fillText(fitText(ctx, url, room), pad, y);
}

function fitText(ctx: OffscreenCanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}
