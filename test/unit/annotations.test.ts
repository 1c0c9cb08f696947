import { describe, expect, it } from 'vitest';
import { type Annotation, normaliseRect } from '../../extension/lib/annotations.ts';
import {
  addAnnotation,
  type EditorState,
  editorState,
  markFromDrag,
  redo,
  removeAnnotation,
  TOOLS,
  toImagePoint,
  undo,
  validAnnotations,
} from '../../extension/lib/editor.ts';
import { paintFlattened } from '../../extension/lib/report/flatten.ts';

/** A small seeded generator, so a failing fuzz case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

function parseColor(css: string): [number, number, number, number] {
  const hex = /^#([0-9a-f]+)$/i.exec(css)?.[1];
  if (!hex) throw new Error(`the raster only knows hex colours, not ${css}`);
  const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
  const n = (i: number) => Number.parseInt(full.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), full.length === 8 ? n(6) : 255];
}

interface State {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  globalAlpha: number;
  globalCompositeOperation: string;
  font: string;
  textBaseline: string;
  lineCap: string;
}

/**
 * Enough of a 2D context, in software, to flatten marks: shapes cover pixels by area as a real
 * canvas anti-aliases them, and paint blends over what is there. Anything it does not model throws.
 */
class RasterContext {
  private state: State = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    globalAlpha: 1,
    globalCompositeOperation: 'source-over',
    font: '10px sans-serif',
    textBaseline: 'alphabetic',
    lineCap: 'butt',
  };
  private stack: State[] = [];
  private path: { x: number; y: number }[][] = [];

  constructor(readonly target: Raster) {}

  get depth() {
    return this.stack.length;
  }
  set fillStyle(v: string) {
    this.state.fillStyle = v;
  }
  set strokeStyle(v: string) {
    this.state.strokeStyle = v;
  }
  set lineWidth(v: number) {
    this.state.lineWidth = v;
  }
  set globalAlpha(v: number) {
    this.state.globalAlpha = v;
  }
  set globalCompositeOperation(v: string) {
    this.state.globalCompositeOperation = v;
  }
  set font(v: string) {
    this.state.font = v;
  }
  set textBaseline(v: string) {
    this.state.textBaseline = v;
  }
  set lineCap(v: string) {
    this.state.lineCap = v;
  }
  save() {
    this.stack.push({ ...this.state });
  }
  restore() {
    const top = this.stack.pop();
    if (top) this.state = top;
  }

  drawImage(image: Raster, x: number, y: number, w: number, h: number) {
    if (x !== 0 || y !== 0 || w !== image.width || h !== image.height) throw new Error('only 1:1 images');
    this.target.data.set(image.data);
  }

  /** Paints one pixel with a coverage between 0 and 1, blending source-over. */
  private paint(px: number, py: number, color: string, coverage: number) {
    if (px < 0 || py < 0 || px >= this.target.width || py >= this.target.height || coverage <= 0) return;
    if (this.state.globalCompositeOperation !== 'source-over')
      throw new Error('only source-over is modelled');
    const [r, g, b, a] = parseColor(color);
    const alpha = (a / 255) * this.state.globalAlpha * Math.min(1, coverage);
    const o = (py * this.target.width + px) * 4;
    const d = this.target.data;
    d[o] = Math.round(r * alpha + (d[o] as number) * (1 - alpha));
    d[o + 1] = Math.round(g * alpha + (d[o + 1] as number) * (1 - alpha));
    d[o + 2] = Math.round(b * alpha + (d[o + 2] as number) * (1 - alpha));
    d[o + 3] = Math.round(255 * alpha + (d[o + 3] as number) * (1 - alpha));
  }

  private coverRect(x: number, y: number, w: number, h: number, color: string) {
    const x2 = x + w;
    const y2 = y + h;
    for (let py = Math.floor(Math.min(y, y2)); py < Math.ceil(Math.max(y, y2)); py++) {
      for (let px = Math.floor(Math.min(x, x2)); px < Math.ceil(Math.max(x, x2)); px++) {
        const cx = Math.max(0, Math.min(px + 1, Math.max(x, x2)) - Math.max(px, Math.min(x, x2)));
        const cy = Math.max(0, Math.min(py + 1, Math.max(y, y2)) - Math.max(py, Math.min(y, y2)));
        this.paint(px, py, color, cx * cy);
      }
    }
  }

  fillRect(x: number, y: number, w: number, h: number) {
    this.coverRect(x, y, w, h, this.state.fillStyle);
  }

  strokeRect(x: number, y: number, w: number, h: number) {
    const l = this.state.lineWidth / 2;
    const c = this.state.strokeStyle;
    this.coverRect(x - l, y - l, w + 2 * l, 2 * l, c);
    this.coverRect(x - l, y + h - l, w + 2 * l, 2 * l, c);
    this.coverRect(x - l, y - l, 2 * l, h + 2 * l, c);
    this.coverRect(x + w - l, y - l, 2 * l, h + 2 * l, c);
  }

  beginPath() {
    this.path = [];
  }
  moveTo(x: number, y: number) {
    this.path.push([{ x, y }]);
  }
  lineTo(x: number, y: number) {
    this.path.at(-1)?.push({ x, y });
  }
  closePath() {
    const sub = this.path.at(-1);
    if (sub?.[0]) sub.push(sub[0]);
  }

  /** A thick line as discs along it: cruder than a real canvas, but it paints where a line would. */
  stroke() {
    const r = this.state.lineWidth / 2;
    for (const sub of this.path) {
      for (let i = 1; i < sub.length; i++) {
        const a = sub[i - 1] as { x: number; y: number };
        const b = sub[i] as { x: number; y: number };
        const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y)));
        for (let s = 0; s <= steps; s++) {
          const x = a.x + ((b.x - a.x) * s) / steps;
          const y = a.y + ((b.y - a.y) * s) / steps;
          this.coverRect(x - r, y - r, 2 * r, 2 * r, this.state.strokeStyle);
        }
      }
    }
  }

  fill() {
    for (const poly of this.path) {
      const xs = poly.map((p) => p.x);
      const ys = poly.map((p) => p.y);
      for (let py = Math.floor(Math.min(...ys)); py <= Math.ceil(Math.max(...ys)); py++) {
        for (let px = Math.floor(Math.min(...xs)); px <= Math.ceil(Math.max(...xs)); px++) {
          if (inside(poly, px + 0.5, py + 0.5)) this.paint(px, py, this.state.fillStyle, 1);
        }
      }
    }
  }

  private textBox(text: string, x: number, y: number, color: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.state.font)?.[1] ?? 10);
    this.coverRect(x, y, text.length * size * 0.6, size, color);
  }
  fillText(text: string, x: number, y: number) {
    this.textBox(text, x, y, this.state.fillStyle);
  }
  strokeText(text: string, x: number, y: number) {
    this.textBox(text, x, y, this.state.strokeStyle);
  }
}

