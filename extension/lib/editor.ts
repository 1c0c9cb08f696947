import { z } from 'zod';
import { type Annotation, normaliseRect } from './annotations.ts';

/**
 * The annotation editor's model, free of the DOM: which mark a drag makes, undo and redo, and the
 * check of marks read back from storage. The canvas component only turns pointer events into calls.
 */

export type Tool = Annotation['kind'];
export const TOOLS: readonly Tool[] = ['rect', 'arrow', 'text', 'redact'];

/** A drag shorter than this, in image pixels, is a slip of the hand and draws nothing. */
const MIN_DRAG = 4;

export interface Point {
  x: number;
  y: number;
}

export interface EditorState {
  annotations: Annotation[];
  /** Earlier versions of `annotations`, newest last; kept for this session only. */
  past: Annotation[][];
  future: Annotation[][];
}

export function editorState(annotations: readonly Annotation[]): EditorState {
  return { annotations: [...annotations], past: [], future: [] };
}

function commit(state: EditorState, annotations: Annotation[]): EditorState {
  return { annotations, past: [...state.past, state.annotations], future: [] };
}

export function addAnnotation(state: EditorState, annotation: Annotation): EditorState {
  return commit(state, [...state.annotations, annotation]);
}

export function removeAnnotation(state: EditorState, index: number): EditorState {
  if (index < 0 || index >= state.annotations.length) return state;
  return commit(
    state,
    state.annotations.filter((_, i) => i !== index),
  );
}

export function undo(state: EditorState): EditorState {
  const previous = state.past.at(-1);
  if (!previous) return state;
  return {
    annotations: previous,
    past: state.past.slice(0, -1),
    future: [state.annotations, ...state.future],
  };
}

export function redo(state: EditorState): EditorState {
  const [next, ...rest] = state.future;
  if (!next) return state;
  return { annotations: next, past: [...state.past, state.annotations], future: rest };
}

/** Text big enough to read on the image whatever its resolution. */
function textSizeFor(imageWidth: number): number {
  return Math.max(16, Math.round(imageWidth / 50));
}

/** A point on the shown canvas, in the image's own pixels, kept inside the image. */
export function toImagePoint(
  client: Point,
  box: { left: number; top: number; width: number; height: number },
  image: { width: number; height: number },
): Point {
  const x = ((client.x - box.left) / Math.max(1, box.width)) * image.width;
  const y = ((client.y - box.top) / Math.max(1, box.height)) * image.height;
  return { x: Math.round(clamp(x, 0, image.width)), y: Math.round(clamp(y, 0, image.height)) };
}

interface Pen {
  color: string;
  /** The words a text mark places; a text click with nothing to say adds nothing. */
  text: string;
}

/** The mark a drag (or, for text, a click) makes; undefined when it would be empty. */
export function markFromDrag(
  tool: Tool,
  from: Point,
  to: Point,
  pen: Pen,
  image: { width: number; height: number },
): Annotation | undefined {
  if (tool === 'text') {
    const text = pen.text.trim();
    if (!text) return undefined;
    return { kind: 'text', x: from.x, y: from.y, text, color: pen.color, size: textSizeFor(image.width) };
  }
  if (tool === 'arrow') {
    if (Math.hypot(to.x - from.x, to.y - from.y) < MIN_DRAG) return undefined;
    return { kind: 'arrow', x: from.x, y: from.y, x2: to.x, y2: to.y, color: pen.color };
  }
  const r = normaliseRect(
    { x: from.x, y: from.y, w: to.x - from.x, h: to.y - from.y },
    image.width,
    image.height,
  );
  if (r.w < MIN_DRAG || r.h < MIN_DRAG) return undefined;
  return tool === 'redact' ? { kind: 'redact', ...r } : { kind: 'rect', ...r, color: pen.color };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

const coordinate = z.number().finite();
const color = z.string().regex(/^#[0-9a-f]{3,8}$/i);

/** Marks as stored in a draft; anything else read back from storage is dropped, not drawn. */
const annotationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rect'), x: coordinate, y: coordinate, w: coordinate, h: coordinate, color }),
  z.object({ kind: z.literal('arrow'), x: coordinate, y: coordinate, x2: coordinate, y2: coordinate, color }),
  z.object({
    kind: z.literal('text'),
    x: coordinate,
    y: coordinate,
    text: z.string().min(1).max(500),
    color,
    size: z.number().min(4).max(1000),
  }),
  z.object({ kind: z.literal('redact'), x: coordinate, y: coordinate, w: coordinate, h: coordinate }),
]);

export function validAnnotations(input: unknown): Annotation[] {
  if (!Array.isArray(input)) return [];
  return input.flatMap((a) => {
    const parsed = annotationSchema.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
}
