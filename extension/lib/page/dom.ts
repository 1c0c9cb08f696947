import type { PageMetrics, TileView, Walked } from '../messages.ts';
import { freezeScrolling, restorePinned, scanPinned } from './pinned.ts';

const MASK_CLASS = 'snapdesk-private-mask';

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
 * Returns how many boxes it added or took away: none means the page looks as it did.
 */
export function maskPrivateFields(): number {
  let changed = 0;
  for (const el of document.querySelectorAll(`.${MASK_CLASS}`)) {
    el.remove();
    changed++;
  }
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
    changed++;
  }
  return changed;
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
  for (const el of document.querySelectorAll<HTMLElement>('body, body *')) {
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

/**
 * The element that scrolls the page when it fills the whole viewport (`body { height: 100vh;
 * overflow: auto }`): captured by scrolling it as the window is scrolled otherwise.
 */
function viewportScroller(): HTMLElement | undefined {
  const el = mainScroller();
  if (!el) return undefined;
  const r = el.getBoundingClientRect();
  const fills =
    Math.abs(r.top) <= 1 &&
    Math.abs(r.left) <= 1 &&
    Math.abs(r.bottom - window.innerHeight) <= 1 &&
    Math.abs(r.right - window.innerWidth) <= 1;
  return fills ? el : undefined;
}

/** What scrolls the page for a stitched capture: the document, or an element as big as the viewport. */
function scrollRoot(): { el: Element; window: boolean } | undefined {
  const doc = document.scrollingElement ?? document.documentElement;
  if (doc.scrollHeight > window.innerHeight + 1) return { el: doc, window: true };
  const el = viewportScroller();
  return el ? { el, window: false } : undefined;
}

export function collectMetrics(): PageMetrics {
  const doc = document.scrollingElement ?? document.documentElement;
  const root = scrollRoot();
  const scroller = root ? (root.window ? 'window' : 'viewport-element') : mainScroller() ? 'element' : 'none';
  return {
    url: location.href,
    title: document.title,
    scrollWidth: Math.max(doc.scrollWidth, window.innerWidth),
    scrollHeight: Math.max(root?.el.scrollHeight ?? doc.scrollHeight, window.innerHeight),
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    devicePixelRatio: window.devicePixelRatio,
    scrollY: root?.el.scrollTop ?? window.scrollY,
    scroller,
    language: navigator.language,
    screen: { width: screen.width, height: screen.height },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    userAgent: navigator.userAgent,
  };
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves once what was just changed in the page has been painted: two frames, plus a beat. */
export async function painted(): Promise<void> {
  await frame();
  await frame();
  await sleep(30);
}

function scrollRootTo(y: number): void {
  const root = scrollRoot();
  if (!root || root.window) window.scrollTo({ left: 0, top: y, behavior: 'instant' });
  else root.el.scrollTo({ left: 0, top: y, behavior: 'instant' });
}

/**
 * Scrolls to `y`, lets the page answer the scroll (its scroll listeners run in the next frame), puts
 * back in the flow any element that sticks there, measures what stays fixed, and waits until the
 * page has painted: where it scrolled to, its height and its fixed elements.
 */
export async function scrollAndMeasure(y: number): Promise<TileView> {
  scrollRootTo(y);
  await frame();
  const fixed = scanPinned();
  await painted();
  const root = scrollRoot();
  return {
    scrollY: root?.el.scrollTop ?? window.scrollY,
    scrollHeight: root?.el.scrollHeight ?? window.innerHeight,
    fixed,
  };
}

/**
 * Walks the page once, a screen at a time, so lazy images and infinite-scroll content get their
 * chance to load before the capture; waits for images that started loading (bounded). A page that
 * grows as it is walked is walked only to `growingMaxHeight`. Then gets the page ready to be stitched.
 */
export async function preloadLazyContent(maxHeight: number, growingMaxHeight: number): Promise<Walked> {
  const root = scrollRoot();
  const el = root?.el ?? document.documentElement;
  const startHeight = el.scrollHeight;
  const step = window.innerHeight;
  const limit = () => Math.min(maxHeight, el.scrollHeight > startHeight + 1 ? growingMaxHeight : maxHeight);
  let y = 0;
  for (; y < Math.min(el.scrollHeight, limit()); y += step) {
    scrollRootTo(y);
    await frame();
    await sleep(25);
  }
  const pending = [...document.images].filter((img) => !img.complete && img.loading !== 'lazy');
  await Promise.race([
    Promise.all(pending.map((img) => new Promise((r) => img.addEventListener('loadend', r, { once: true })))),
    Promise.all(pending.map((img) => img.decode().catch(() => {}))),
    sleep(1500),
  ]);
  scrollRootTo(0);
  freezeScrolling(
    [document.documentElement, document.body, root?.el].filter(
      (e): e is HTMLElement => e instanceof HTMLElement,
    ),
  );
  await painted();
  const height = el.scrollHeight;
  return {
    metrics: collectMetrics(),
    // Still growing where the walk stopped: an endless feed, to be captured to the cap.
    endless: height > startHeight + 1 && y < height - window.innerHeight,
  };
}

/** The page as the person left it, to be given back. */
export interface SavedPage {
  x: number;
  y: number;
  focus: Element | null;
}

export function savePage(): SavedPage {
  const root = scrollRoot();
  return {
    x: root && !root.window ? root.el.scrollLeft : window.scrollX,
    y: root && !root.window ? root.el.scrollTop : window.scrollY,
    focus: document.activeElement,
  };
}

/** Puts the page back as the person left it: styles, masks, scroll position, focus. */
export function restorePage(saved: SavedPage | undefined): void {
  restorePinned();
  for (const el of document.querySelectorAll(`.${MASK_CLASS}`)) el.remove();
  if (!saved) return;
  const root = scrollRoot();
  if (root && !root.window) root.el.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' });
  else window.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' });
  if (saved.focus instanceof HTMLElement && document.activeElement !== saved.focus) {
    saved.focus.focus({ preventScroll: true });
  }
}
