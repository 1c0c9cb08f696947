import type { FixedBox } from '../capture/pinned.ts';

/**
 * The page-side hands of the capture loop for fixed and sticky elements: sticky ones go back in the
 * flow for the capture (they then appear once, where they sit in the page, as Chromium's own
 * full-page screenshot shows them), fixed ones are measured at every scroll position and hidden when
 * the loop says so (capture/pinned.ts decides). Every element touched keeps its `style` attribute as
 * it was, and gets it back exactly at the end.
 */

/** Elements we changed, with their `style` attribute before (null: it had none). */
const touched = new Map<HTMLElement, string | null>();
const ids = new WeakMap<Element, number>();
const byId = new Map<number, HTMLElement>();
let nextId = 0;

function touch(el: HTMLElement): void {
  if (!touched.has(el)) touched.set(el, el.getAttribute('style'));
}

function putBack(el: HTMLElement, style: string | null | undefined): void {
  // Chromium writes changes made through `el.style` to the attribute only when it is next read; read
  // now, or the attribute removed below comes back empty (style="") at that next read.
  el.getAttribute('style');
  if (style === null || style === undefined) el.removeAttribute('style');
  else el.setAttribute('style', style);
}

const important = (el: HTMLElement, property: string, value: string) =>
  el.style.setProperty(property, value, 'important');

/**
 * Scrolls go where they are told, at once: no smooth scrolling, no snapping to a snap point; and
 * sticky elements stay in the flow. For `roots`: the document, its body and the element that scrolls.
 */
export function freezeScrolling(roots: readonly HTMLElement[]): void {
  for (const el of roots) {
    touch(el);
    important(el, 'scroll-behavior', 'auto');
    important(el, 'scroll-snap-type', 'none');
  }
  scanPinned();
}

/**
 * Puts a sticky element back in the flow, where it sits when nothing scrolls: relative with no offset
 * lays it out exactly as sticky does, and keeps it the box its absolute children hang from.
 */
function unstick(el: HTMLElement): void {
  touch(el);
  important(el, 'position', 'relative');
  for (const side of ['top', 'right', 'bottom', 'left']) important(el, side, 'auto');
}

/** Whether a fixed element really stays put in the viewport (and is not inside another fixed one). */
function pinnedToViewport(el: HTMLElement): boolean {
  for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.position === 'fixed') return false;
    // These make the ancestor the containing block of fixed descendants: they scroll with it.
    if (s.transform !== 'none' || s.perspective !== 'none' || s.filter !== 'none') return false;
    if (/paint|layout|strict|content/.test(s.contain)) return false;
    if (/transform|perspective|filter/.test(s.willChange)) return false;
  }
  return true;
}

/** The box an element paints in: its own, or, for an empty wrapper, its descendants' together. */
function extent(el: HTMLElement): { top: number; bottom: number } | undefined {
  const own = el.getBoundingClientRect();
  if (own.width > 0 && own.height > 0) return { top: own.top, bottom: own.bottom };
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const child of el.querySelectorAll('*')) {
    const r = child.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  return bottom > top ? { top, bottom } : undefined;
}

function idOf(el: HTMLElement): number {
  let id = ids.get(el);
  if (id === undefined) {
    id = nextId++;
    ids.set(el, id);
  }
  byId.set(id, el);
  return id;
}

/**
 * One pass over the page: every element sticky here goes back in the flow, and the elements fixed to
 * the viewport are answered with their boxes (our masks over fixed fields among them).
 */
export function scanPinned(): FixedBox[] {
  const found: FixedBox[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('body, body *, html > *')) {
    const style = getComputedStyle(el);
    if (style.position === 'sticky') {
      unstick(el);
      continue;
    }
    if (style.position !== 'fixed' || style.display === 'none') continue;
    if (!pinnedToViewport(el)) continue;
    const box = extent(el);
    if (box) found.push({ id: idOf(el), ...box });
  }
  return found;
}

/**
 * Hides the fixed elements with these ids and shows the others found so far. Transitions are off on
 * all of them until the end, or an element shown again would fade in during the capture.
 */
export function hideFixed(hide: readonly number[]): void {
  for (const [id, el] of byId) {
    touch(el);
    putBack(el, touched.get(el));
    important(el, 'transition', 'none');
    if (hide.includes(id)) important(el, 'opacity', '0');
  }
}

/** Every element touched gets its `style` attribute back as it was. */
export function restorePinned(): void {
  for (const [el, style] of touched) putBack(el, style);
  touched.clear();
  byId.clear();
}
