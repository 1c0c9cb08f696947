import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../lib/annotations.ts';
import {
  addAnnotation,
  type EditorState,
  editorState,
  markFromDrag,
  type Point,
  redo,
  removeAnnotation,
  TOOLS,
  type Tool,
  toImagePoint,
  undo,
} from '../lib/editor.ts';
import { t } from '../lib/i18n.ts';
import { paintFlattened } from '../lib/report/flatten.ts';
import type { Capture } from '../lib/store.ts';

interface Props {
  capture: Capture;
  /** The capture's place in the series, from 0. */
  index: number;
  onChange: (annotations: Annotation[]) => void;
}

/** Colours that stand out on most pages; names are for screen readers. */
const COLORS = [
  { value: '#e5484d', name: 'red' },
  { value: '#f5a524', name: 'orange' },
  { value: '#0b84f3', name: 'blue' },
  { value: '#2f9e5b', name: 'green' },
] as const;

function describe(a: Annotation): string {
  const at = { x: Math.round(a.x), y: Math.round(a.y) };
  switch (a.kind) {
    case 'rect':
      return t('report.annotate.mark.rect', { ...at, w: Math.round(a.w), h: Math.round(a.h) });
    case 'redact':
      return t('report.annotate.mark.redact', { ...at, w: Math.round(a.w), h: Math.round(a.h) });
    case 'arrow':
      return t('report.annotate.mark.arrow', { ...at, x2: Math.round(a.x2), y2: Math.round(a.y2) });
    default:
      return t('report.annotate.mark.text', { ...at, text: a.text });
  }
}

/**
 * Marks on one capture: rectangle, arrow, text and redaction. What the canvas shows is what is sent:
 * it is drawn by the same code that flattens the image on Send. The original stays in the draft.
 */