function inside(poly: { x: number; y: number }[], x: number, y: number): boolean {
  let odd = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as { x: number; y: number };
    const b = poly[j] as { x: number; y: number };
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) odd = !odd;
  }
  return odd;
}

function noise(width: number, height: number, next: () => number): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = i % 4 === 3 ? 255 : 1 + Math.floor(next() * 255);
  return { width, height, data };
}

/** Flattens marks onto a copy of `image` the way Send does. */
function flatten(image: Raster, annotations: readonly Annotation[]): { out: Raster; ctx: RasterContext } {
  const out: Raster = { ...image, data: new Uint8ClampedArray(image.data.length) };
  const ctx = new RasterContext(out);
  paintFlattened(
    ctx as unknown as CanvasRenderingContext2D,
    image as unknown as CanvasImageSource,
    annotations,
    image.width,
    image.height,
  );
  return { out, ctx };
}

const COLORS = ['#e5484d', '#f5a524', '#0b84f3', '#2f9e5b', '#ffffff', '#000000cc'];

/** A random sequence of editor actions, as a person with a mouse might make them. */
function randomSession(next: () => number, width: number, height: number): EditorState {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  // Drags may start or end outside the image; the editor clips them.
  const point = () => ({
    x: Math.round(next() * width * 1.4 - width * 0.2),
    y: Math.round(next() * height * 1.4 - height * 0.2),
  });
  let state = editorState([]);
  const steps = 1 + Math.floor(next() * 14);
  for (let i = 0; i < steps; i++) {
    const action = next();
    if (action < 0.65) {
      const box = { left: 0, top: 0, width, height };
      const from = toImagePoint(point(), box, { width, height });
      const to = toImagePoint(point(), box, { width, height });
      const text = next() < 0.8 ? 'Order 456' : '';
      const mark = markFromDrag(pick(TOOLS), from, to, { color: pick(COLORS), text }, { width, height });
      if (mark) state = addAnnotation(state, mark);
    } else if (action < 0.8) state = undo(state);
    else if (action < 0.9) state = redo(state);
    else state = removeAnnotation(state, Math.floor(next() * (state.annotations.length + 1)));
  }
  return state;
}

