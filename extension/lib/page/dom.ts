import type { PageMetrics } from '../messages.ts';

const MASK_CLASS = 'snapdesk-private-mask';
const HIDDEN_ATTR = 'data-snapdesk-hidden';

/** Inputs whose content must never appear in a capture: passwords and payment cards. */
const PRIVATE_SELECTOR = [
  'input[type="password"]',
  'input[autocomplete^="cc-"]',
  'input[autocomplete*=" cc-"]',
  'input[name*="card" i]',
  'input[id*="card" i]',
  'input[name*="cvc" i]',
  'input[name*="cvv" i]',
  'input[data-stripe]',
].join(',');

/** A card number by shape: 13–19 digits in groups, as people type them. */
const CARD_NUMBER = /^(?:\d[ -]?){12,18}\d$/;

/**
 * Covers every password or card field with an opaque box inside the page, so the pixels captured
 * never contain them; boxes are absolutely placed in the document and so scroll with their field.
 */
export function maskPrivateFields(): number {
  for (const el of document.querySelectorAll(`.${MASK_CLASS}`)) el.remove();
  const fields = [...document.querySelectorAll<HTMLInputElement>('input')].filter(
    (el) => el.matches(PRIVATE_SELECTOR) || CARD_NUMBER.test(el.value.trim()),
  );
  for (const field of fields) {
    const r = field.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const box = document.createElement('div');
    box.className = MASK_CLASS;
    box.setAttribute('aria-hidden', 'true');
    const fixed = isFixed(field);
    Object.assign(box.style, {
      position: fixed ? 'fixed' : 'absolute',
      left: `${r.left + (fixed ? 0 : window.scrollX)}px`,
      top: `${r.top + (fixed ? 0 : window.scrollY)}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
      background: '#000',
      zIndex: '2147483647',
      pointerEvents: 'none',
    });
    document.documentElement.appendChild(box);
  }
  return fields.length;
}

function isFixed(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (getComputedStyle(e).position === 'fixed') return true;
  }
  return false;
}

/** The element that really scrolls when the document itself does not: the largest scrollable box. */
export function mainScroller(): HTMLElement | undefined {
  const doc = document.scrollingElement ?? document.documentElement;
  if (doc.scrollHeight > window.innerHeight + 1) return undefined;
  let best: HTMLElement | undefined;
  let bestArea = 0;
  for (const el of document.querySelectorAll<HTMLElement>('body *')) {
    if (el.scrollHeight <= el.clientHeight + 1) continue;
    const overflow = getComputedStyle(el).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    const area = el.clientWidth * el.clientHeight;
    if (area > bestArea) {
      best = el;
      bestArea = area;
    }
  }
  return best;
}

export function collectMetrics(): PageMetrics {
  const doc = document.scrollingElement ?? document.documentElement;
  const scroller = mainScroller();
  pinned = findPinned();
  return {
    pinned: pinned.map((el) => {
      const r = el.getBoundingClientRect();
      const shadow = shadowReach(el);
      return { top: r.top - shadow.above, bottom: r.bottom + shadow.below };
    }),
    url: location.href,
    title: document.title,
    scrollWidth: Math.max(doc.scrollWidth, window.innerWidth),
    scrollHeight: Math.max(doc.scrollHeight, window.innerHeight),
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    devicePixelRatio: window.devicePixelRatio,
    scrollY: window.scrollY,
    scroller: scroller ? 'element' : doc.scrollHeight > window.innerHeight + 1 ? 'window' : 'none',
    language: navigator.language,
    screen: { width: screen.width, height: screen.height },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    userAgent: navigator.userAgent,
  };
}

/**
 * How far an element's outer box shadows reach above and below its box, in CSS px: a bar's shadow
 * is part of the bar, to be cropped with it, or it would appear at every seam of the stitched page.
 */
function shadowReach(el: Element): { above: number; below: number } {
  let above = 0;
  let below = 0;
  // Computed shadows read "rgba(0, 0, 0, 0.35) 0px 2px 6px 0px, …": colour, x, y, blur, spread.
  for (const part of getComputedStyle(el).boxShadow.split(/,(?![^(]*\))/)) {
    if (part.includes('inset')) continue;
    const [, y = 0, blur = 0, spread = 0] = (part.match(/-?[\d.]+px/g) ?? []).map(Number.parseFloat);
    above = Math.max(above, blur + spread - y);
    below = Math.max(below, blur + spread + y);
  }
  return { above: Math.ceil(above), below: Math.ceil(below) };
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves once what was just changed in the page has been painted: two frames, plus a beat. */
export async function painted(): Promise<void> {
  await frame();
  await frame();
  await sleep(30);
}

/** Scrolls and waits until the page has painted there. */
export async function scrollToY(y: number): Promise<number> {
  window.scrollTo({ left: 0, top: y, behavior: 'instant' });
  await painted();
  return window.scrollY;
}

/**
 * Walks the page once, a screen at a time, so lazy images and infinite-scroll content get their
 * chance to load before the capture; waits for images that started loading (bounded).
 */
export async function preloadLazyContent(maxHeight: number): Promise<void> {
  const step = window.innerHeight;
  for (let y = 0; y < Math.min(document.documentElement.scrollHeight, maxHeight); y += step) {
    window.scrollTo({ top: y, behavior: 'instant' });
    await frame();
    await sleep(25);
  }
  const pending = [...document.images].filter((img) => !img.complete && img.loading !== 'lazy');
  await Promise.race([
    Promise.all(pending.map((img) => new Promise((r) => img.addEventListener('loadend', r, { once: true })))),
    Promise.all(pending.map((img) => img.decode().catch(() => {}))),
    sleep(1500),
  ]);
  window.scrollTo({ top: 0, behavior: 'instant' });
  await frame();
}

let pinned: HTMLElement[] = [];

/**
 * Fixed elements, and sticky ones while stuck, as they sit now: the bars the stitch planner crops
 * from repeated captures, or lists for hiding. Remembered so later messages can name them by index.
 */
function findPinned(): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('body *')) {
    if (el.classList.contains(MASK_CLASS)) continue;
    const style = getComputedStyle(el);
    if (style.position !== 'fixed' && style.position !== 'sticky') continue;
    const r = el.getBoundingClientRect();
    if (r.height === 0 || r.width === 0 || style.visibility === 'hidden' || style.display === 'none')
      continue;
    const stuck = style.position === 'fixed' || Math.abs(r.top - (Number.parseFloat(style.top) || 0)) < 1;
    if (stuck) found.push(el);
  }
  return found;
}

/** Hides the pinned elements with these indices (and shows the others again). */
export function hidePinned(indices: readonly number[]): void {
  for (const [i, el] of pinned.entries()) {
    if (indices.includes(i)) {
      if (!el.hasAttribute(HIDDEN_ATTR)) el.setAttribute(HIDDEN_ATTR, el.style.visibility);
      el.style.visibility = 'hidden';
    } else if (el.hasAttribute(HIDDEN_ATTR)) {
      el.style.visibility = el.getAttribute(HIDDEN_ATTR) ?? '';
      el.removeAttribute(HIDDEN_ATTR);
    }
  }
}

/** Puts the page back as the person left it: scroll position, hidden overlays, masks. */
export function restorePage(saved: { x: number; y: number } | undefined): void {
  hidePinned([]);
  pinned = [];
  for (const el of document.querySelectorAll(`.${MASK_CLASS}`)) el.remove();
  if (saved) window.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' });
}
