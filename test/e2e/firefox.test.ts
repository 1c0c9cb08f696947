import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureFirefoxBuild,
  FIREFOX_PATH,
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  poll,
} from './helpers/firefox.ts';
import {
  type EvaluatingPage,
  near,
  readCaptures,
  type StatusServer,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';

const MAGENTA = [255, 0, 255];
const BAND = [17, 24, 39];
/** The band's height in CSS pixels (extension/lib/capture/band.ts). */
const BAND_CSS_HEIGHT = 28;
/** Parts of a whole page are at most this tall (extension/lib/capture/parts.ts). */
const WEBP_MAX_SIDE = 16_383;

// A developer without Firefox ESR skips this file and is told so; CI must have it.
const firefoxMissing = !existsSync(FIREFOX_PATH);
if (firefoxMissing && process.env.CI) {
  throw new Error(
    `CI needs Firefox ESR at ${FIREFOX_PATH} (apt-get install firefox-esr) for the Firefox test`,
  );
}
if (firefoxMissing) {
  console.warn(
    `\n*** Firefox not found at ${FIREFOX_PATH}: the real-Firefox test is SKIPPED (apt-get install firefox-esr, or set FIREFOX_PATH) ***\n`,
  );
}

/** Types into a field of an extension page the way a person does: click, select what is there, type. */
async function fill(page: Page, testId: string, text: string): Promise<void> {
  await page.click(`[data-testid="${testId}"]`);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.type(`[data-testid="${testId}"]`, text);
}

/** A Puppeteer page as the harness's readers take one (Puppeteer types its arguments as handles). */
const evaluating = (page: Page): EvaluatingPage => ({
  evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
    page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<R>,
});

const textOf = (page: Page, testId: string) =>
  page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '', testId);

