import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureServer,
  type ExtensionBrowser,
  launchWithExtension,
  near,
  readCaptures,
  readDraft,
  reportPage,
  type StatusServer,
  saveCaptures,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';

const MAGENTA = [255, 0, 255];
const GREEN = [0, 200, 0];
const BAND = [17, 24, 39];

describe('capturing a page with the extension in Chromium', () => {
  let site: Awaited<ReturnType<typeof servePages>>;
  let server: StatusServer;
  let b: ExtensionBrowser;

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

  it('stitches a tall page with its fixed header once, lazy images loaded, and the band burned in', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/tall.html`);
    await page.evaluate(() => window.scrollTo(0, 1234));
    const { reportPage: form, draftId } = await reportPage(b, page);
    const [full, viewport] = await readCaptures(form, draftId);
    if (process.env.SNAPDESK_E2E_SHOTS)
      await saveCaptures(form, draftId, process.env.SNAPDESK_E2E_SHOTS, 'tall');
    if (!full || !viewport) throw new Error('expected two captures');

    expect(full.method).toBe('stitched');
    expect(viewport.method).toBe('viewport');
    expect(full.width).toBe(1280);
    const [pageHeight, innerHeight] = await page.evaluate(() => [
      document.documentElement.scrollHeight,
      window.innerHeight,
    ]);
    expect(full.height).toBe((pageHeight as number) + 28);
    expect(viewport.height).toBe((innerHeight as number) + 28);

    // The header's magenta appears in the first 60 rows only, never further down the page.
    const magentaRows = full.middle.map((c, y) => (near(c, MAGENTA) ? y : -1)).filter((y) => y >= 0);
    expect(magentaRows.length).toBeGreaterThanOrEqual(58);
    expect(Math.max(...magentaRows)).toBeLessThan(61);

    // The lazy image in section 10 was loaded before its part was captured.
    expect(full.left.some((c) => near(c, GREEN))).toBe(true);

    // The band at the bottom of every image holds the URL and time on a dark ground.
    for (const c of [full, viewport]) {
      expect(near(c.left[c.height - 2] as number[], BAND, 4)).toBe(true);
      expect(near(c.left[c.height - 30] as number[], BAND, 4)).toBe(false);
    }

    // The person's scroll position is given back.
    expect(await page.evaluate(() => window.scrollY)).toBe(1234);
    await form.close();
    await page.close();
  });

  it('masks password and card fields in the pixels, and leaves other fields visible', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/private.html`);
    const centres = await page.evaluate(() =>
      Object.fromEntries(
        ['password', 'card', 'plain'].map((id) => {
          const r = (document.getElementById(id) as HTMLElement).getBoundingClientRect();
          return [id, [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)]];
        }),
      ),
    );
    const { reportPage: form, draftId } = await reportPage(b, page);
    const captures = await readCaptures(form, draftId, centres as Record<string, [number, number]>);
    if (process.env.SNAPDESK_E2E_SHOTS)
      await saveCaptures(form, draftId, process.env.SNAPDESK_E2E_SHOTS, 'private');
    for (const c of captures) {
      expect(near(c.at.password as number[], [0, 0, 0], 8), `${c.name} password`).toBe(true);
      expect(near(c.at.card as number[], [0, 0, 0], 8), `${c.name} card`).toBe(true);
      expect(near(c.at.plain as number[], [255, 255, 0]), `${c.name} plain field`).toBe(true);
    }
    // The masks were the extension's; the page is left without them.
    expect(await page.evaluate(() => document.querySelectorAll('.snapdesk-private-mask').length)).toBe(0);
    await form.close();
    await page.close();
  });

  it('renders a page that scrolls inside a container with html2canvas, and says so', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/container.html`);
    const { reportPage: form, draftId } = await reportPage(b, page);
    const [full] = await readCaptures(form, draftId);
    if (process.env.SNAPDESK_E2E_SHOTS)
      await saveCaptures(form, draftId, process.env.SNAPDESK_E2E_SHOTS, 'container');
    expect(full?.method).toBe('html2canvas');
    const scrollHeight = await page.evaluate(
      () => (document.getElementById('scroller') as HTMLElement).scrollHeight,
    );
    expect(full?.height).toBeGreaterThanOrEqual(scrollHeight);
    // Rows far below the first screen were rendered: alternate rows are pink.
    const pinkRows = (full?.middle ?? []).filter((c) => near(c, [255, 221, 238], 12)).length;
    expect(pinkRows).toBeGreaterThan(4 * 300);
    await form.close();
    await page.close();
  });

  it('collects the page’s console errors, exceptions and failed requests, with query strings removed', async () => {
    const page = await b.context.newPage();
    const thrown = page.waitForEvent('pageerror');
    await page.goto(`${site.url}/broken.html`);
    // The page's own signals that its failures have happened (the collector records each as it does).
    await thrown;
    await page.waitForFunction(() => document.body.dataset.fetched === 'yes');
    const { reportPage: form, draftId } = await reportPage(b, page);
    const draft = await readDraft(form, draftId);
    const entries = (draft?.console ?? []) as {
      kind: string;
      message: string;
      source?: string;
      status?: number;
    }[];
    expect(
      entries.some((e) => e.kind === 'error' && e.message.includes('Cart total could not be computed')),
    ).toBe(true);
    expect(entries.some((e) => e.kind === 'exception' && e.message.includes('Checkout exploded'))).toBe(true);
    const failed = entries.find((e) => e.kind === 'network' && e.status === 404);
    expect(failed?.source).toBe(`${site.url}/api/missing`);
    expect(JSON.stringify(entries)).not.toContain('secret123');
    await form.close();
    await page.close();
  });
});
