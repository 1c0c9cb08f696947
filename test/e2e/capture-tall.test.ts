import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAND_CSS_HEIGHT } from '../../extension/lib/capture/band.ts';
import { signedIn } from '../helpers/console.ts';
import {
  capturePngs,
  configureServer,
  type DecodedCapture,
  type ExtensionBrowser,
  launchWithExtension,
  near,
  readCaptures,
  reportPage,
  type StatusServer,
  saveCaptures,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';
import { asOldJpeg, legibility, stackParts, wholePageReference } from './helpers/legibility.ts';

const WEBP_MAX_SIDE = 16_383;
const BAND = [17, 24, 39];
/** Text areas within a few levels of Chromium's own screenshot: a lossless capture of the same page. */
const MIN_TEXT_MATCH = 99.5;
/** container.html: rows of 300 px and a 2 px border, enough of them to be taller than one part. */
const CONTAINER_ROWS = 70;
const CONTAINER_ROW = 302;
const PINK = [255, 221, 238];
const WHITE = [255, 255, 255];

/** A draft of a page two parts tall: the parts first, in page order, each within WebP's side, then the viewport. */
function twoParts(captures: DecodedCapture[], method: string): [DecodedCapture, DecodedCapture] {
  expect(captures.map((c) => c.name.replace(/^viewport\.\w+$/, 'viewport'))).toEqual([
    'full-page-1of2.png',
    'full-page-2of2.png',
    'viewport',
  ]);
  const parts = captures.slice(0, 2) as [DecodedCapture, DecodedCapture];
  for (const p of parts) {
    expect(p.method).toBe(method);
    expect(p.height).toBeLessThanOrEqual(WEBP_MAX_SIDE);
  }
  return parts;
}

describe('a page taller than a WebP can be, captured in parts that keep small text sharp', () => {
  let site: Awaited<ReturnType<typeof servePages>>;
  let server: StatusServer;
  let b: ExtensionBrowser;
  /** The report form of the first test, sent in the second. */
  let form: Page;

  beforeAll(async () => {
    site = await servePages();
    server = await startStatusServer();
    b = await launchWithExtension();
    await configureServer(b, server.url);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await site?.close();
  });

  it('cuts the whole page into parts of at most 16,383 px in page order, its text as sharp as Chromium’s own screenshot', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/tall_text.html`);
    await page.evaluate(() => document.fonts.ready);
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    const opened = await reportPage(b, page);
    form = opened.reportPage;
    const { draftId } = opened;
    const captures = await readCaptures(form, draftId);
    const files = await capturePngs(form, draftId);
    if (process.env.SNAPDESK_E2E_SHOTS)
      await saveCaptures(form, draftId, process.env.SNAPDESK_E2E_SHOTS, 'tall-text');

    const parts = twoParts(captures, 'stitched');
    for (const p of parts) expect(p.type).toBe('image/png');
    expect(parts.reduce((sum, p) => sum + p.height, 0)).toBe(pageHeight + BAND_CSS_HEIGHT);
    // The band with the URL and time is below the last part only.
    const [first, last] = parts;
    expect(near(last.left[last.height - 2] as number[], BAND, 4)).toBe(true);
    expect(near(first.left[first.height - 2] as number[], BAND, 4)).toBe(false);
    // The form labels them as support will see them.
    await expect
      .poll(() => form.getByTestId('capture-thumb-0').getAttribute('aria-label'))
      .toContain('Whole page 1/2');
    expect(await form.getByTestId('capture-thumb-1').getAttribute('aria-label')).toContain('Whole page 2/2');
    expect(await form.getByTestId('capture-down-0').isDisabled()).toBe(true);

    const ref = await wholePageReference(b, page);
    const stacked = stackParts(
      files.slice(0, 2).map((f) => PNG.sync.read(f.png)),
      BAND_CSS_HEIGHT,
    );
    expect(stacked.height).toBe(ref.height);
    const ours = legibility(stacked, ref);
    expect(ours.blocks).toBeGreaterThan(50_000);
    expect(ours.match).toBeGreaterThanOrEqual(MIN_TEXT_MATCH);
    expect(Math.abs(ours.edges - 1)).toBeLessThan(0.01);
    // Sharp across the cut too: the rows around it are where a wrong seam would show.
    const cut = first.height;
    expect(legibility(stacked, ref, { from: cut - 200, to: cut + 200 }).match).toBeGreaterThanOrEqual(
      MIN_TEXT_MATCH,
    );

    // The old path, one JPEG of the whole page, misses the same text areas: the figure can tell.
    const old = await asOldJpeg(form, stacked);
    const before = legibility(old.png, ref);
    console.log(
      `tall_text: parts ${parts.map((p) => `${p.width}×${p.height} ${p.bytes} B`).join(', ')}; text match ` +
        `${ours.match.toFixed(2)} %, edges ${ours.edges.toFixed(3)}; old JPEG ${old.bytes} B, text match ` +
        `${before.match.toFixed(2)} %, edges ${before.edges.toFixed(3)}`,
    );
    expect(before.match).toBeLessThan(ours.match - 5);
    await page.close();
  }, 180_000);

  it('arrives at the server with every part in page order, and support sees them labelled so', async () => {
    const title = 'Error codes in the long rules page are unreadable';
    await form.getByTestId('report-type-bug').click();
    await form.getByTestId('report-title').fill(title);
    await form.getByTestId('report-description').fill('The codes at the end of each rule cannot be read.');
    await form.getByTestId('report-stepsToReproduce').fill('1. Open the rules page\n2. Read the codes');
    await form.getByTestId('report-priority-normal').click();
    await form.getByTestId('report-contactEmail').fill('ana@example.com');
    await form.getByTestId('send').click();
    const reference = (await form.getByTestId('sent-reference').textContent({ timeout: 60_000 }))?.trim();
    expect(reference).toMatch(/SD-\d+/);
    await form.close();

    const { db } = server.running.store;
    const row = await db
      .selectFrom('reports')
      .selectAll()
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    const stored = await db
      .selectFrom('report_attachments')
      .select(['name', 'method', 'content_type', 'height'])
      .where('report_id', '=', row.id)
      .orderBy('position')
      .execute();
    expect(stored.map((a) => [a.name, a.method, a.content_type])).toEqual([
      ['full-page-1of2.png', 'stitched', 'image/png'],
      ['full-page-2of2.png', 'stitched', 'image/png'],
      [expect.stringMatching(/^viewport\./), 'viewport', expect.stringMatching(/^image\//)],
    ]);
    expect(JSON.parse(row.body).attachments.map((a: { page_part?: unknown }) => a.page_part)).toEqual([
      { index: 1, count: 2 },
      { index: 2, count: 2 },
      undefined,
    ]);

    const support = await signedIn({
      request: async (path, init) => server.running.app.request(`http://status.test${path}`, init),
      store: server.running.store,
    });
    const html = await (await support.get(`/console/reports/${row.reference}`)).text();
    const first = html.indexOf('full-page-1of2.png · Full page (stitched) 1/2');
    const second = html.indexOf('full-page-2of2.png · Full page (stitched) 2/2');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  }, 120_000);

  it('cuts a tall page that scrolls inside a container, rendered by html2canvas, into the same parts', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/container.html?rows=${CONTAINER_ROWS}`);
    const scrollHeight = await page.evaluate(
      () => (document.getElementById('scroller') as HTMLElement).scrollHeight,
    );
    expect(scrollHeight).toBeGreaterThan(WEBP_MAX_SIDE);
    const { reportPage: form, draftId } = await reportPage(b, page);
    const captures = await readCaptures(form, draftId);
    if (process.env.SNAPDESK_E2E_SHOTS)
      await saveCaptures(form, draftId, process.env.SNAPDESK_E2E_SHOTS, 'container-tall');
    const parts = twoParts(captures, 'html2canvas');
    for (const p of parts) expect(p.truncated).toBe(false);
    const [first, last] = parts;
    expect(first.height + last.height).toBe(scrollHeight + BAND_CSS_HEIGHT);
    expect(near(last.left[last.height - 2] as number[], BAND, 4)).toBe(true);
    expect(near(first.left[first.height - 2] as number[], BAND, 4)).toBe(false);
    // Row by row, the parts stacked are the container's rows in order, the cut between them
    // included: odd rows pink, even rows white, each with its border below.
    const stacked = [...first.middle, ...last.middle.slice(0, last.height - BAND_CSS_HEIGHT)];
    const wrong = stacked.filter((rgb, y) => {
      const inRow = y % CONTAINER_ROW;
      if (inRow < 2 || inRow >= CONTAINER_ROW - 4) return false; // borders, anti-aliased
      const pink = Math.floor(y / CONTAINER_ROW) % 2 === 0;
      return !near(rgb, pink ? PINK : WHITE, 12);
    });
    expect(wrong).toHaveLength(0);
    await form.close();
    await page.close();
  }, 120_000);
});
