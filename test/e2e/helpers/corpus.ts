import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { makePng } from '../../helpers/images.ts';
import type { ExtensionBrowser } from './harness.ts';

/**
 * The corpus of pages modelled on real sites (test/e2e/pages/corpus), each a pattern full-page
 * capture tools get wrong, and the pixel checks the capture test and bench/capture run on them.
 */

const CORPUS = resolve('test/e2e/pages/corpus');

export type Compare = 'page' | { fromX: number } | { except: string } | 'none';

export interface CorpusPage {
  file: string;
  /** The pattern it stands for. */
  pattern: string;
  /**
   * How Chromium's own full-page screenshot compares: over the whole page; from this column on (a
   * fixed full-height sidebar it stretches over the whole page); outside the elements that match
   * `except` (a cross-origin frame it leaves blank below the first screen); or not at all (a list
   * that draws only the rows in view has nothing further down until it is scrolled).
   */
  reference: Compare;
  /**
   * CSS for the reference's page only: a page whose body scrolls is laid out with the document
   * scrolling instead, which Chromium's screenshot grows to the whole page (it grows no element).
   */
  referenceStyle?: string;
  /** Browser zoom, which makes the page's device pixel ratio this. */
  zoom?: number;
  /** An endless page: captured to the cap and marked truncated. */
  endless?: boolean;
}

export const CORPUS_PAGES: CorpusPage[] = [
  {
    file: 'docs-hero-sticky.html',
    pattern: 'header sticky after a hero, over a contents list',
    reference: 'page',
  },
  { file: 'docs-toc-sidebar.html', pattern: 'sticky table-of-contents sidebar', reference: 'page' },
  {
    file: 'shop-bottom-bar.html',
    pattern: 'shop: add-to-cart bar, cookie banner, chat button',
    reference: 'page',
  },
  {
    file: 'body-scroller.html',
    pattern: 'the body is the scroller',
    reference: 'page',
    referenceStyle:
      'html { overflow: visible !important; height: auto !important } body { height: auto !important; overflow: visible !important }',
  },
  { file: 'smooth-scroll.html', pattern: 'scroll-behavior: smooth', reference: 'page' },
  {
    file: 'lazy-images.html',
    pattern: 'lazy images: IntersectionObserver and loading=lazy',
    reference: 'page',
  },
  { file: 'endless-feed.html', pattern: 'endless feed', reference: 'page', endless: true },
  { file: 'scroll-snap.html', pattern: 'CSS scroll snap, fixed dots', reference: 'page' },
  { file: 'fixed-sidebar.html', pattern: 'fixed full-height sidebar', reference: { fromX: 260 } },
  { file: 'virtual-list.html', pattern: 'virtualised list, sticky column heads', reference: 'none' },
  { file: 'cross-origin-iframe.html', pattern: 'cross-origin iframe', reference: { except: 'iframe' } },
  { file: 'wide-page.html', pattern: 'page wider than the viewport', reference: 'page' },
  { file: 'dark.html', pattern: 'dark page, button fixed only after scrolling', reference: 'page' },
  { file: 'js-pinned-menu.html', pattern: 'menu a script pins after the hero', reference: 'page' },
  {
    file: 'news-dpr2.html',
    pattern: 'device pixel ratio 2: sticky menu, bottom bar',
    reference: 'page',
    zoom: 2,
  },
];

const listen = (server: Server) =>
  new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));

/**
 * The corpus on 127.0.0.1, and the same files on a second origin (`localhost` on another port) for
 * the page that embeds a cross-origin frame; `/photo.png?mark=rgb(…)` is a picture of that colour.
 */
export async function serveCorpus(): Promise<{ url: string; other: string; close(): Promise<void> }> {
  const handler = (req: { url?: string }, res: import('node:http').ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = url.pathname.slice(1);
    if (file === 'photo.png') {
      const [r = 0, g = 0, b = 0] = (url.searchParams.get('mark')?.match(/\d+/g) ?? []).map(Number);
      res.writeHead(200, { 'content-type': 'image/png' }).end(makePng(560, 380, [r, g, b]));
    } else if (/^[\w-]+\.(html|js)$/.test(file) && existsSync(join(CORPUS, file))) {
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(join(CORPUS, file)));
    } else {
      res.writeHead(404).end();
    }
  };
  const main = createServer(handler);
  const second = createServer(handler);
  const [port, otherPort] = [await listen(main), await listen(second)];
  const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));
  return {
    url: `http://127.0.0.1:${port}`,
    other: `http://localhost:${otherPort}`,
    close: async () => {
      await close(main);
      await close(second);
    },
  };
}

/** The extension API as the service worker sees it, as far as zoom goes. */
declare const chrome: {
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    setZoom(tabId: number, factor: number): Promise<void>;
  };
};