export function AnnotationEditor({ capture, index, onChange }: Props) {
  const [state, setState] = useState<EditorState>(() => editorState(capture.annotations));
  const [tool, setTool] = useState<Tool>('rect');
  const [color, setColor] = useState<string>(COLORS[0].value);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Annotation | undefined>(undefined);
  const [bitmap, setBitmap] = useState<ImageBitmap | undefined>(undefined);
  const [frameWidth, setFrameWidth] = useState(0);
  const [note, setNote] = useState('');
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const dragFrom = useRef<Point | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let decoded: ImageBitmap | undefined;
    createImageBitmap(capture.original).then(
      (b) => {
        if (!live) return b.close();
        decoded = b;
        setBitmap(b);
      },
      () => setNote(t('report.annotate.cannotOpen')),
    );
    return () => {
      live = false;
      decoded?.close();
    };
  }, [capture.original]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setFrameWidth(el.clientWidth));
    observer.observe(el);
    setFrameWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (!el || !bitmap || frameWidth === 0) return;
    const shown = Math.min(frameWidth, bitmap.width);
    const scale = shown / bitmap.width;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(shown * dpr);
    el.height = Math.round(bitmap.height * scale * dpr);
    el.style.width = `${shown}px`;
    el.style.height = `${Math.round(bitmap.height * scale)}px`;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(scale * dpr, 0, 0, scale * dpr, 0, 0);
    const marks = preview ? [...state.annotations, preview] : state.annotations;
    paintFlattened(ctx, bitmap, marks, bitmap.width, bitmap.height);
  }, [bitmap, frameWidth, state.annotations, preview]);

  const apply = (next: EditorState) => {
    setState(next);
    if (next.annotations !== state.annotations) onChange(next.annotations);
  };
  const image = bitmap ? { width: bitmap.width, height: bitmap.height } : undefined;
  const pointOf = (e: PointerEvent): Point | undefined =>
    image && canvas.current
      ? toImagePoint({ x: e.clientX, y: e.clientY }, canvas.current.getBoundingClientRect(), image)
      : undefined;
  const pen = { color, text };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !image) return;
    canvas.current?.setPointerCapture(e.pointerId);
    dragFrom.current = pointOf(e);
  };
  const onPointerMove = (e: PointerEvent) => {
    const from = dragFrom.current;
    const to = pointOf(e);
    if (!from || !to || !image || tool === 'text') return;
    setPreview(markFromDrag(tool, from, to, pen, image));
  };
  const onPointerUp = (e: PointerEvent) => {
    const from = dragFrom.current;
    const to = pointOf(e);
    dragFrom.current = undefined;
    setPreview(undefined);
    if (!from || !to || !image) return;
    const mark = markFromDrag(tool, from, to, pen, image);
    if (mark) {
      setNote('');
      apply(addAnnotation(state, mark));
    } else if (tool === 'text') {
      setNote(t('report.annotate.textFirst'));
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.target instanceof HTMLInputElement) return;
    if (e.key.toLowerCase() === 'z' && !e.shiftKey) apply(undo(state));
    else if (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey)) apply(redo(state));
    else return;
    e.preventDefault();
  };

  const n = index + 1;
  return (
    <section
      class="editor"
      aria-labelledby="editor-heading"
      data-testid="annotation-editor"
      onKeyDown={onKeyDown}
    >
      <h3 id="editor-heading">{t('report.annotate.heading', { n })}</h3>
      <p class="help">{t('report.annotate.help')}</p>
      <div class="toolbar">
        <fieldset>
          <legend>{t('report.annotate.tool')}</legend>
          {TOOLS.map((k) => (
            <label class="tool" key={k}>
              <input
                type="radio"
                name="tool"
                value={k}
                checked={tool === k}
                data-testid={`tool-${k}`}
                onChange={() => setTool(k)}
              />
              <span>{t(`report.annotate.tool.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset disabled={tool === 'redact'}>
          <legend>{t('report.annotate.color')}</legend>
          {COLORS.map((c, i) => (
            <label class="tool" key={c.value} title={t(`report.annotate.color.${c.name}`)}>
              <input
                type="radio"
                name="color"
                value={c.value}
                checked={color === c.value}
                aria-label={t(`report.annotate.color.${c.name}`)}
                data-testid={`color-${i}`}
                onChange={() => setColor(c.value)}
              />
              <span class="swatch" style={{ '--swatch': c.value }} />
            </label>
          ))}
        </fieldset>
        <span class="actions" style={{ margin: 0 }}>
          <button
            type="button"
            data-testid="annotate-undo"
            disabled={state.past.length === 0}
            onClick={() => apply(undo(state))}
          >
            {t('report.annotate.undo')}
          </button>
          <button
            type="button"
            data-testid="annotate-redo"
            disabled={state.future.length === 0}
            onClick={() => apply(redo(state))}
          >
            {t('report.annotate.redo')}
          </button>
        </span>
      </div>
      {tool === 'text' && (
        <div class="toolbar">
          <label for="annotate-text">{t('report.annotate.textLabel')}</label>
          <input
            id="annotate-text"
            type="text"
            maxLength={200}
            value={text}
            data-testid="annotate-text"
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
      )}
      <div class="canvas-frame" ref={frame}>
        <canvas
          ref={canvas}
          data-testid="annotation-canvas"
          role="img"
          aria-label={t('report.annotate.canvasLabel', { n, count: state.annotations.length })}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            dragFrom.current = undefined;
            setPreview(undefined);
          }}
        />
      </div>
      <div aria-live="polite">{note && <p class="error">{note}</p>}</div>
      {state.annotations.length > 0 && (
        <ol class="marks" aria-label={t('report.annotate.marksHeading')}>
          {state.annotations.map((a, i) => (
            <li key={i}>
              {describe(a)}
              <button
                type="button"
                data-testid={`annotation-remove-${i}`}
                aria-label={t('report.annotate.removeMark', { mark: describe(a) })}
                onClick={() => apply(removeAnnotation(state, i))}
              >
                {t('report.page.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