describe('the annotation editor', () => {
  const image = { width: 200, height: 100 };

  it('turns a drag in any direction into a rectangle inside the image', () => {
    expect(
      markFromDrag('rect', { x: 150, y: 80 }, { x: 20, y: 10 }, { color: '#e5484d', text: '' }, image),
    ).toEqual({
      kind: 'rect',
      x: 20,
      y: 10,
      w: 130,
      h: 70,
      color: '#e5484d',
    });
    expect(
      markFromDrag('redact', { x: -50, y: 50 }, { x: 30, y: 400 }, { color: '#e5484d', text: '' }, image),
    ).toEqual({
      kind: 'redact',
      x: 0,
      y: 50,
      w: 30,
      h: 50,
    });
  });

  it('ignores a click where a drag was meant, and text with nothing to say', () => {
    const pen = { color: '#e5484d', text: '' };
    expect(markFromDrag('rect', { x: 10, y: 10 }, { x: 12, y: 11 }, pen, image)).toBeUndefined();
    expect(markFromDrag('arrow', { x: 10, y: 10 }, { x: 11, y: 10 }, pen, image)).toBeUndefined();
    expect(
      markFromDrag('text', { x: 10, y: 10 }, { x: 10, y: 10 }, { ...pen, text: '  ' }, image),
    ).toBeUndefined();
    expect(
      markFromDrag('text', { x: 10, y: 10 }, { x: 10, y: 10 }, { ...pen, text: ' here ' }, image),
    ).toMatchObject({
      kind: 'text',
      text: 'here',
    });
  });

  it('undoes and redoes marks one at a time, and a new mark clears what could be redone', () => {
    const a: Annotation = { kind: 'redact', x: 1, y: 1, w: 10, h: 10 };
    const b: Annotation = { kind: 'rect', x: 5, y: 5, w: 10, h: 10, color: '#000' };
    let s = addAnnotation(addAnnotation(editorState([]), a), b);
    s = undo(s);
    expect(s.annotations).toEqual([a]);
    expect(redo(s).annotations).toEqual([a, b]);
    s = addAnnotation(s, b);
    expect(redo(s)).toBe(s);
    expect(undo(undo(undo(s))).annotations).toEqual([]);
    expect(removeAnnotation(s, 0).annotations).toEqual([b]);
  });

  it('maps a point on the shown canvas to the image, kept inside it', () => {
    const box = { left: 100, top: 50, width: 400, height: 200 };
    const big = { width: 1600, height: 800 };
    expect(toImagePoint({ x: 300, y: 150 }, box, big)).toEqual({ x: 800, y: 400 });
    expect(toImagePoint({ x: 0, y: 9999 }, box, big)).toEqual({ x: 0, y: 800 });
  });

  it('keeps only well-formed marks read back from storage', () => {
    expect(
      validAnnotations([
        { kind: 'redact', x: 1, y: 2, w: 3, h: 4 },
        { kind: 'rect', x: 1, y: 2, w: 3, h: 4, color: 'javascript:alert(1)' },
        { kind: 'text', x: 1, y: 2, text: '', color: '#fff', size: 12 },
        { kind: 'blur', x: 1 },
        null,
      ]),
    ).toEqual([{ kind: 'redact', x: 1, y: 2, w: 3, h: 4 }]);
    expect(validAnnotations('nope')).toEqual([]);
  });
});

describe('flattening marks into the image', () => {
  it('fuzz: whatever a person draws, undoes or removes, every redacted area is fully black', () => {
    const runs = 300;
    for (let seed = 1; seed <= runs; seed++) {
      const next = random(seed);
      const width = 24 + Math.floor(next() * 80);
      const height = 24 + Math.floor(next() * 60);
      const image = noise(width, height, next);
      const { annotations } = randomSession(next, width, height);
      const { out, ctx } = flatten(image, annotations);
      expect(ctx.depth, `seed ${seed}: save/restore balanced`).toBe(0);
      const notBlack: string[] = [];
      for (const a of annotations) {
        if (a.kind !== 'redact') continue;
        const r = normaliseRect(a, width, height);
        for (let y = Math.ceil(r.y); y < Math.floor(r.y + r.h); y++) {
          for (let x = Math.ceil(r.x); x < Math.floor(r.x + r.w); x++) {
            const o = (y * width + x) * 4;
            if (out.data[o] || out.data[o + 1] || out.data[o + 2] || out.data[o + 3] !== 255)
              notBlack.push(`${x},${y}`);
          }
        }
      }
      expect(notBlack, `seed ${seed}: pixels under a redaction that are not black`).toEqual([]);
    }
  });

  it('fuzz: a redaction drawn first is still on top of marks drawn after it', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const next = random(1000 + seed);
      const image = noise(60, 40, next);
      const redaction: Annotation = { kind: 'redact', x: 10, y: 10, w: 20, h: 15 };
      const later: Annotation[] = [
        { kind: 'rect', x: 5, y: 5, w: 30, h: 25, color: '#ffffff' },
        { kind: 'arrow', x: 0, y: 0, x2: 40, y2: 30, color: '#e5484d' },
        { kind: 'text', x: 12, y: 12, text: 'secret', color: '#0b84f3', size: 8 },
      ];
      const { out } = flatten(image, [redaction, ...later.slice(0, 1 + Math.floor(next() * 3))]);
      const notBlack: string[] = [];
      for (let y = 10; y < 25; y++) {
        for (let x = 10; x < 30; x++) {
          const o = (y * 60 + x) * 4;
          if (out.data[o] || out.data[o + 1] || out.data[o + 2]) notBlack.push(`${x},${y}`);
        }
      }
      expect(notBlack, `seed ${seed}`).toEqual([]);
    }
  });

  it('leaves the pixels alone where nothing is drawn', () => {
    const image = noise(50, 50, random(7));
    const { out } = flatten(image, [{ kind: 'redact', x: 0, y: 0, w: 10, h: 10 }]);
    expect(out.data.subarray(50 * 4 * 20)).toEqual(image.data.subarray(50 * 4 * 20));
  });
});
