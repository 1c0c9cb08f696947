import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAND_CSS_HEIGHT } from '../../extension/lib/capture/band.ts';
import {
  CORPUS_PAGES,
  type CorpusPage,
  judge,
  openCorpusPage,
  pageFacts,
  referenceShot,
  serveCorpus,
} from './helpers/corpus.ts';
import {
  capturePngs,
  configureServer,
  type ExtensionBrowser,
  launchWithExtension,
  readCaptures,
  reportPage,
  type StatusServer,
  startStatusServer,
} from './helpers/harness.ts';

/** The least match against Chromium's own full-page screenshot, outside the band. */
const MIN_MATCH = 99.5;
/** How far (CSS px) a badge may sit from where it belongs: rounding and anti-aliased edges. */
const PLACE_SLACK = 4;
/** An endless feed is captured to the extension's cap (capture.ts, GROWING_MAX_HEIGHT). */
const GROWING_MAX_HEIGHT = 15_000;

/** What must come back exactly after a capture: styles of what sticks or is fixed, scroll, focus. */
async function pageState(page: Page) {
  return page.evaluate(() => {
    const watched = [...document.querySelectorAll<HTMLElement>('*')].filter(
      (el) => el === document.documentElement || el === document.body || el.closest('[data-state]') === el,
    );
    const bodyScrolls = document.documentElement.scrollHeight <= innerHeight + 1;
    return {
      styles: watched.map((el) => el.getAttribute('style')),
      scrollY: bodyScrolls ? document.body.scrollTop : scrollY,
      focus: document.activeElement?.id ?? null,
      scrollBehavior: getComputedStyle(document.documentElement).scrollBehavior,
      snap: getComputedStyle(document.documentElement).scrollSnapType,
    };
  });
}

describe('capturing real-site patterns: every fixed or sticky element once, nothing covered', () => {
  let site: Awaited<ReturnType<typeof serveCorpus>>;
  let server: StatusServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    site = await serveCorpus();
    server = await startStatusServer();
    b = await launchWithExtension();
    await configureServer(b, server.url);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await site?.close();
  });

  const capture = async (entry: CorpusPage) => {
    const page = await openCorpusPage(b, site, entry);
    const facts = await pageFacts(page, entry.reference);
    // The person is halfway down, with something focused, and fixed and sticky elements watched.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-once]')) {
        let holder = el.parentElement;
        while (holder && !['fixed', 'sticky'].includes(getComputedStyle(holder).position))
          holder = holder.parentElement;
        holder?.setAttribute('data-state', '');
      }
      const target = document.querySelector<HTMLElement>('h2, h1');
      if (target) {
        target.id ||= 'focused';
        target.tabIndex = -1;
        target.focus({ preventScroll: true });
      }
      const bodyScrolls = document.documentElement.scrollHeight <= innerHeight + 1;
      (bodyScrolls ? document.body : document.scrollingElement)?.scrollTo({ top: 1000, behavior: 'instant' });
    });
    const before = await pageState(page);
    const { reportPage: form, draftId } = await reportPage(b, page);
    const [full] = await readCaptures(form, draftId);
    const png = (await capturePngs(form, draftId)).find((c) => c.name.startsWith('full-page'));
    await form.close();
    if (!full || !png) throw new Error('no full-page capture');
    const after = await pageState(page);
    const image = PNG.sync.read(png.png);
    const reference =
      entry.reference === 'none' ? undefined : await referenceShot(b.context, page, entry.referenceStyle);
    const bandRows = Math.round(BAND_CSS_HEIGHT * facts.devicePixelRatio);
    const verdict = judge(image, bandRows, facts, reference, entry.reference, entry.endless);
    const shots = process.env.SNAPDESK_E2E_SHOTS;
    if (shots) {
      const name = entry.file.replace('.html', '');
      writeFileSync(join(shots, `corpus-${name}.png`), png.png);
      if (reference) writeFileSync(join(shots, `corpus-${name}-reference.png`), PNG.sync.write(reference));
      if (verdict.diff) writeFileSync(join(shots, `corpus-${name}-diff.png`), PNG.sync.write(verdict.diff));
    }
    await page.close();
    return { full, facts, verdict, before, after };
  };

  for (const entry of CORPUS_PAGES) {
    it(`${entry.pattern} (${entry.file})`, async () => {
      const { full, facts, verdict, before, after } = await capture(entry);
      expect(full.method).toBe('stitched');
      // The image is the page: as tall as it was when the capture started, a device px per tile aside;
      // an endless feed stops at the cap and says so.
      const dpr = facts.devicePixelRatio;
      if (entry.endless) {
        expect(full.truncated).toBe(true);
        expect(verdict.height).toBe(GROWING_MAX_HEIGHT * dpr);
      } else {
        expect(full.truncated).toBe(false);
        expect(Math.abs(verdict.height - Math.round(facts.pageHeight * dpr))).toBeLessThanOrEqual(
          Math.ceil(facts.pageHeight / facts.viewportHeight),
        );
      }
      // Every fixed or sticky element once, where it belongs.
      for (const badge of verdict.once) {
        const inImage = badge.expected * dpr < verdict.height;
        expect(badge.at, `badge rgb(${badge.rgb}) shows at rows ${badge.at}`).toHaveLength(inImage ? 1 : 0);
        if (inImage) expect(Math.abs((badge.at[0] ?? 0) - badge.expected)).toBeLessThanOrEqual(PLACE_SLACK);
      }
      // Nothing covered: every content chip in the image shows.
      expect(verdict.contentChecked).toBeGreaterThanOrEqual(10);
      expect(verdict.contentLost, 'content chips covered or missing').toEqual([]);
      expect(verdict.expectedMissing, 'lazy images and frames drawn').toEqual([]);
      if (verdict.match !== undefined) expect(verdict.match).toBeGreaterThanOrEqual(MIN_MATCH);
      // The page is given back exactly as the person left it.
      expect(after).toEqual(before);
    }, 120_000);
  }
});