describe.skipIf(firefoxMissing)(
  `the Firefox build in real Firefox ESR${firefoxMissing ? ` (no ${FIREFOX_PATH}: SKIPPED)` : ''}`,
  () => {
    let site: Awaited<ReturnType<typeof servePages>>;
    let server: StatusServer;
    let ff: FirefoxWithExtension;

    beforeAll(async () => {
      ensureFirefoxBuild();
      site = await servePages();
      server = await startStatusServer();
      ff = await launchFirefoxWithExtension();
    }, 120_000);
    afterAll(async () => {
      await ff?.close();
      await server?.close();
      await site?.close();
    });

    it('is pointed at the server in its options page', async () => {
      const options = await ff.openExtensionPage('options.html');
      await fill(options, 'options-serverUrl', server.url);
      await options.click('[data-testid="options-save"]');
      await poll('the options page to say it saved', () => textOf(options, 'options-saved'), 10_000);
      const stored = await options.evaluate(() =>
        (
          globalThis as unknown as {
            browser: {
              storage: { local: { get(k: string): Promise<{ settings?: { serverUrl?: string } }> } };
            };
          }
        ).browser.storage.local.get('settings'),
      );
      expect(stored.settings?.serverUrl).toBe(server.url);
      await options.close();
    });

    it('captures a tall page with the band from the toolbar button, and the report arrives with its images', async () => {
      const page = await ff.browser.newPage();
      await page.goto(`${site.url}/tall.html`);
      await page.evaluate(() => window.scrollTo(0, 1234));
      await page.bringToFront();
      const { pageHeight, innerWidth, innerHeight, dpr } = await page.evaluate(() => ({
        pageHeight: document.documentElement.scrollHeight,
        innerWidth: window.innerWidth,
        innerHeight: window.innerHeight,
        dpr: window.devicePixelRatio,
      }));

      const before = new Set(await ff.browser.pages());
      await ff.clickToolbarButton();
      const { page: form, url } = await ff.waitForTab(`${ff.origin}/report.html?draft=`, before, 60_000);
      const draftId = new URL(url).searchParams.get('draft') as string;

      // The whole page and the viewport, each with the band burned in at the bottom.
      const [full, viewport] = await readCaptures(evaluating(form), draftId);
      if (!full || !viewport) throw new Error('expected two captures');
      expect(full.method).toBe('stitched');
      expect(viewport.method).toBe('viewport');
      expect(innerWidth).toBe(1280);
      expect(full.width).toBe(Math.round(innerWidth * dpr));
      const band = Math.round(BAND_CSS_HEIGHT * dpr);
      const tiles = Math.ceil(pageHeight / innerHeight);
      expect(Math.abs(full.height - (Math.round(pageHeight * dpr) + band))).toBeLessThanOrEqual(tiles);
      expect(full.truncated).toBe(false);
      expect(Math.abs(viewport.height - (Math.round(innerHeight * dpr) + band))).toBeLessThanOrEqual(1);
      for (const c of [full, viewport]) {
        expect(near(c.left[c.height - 2] as number[], BAND, 4), `${c.name}: band at the bottom`).toBe(true);
        expect(near(c.left[c.height - band - 2] as number[], BAND, 4), `${c.name}: page above the band`).toBe(
          false,
        );
      }
      // The fixed header once, at the top, and the person's scroll position given back.
      const magentaRows = full.middle.map((c, y) => (near(c, MAGENTA) ? y : -1)).filter((y) => y >= 0);
      expect(magentaRows.length).toBeGreaterThanOrEqual(58 * dpr);
      expect(Math.max(...magentaRows)).toBeLessThan(61 * dpr);
      expect(await page.evaluate(() => window.scrollY)).toBe(1234);

      // The person fills in the form and sends it.
      const title = 'Firefox: the invoice page is empty';
      await form.click('[data-testid="report-type-bug"]');
      await fill(form, 'report-title', title);
      await fill(form, 'report-description', 'The invoice button shows an empty page.');
      await fill(form, 'report-stepsToReproduce', '1. Open order 456\n2. Click "Invoice"');
      await form.click('[data-testid="report-priority-normal"]');
      await fill(form, 'report-contactEmail', 'ana@example.com');
      await form.click('[data-testid="send"]');
      const reference = await poll('the sent reference', () => textOf(form, 'sent-reference'), 30_000);
      expect(reference).toMatch(/SD-\d+/);

      const [row, ...others] = await server.running.store.db
        .selectFrom('reports')
        .selectAll()
        .where('title', '=', title)
        .execute();
      expect(others).toHaveLength(0);
      expect(reference).toContain(row?.reference);
      expect(row).toMatchObject({ type: 'bug', priority: 'normal', page_host: '127.0.0.1' });
      const body = JSON.parse(row?.body ?? '{}');
      expect(body.environment.url).toBe(`${site.url}/tall.html`);
      expect(body.contact_email).toBe('ana@example.com');
      expect(body.environment.browser).toMatch(/Firefox/i);
      const images = await server.running.store.db
        .selectFrom('report_attachments')
        .select(['name', 'content_type', 'method', 'height', 'width', 'size'])
        .where('report_id', '=', row?.id as string)
        .orderBy('position')
        .execute();
      expect(images.map((i) => i.method)).toEqual(['stitched', 'viewport']);
      // The server measures each image from its bytes: these are the images the browser made.
      expect(images.map((i) => [i.width, i.height])).toEqual([
        [full.width, full.height],
        [viewport.width, viewport.height],
      ]);
      for (const i of images) expect(['image/webp', 'image/png', 'image/jpeg']).toContain(i.content_type);
      await form.close();
      await page.close();
    }, 120_000);

    it('cuts a page taller than one image into sharp parts, sent in page order', async () => {
      const page = await ff.browser.newPage();
      await page.goto(`${site.url}/tall_text.html`);
      await page.bringToFront();
      const { pageHeight, innerHeight, dpr } = await page.evaluate(() => ({
        pageHeight: document.documentElement.scrollHeight,
        innerHeight: window.innerHeight,
        dpr: window.devicePixelRatio,
      }));
      expect(pageHeight * dpr).toBeGreaterThan(WEBP_MAX_SIDE);

      const before = new Set(await ff.browser.pages());
      await ff.clickToolbarButton();
      const { page: form, url } = await ff.waitForTab(`${ff.origin}/report.html?draft=`, before, 90_000);
      const draftId = new URL(url).searchParams.get('draft') as string;
      const captures = await readCaptures(evaluating(form), draftId);
      expect(captures.map((c) => c.name.replace(/\.\w+$/, ''))).toEqual([
        'full-page-1of2',
        'full-page-2of2',
        'viewport',
      ]);
      const parts = captures.slice(0, 2);
      const band = Math.round(BAND_CSS_HEIGHT * dpr);
      for (const p of parts) {
        expect(p.method).toBe('stitched');
        expect(p.height).toBeLessThanOrEqual(WEBP_MAX_SIDE);
        // Lossless, so small text stays sharp: PNG, or WebP at quality 1 where Firefox's PNG is too big.
        expect(['image/png', 'image/webp']).toContain(p.type);
      }
      const [first, last] = parts as [(typeof parts)[0], (typeof parts)[0]];
      const tiles = Math.ceil(pageHeight / innerHeight);
      expect(
        Math.abs(first.height + last.height - (Math.round(pageHeight * dpr) + band)),
      ).toBeLessThanOrEqual(tiles);
      expect(near(last.left[last.height - 2] as number[], BAND, 4)).toBe(true);
      expect(near(first.left[first.height - 2] as number[], BAND, 4)).toBe(false);

      const title = 'Firefox: the codes at the end of the rules are unreadable';
      await form.click('[data-testid="report-type-bug"]');
      await fill(form, 'report-title', title);
      await fill(form, 'report-description', 'The codes at the end of each rule cannot be read.');
      await fill(form, 'report-stepsToReproduce', '1. Open the rules page\n2. Read the codes');
      await form.click('[data-testid="report-priority-normal"]');
      await fill(form, 'report-contactEmail', 'ana@example.com');
      await form.click('[data-testid="send"]');
      await poll('the sent reference', () => textOf(form, 'sent-reference'), 60_000);
      const { db } = server.running.store;
      const row = await db
        .selectFrom('reports')
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow();
      const stored = await db
        .selectFrom('report_attachments')
        .select(['name', 'height'])
        .where('report_id', '=', row.id)
        .orderBy('position')
        .execute();
      expect(stored.map((a) => [a.name.replace(/\.\w+$/, ''), a.height])).toEqual([
        ['full-page-1of2', first.height],
        ['full-page-2of2', last.height],
        ['viewport', captures[2]?.height],
      ]);
      await form.close();
      await page.close();
    }, 180_000);
  },
);