/**
 * Opens a corpus page in a new tab as a person would find it: loaded, its fonts ready, and at the
 * page's zoom (set through the extension's browser, as a person's ctrl-+ would be).
 */
export async function openCorpusPage(
  b: ExtensionBrowser,
  site: { url: string; other: string },
  entry: CorpusPage,
): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${site.url}/${entry.file}?other=${encodeURIComponent(site.other)}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  if (entry.zoom) {
    await b.worker.evaluate(
      async ([url, zoom]) => {
        const [tab] = await chrome.tabs.query({ url: url as string });
        if (tab?.id !== undefined) await chrome.tabs.setZoom(tab.id, zoom as number);
      },
      [page.url(), entry.zoom] as const,
    );
    await page.waitForFunction((z) => devicePixelRatio === z, entry.zoom);
  }
  return page;
}

/** What the page says about itself before the capture, in CSS px of the document. */
export interface PageFacts {
  pageHeight: number;
  viewportWidth: number;
  viewportHeight: number;
  devicePixelRatio: number;
  /** Badges of fixed and sticky elements: their colour, column, and the row where they belong. */
  once: { rgb: number[]; x: number; y: number }[];
  /** Boxes of the elements the reference is not compared over (`except`). */
  skip: { x: number; y: number; width: number; height: number }[];
  /**
   * Content chips (rgb(0, 170, 85)) that must show uncovered: all but those that elements fixed on
   * the first screen cover there, as the person saw it and as Chromium's own screenshot shows it.
   */
  content: { x: number; y: number }[];
  /** Points that must show a colour: lazy images loaded, the cross-origin frame drawn. */
  expected: { rgb: number[]; x: number; y: number }[];
}

/** Measures a corpus page at the top, as it sits before anything scrolls. */
export async function pageFacts(page: Page, compare: Compare): Promise<PageFacts> {
  return page.evaluate(
    (except) => {
      const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      const bodyScrolls = document.documentElement.scrollHeight <= innerHeight + 1;
      const pageHeight = bodyScrolls ? document.body.scrollHeight : document.documentElement.scrollHeight;
      const centre = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      };
      // Where the page's first screen shows each badge: a sticky one in the flow, a fixed one in the viewport.
      const once = [...document.querySelectorAll<HTMLElement>('[data-once]')].map((el) => ({
        rgb: rgb(getComputedStyle(el).backgroundColor),
        ...centre(el),
      }));
      const expectedContent = (window as { expectedContent?: () => { x: number; y: number }[] })
        .expectedContent;
      const covers = [...document.querySelectorAll('body *')]
        .filter((el) => getComputedStyle(el).position === 'fixed')
        .map((el) => el.getBoundingClientRect());
      const content = (
        expectedContent ? expectedContent() : [...document.querySelectorAll('[data-content]')].map(centre)
      ).filter(
        (p) => !covers.some((r) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom),
      );
      const expected = [...document.querySelectorAll<HTMLElement>('[data-expect]')].map((el) => ({
        rgb: rgb(el.dataset.expect ?? ''),
        ...centre(el),
      }));
      const skip = except
        ? [...document.querySelectorAll(except)].map((el) => {
            const r = el.getBoundingClientRect();
            return { x: r.left, y: r.top, width: r.width, height: r.height };
          })
        : [];
      return {
        pageHeight,
        skip,
        viewportWidth: innerWidth,
        viewportHeight: innerHeight,
        devicePixelRatio: devicePixelRatio,
        once,
        content,
        expected,
      };
    },
    typeof compare === 'object' && 'except' in compare ? compare.except : '',
  );
}

/**
 * Chromium's own full-page screenshot (CDP captureBeyondViewport), the reference, of the page
 * scrolled to its top: it lays the page out in one tall viewport from where it is scrolled to.
 */
export async function referenceShot(context: BrowserContext, page: Page, style = ''): Promise<PNG> {
  await page.bringToFront();
  const { width, height } = await page.evaluate(async (css) => {
    const bodyScrolls = document.documentElement.scrollHeight <= innerHeight + 1;
    (bodyScrolls ? document.body : document.scrollingElement)?.scrollTo({ top: 0, behavior: 'instant' });
    if (css) document.head.insertAdjacentHTML('beforeend', `<style>${css}</style>`);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const doc = document.documentElement;
    // The clip is in the window's pixels, which a zoomed page's CSS px are `devicePixelRatio` of (the
    // browser's own scale factor is 1: CHROMIUM_FLAGS).
    const height = doc.scrollHeight <= innerHeight + 1 ? document.body.scrollHeight : doc.scrollHeight;
    return { width: innerWidth * devicePixelRatio, height: height * devicePixelRatio };
  }, style);
  const cdp = await context.newCDPSession(page);
  try {
    const { data } = await cdp.send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width, height, scale: 1 },
    });
    return PNG.sync.read(Buffer.from(data, 'base64'));
  } finally {
    await cdp.detach();
  }
}

