/** One mark a person puts on a capture, in the capture's own pixel coordinates. */
export type Annotation =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { kind: 'arrow'; x: number; y: number; x2: number; y2: number; color: string }
  | { kind: 'text'; x: number; y: number; text: string; color: string; size: number }
  | { kind: 'redact'; x: number; y: number; w: number; h: number };

/** Normalises a rectangle drawn right-to-left or bottom-up, and clips it to the image. */
export function normaliseRect(
  r: { x: number; y: number; w: number; h: number },
  width: number,
  height: number,
): { x: number; y: number; w: number; h: number } {
  const x1 = Math.max(0, Math.min(r.x, r.x + r.w));
  const y1 = Math.max(0, Math.min(r.y, r.y + r.h));
  const x2 = Math.min(width, Math.max(r.x, r.x + r.w));
  const y2 = Math.min(height, Math.max(r.y, r.y + r.h));
  return { x: x1, y: y1, w: Math.max(0, x2 - x1), h: Math.max(0, y2 - y1) };
}

type Ctx = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/**
 * Draws the marks onto the image. Redactions are drawn last and opaque, so nothing drawn before can
 * show through them and the pixels under them are gone from the result, not hidden.
 */
export function drawAnnotations(
  ctx: Ctx,
  annotations: readonly Annotation[],
  width: number,
  height: number,
): void {
  const ordered = [
    ...annotations.filter((a) => a.kind !== 'redact'),
    ...annotations.filter((a) => a.kind === 'redact'),
  ];
  const line = Math.max(2, Math.round(Math.min(width, height) / 300));
  for (const a of ordered) {
    ctx.save();
    if (a.kind === 'redact') {
      const r = normaliseRect(a, width, height);
      ctx.globalAlpha = 1;
      ctx.globalCompositeOperation = 'source-over';
      ctx.fillStyle = '#000';
      ctx.fillRect(r.x, r.y, r.w, r.h);
    } else if (a.kind === 'rect') {
      const r = normaliseRect(a, width, height);
      ctx.strokeStyle = a.color;
      ctx.lineWidth = line;
      ctx.strokeRect(r.x, r.y, r.w, r.h);
    } else if (a.kind === 'arrow') {
      drawArrow(ctx, a, line);
    } else {
      ctx.fillStyle = a.color;
      ctx.font = `bold ${a.size}px system-ui, sans-serif`;
      ctx.textBaseline = 'top';
      ctx.lineWidth = Math.max(2, a.size / 8);
      ctx.strokeStyle = '#fff';
      ctx.strokeText(a.text, a.x, a.y);
      ctx.fillText(a.text, a.x, a.y);
    }
    ctx.restore();
  }
}

function drawArrow(ctx: Ctx, a: Extract<Annotation, { kind: 'arrow' }>, line: number): void {
  const angle = Math.atan2(a.y2 - a.y, a.x2 - a.x);
  const head = line * 5;
  ctx.strokeStyle = a.color;
  ctx.fillStyle = a.color;
  ctx.lineWidth = line;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(a.x2 - Math.cos(angle) * head * 0.8, a.y2 - Math.sin(angle) * head * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(a.x2, a.y2);
  ctx.lineTo(a.x2 - head * Math.cos(angle - Math.PI / 7), a.y2 - head * Math.sin(angle - Math.PI / 7));
  ctx.lineTo(a.x2 - head * Math.cos(angle + Math.PI / 7), a.y2 - head * Math.sin(angle + Math.PI / 7));
  ctx.closePath();
  ctx.fill();
}