const near = (data: Buffer, i: number, rgb: readonly number[], tolerance: number) =>
  Math.abs((data[i] ?? 0) - (rgb[0] ?? 0)) <= tolerance &&
  Math.abs((data[i + 1] ?? 0) - (rgb[1] ?? 0)) <= tolerance &&
  Math.abs((data[i + 2] ?? 0) - (rgb[2] ?? 0)) <= tolerance;

/** Lossy encodings move a solid colour a little; badges and chips are chosen far from the rest. */
const TOLERANCE = 48;
const CHIP = [0, 170, 85];

/** Where a badge's colour shows down one column: the first row of each run at least `minRows` tall. */
export function runsOf(png: PNG, x: number, rgb: readonly number[], minRows: number): number[] {
  const starts: number[] = [];
  let run = 0;
  for (let y = 0; y <= png.height; y++) {
    const hit = y < png.height && near(png.data, (y * png.width + x) * 4, rgb, TOLERANCE);
    if (hit) run++;
    else {
      if (run >= minRows) starts.push(y - run);
      run = 0;
    }
  }
  return starts;
}

export interface Verdict {
  /** Rows of the page in the image (band left out), in device px. */
  height: number;
  /** Per badge: the rows (CSS px) where it shows, and where it belongs. */
  once: { rgb: number[]; at: number[]; expected: number }[];
  /** Content chips inside the image that do not show (covered or missing). */
  contentLost: { x: number; y: number }[];
  contentChecked: number;
  expectedMissing: { rgb: number[]; x: number; y: number }[];
  /** Share of matching pixels against the reference, in %, when it is meaningful. */
  match?: number;
  diff?: PNG;
}

/** Our full-page image (with its band) judged against the page's facts and the reference. */
export function judge(
  image: PNG,
  bandRows: number,
  facts: PageFacts,
  reference: PNG | undefined,
  compare: Compare,
  endless = false,
): Verdict {
  const dpr = image.width / facts.viewportWidth;
  const height = image.height - bandRows;
  const at = (x: number, y: number) => (Math.round(y * dpr) * image.width + Math.round(x * dpr)) * 4;
  const inside = (p: { x: number; y: number }) => p.y * dpr < height - 2 && p.x * dpr < image.width - 2;
  const page = new PNG({ width: image.width, height });
  PNG.bitblt(image, page, 0, 0, image.width, height, 0, 0);
  const once = facts.once.map((m) => ({
    rgb: m.rgb,
    at: runsOf(page, Math.round(m.x * dpr), m.rgb, Math.round(8 * dpr)).map((y) => Math.round(y / dpr + 8)),
    expected: Math.round(m.y),
  }));
  const content = facts.content.filter(inside);
  const contentLost = content.filter((p) => !near(page.data, at(p.x, p.y), CHIP, TOLERANCE));
  const expectedMissing = facts.expected.filter(
    (p) => inside(p) && !near(page.data, at(p.x, p.y), p.rgb, TOLERANCE),
  );
  const verdict: Verdict = { height, once, contentLost, contentChecked: content.length, expectedMissing };
  if (reference && compare !== 'none') {
    const fromX = Math.round((typeof compare === 'object' && 'fromX' in compare ? compare.fromX : 0) * dpr);
    const width = Math.min(page.width, reference.width) - fromX;
    const rows = Math.min(page.height, reference.height);
    const crop = (png: PNG) => {
      const out = new PNG({ width, height: rows });
      PNG.bitblt(png, out, fromX, 0, width, rows, 0, 0);
      return out;
    };
    const [ours, theirs] = [crop(page), crop(reference)];
    for (const box of facts.skip) {
      for (const png of [ours, theirs]) blank(png, box, dpr, fromX);
    }
    const diff = new PNG({ width, height: rows });
    const mismatched = pixelmatch(ours.data, theirs.data, diff.data, width, rows);
    // Rows one image has and the other lacks count against the match, except on an endless page,
    // which has grown further by the time the reference is taken.
    const area = width * (endless ? rows : Math.max(page.height, reference.height));
    verdict.match = (100 * (width * rows - mismatched)) / area;
    verdict.diff = diff;
  }
  return verdict;
}

/** Paints a box (CSS px of the page) black in an image cropped from column `fromX`: not compared. */
function blank(png: PNG, box: PageFacts['skip'][number], dpr: number, fromX: number): void {
  const x0 = Math.max(0, Math.floor(box.x * dpr) - fromX);
  const x1 = Math.min(png.width, Math.ceil((box.x + box.width) * dpr) - fromX);
  const y0 = Math.max(0, Math.floor(box.y * dpr));
  const y1 = Math.min(png.height, Math.ceil((box.y + box.height) * dpr));
  for (let y = y0; y < y1; y++) png.data.fill(0, (y * png.width + x0) * 4, (y * png.width + x1) * 4);
}
