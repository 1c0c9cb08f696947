import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchWithExtension,
  readDraft,
  reportPage,
  servePages,
} from './helpers/harness.ts';

/** What the collector may weigh: it is parsed in every page anyone opens (2.4 KB as built now). */
const COLLECTOR_MAX_BYTES = 4 * 1024;

/** The extension API as the service worker sees it, as far as these tests use it. */
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      files?: string[];
      func?: () => unknown;
    }): Promise<{ result?: unknown }[]>;
  };
};

interface Entry {
  kind: string;
  message: string;
  status?: number;
}

describe('a page the person only reads', () => {
  let site: Awaited<ReturnType<typeof servePages>>;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    site = await servePages();
    b = await launchWithExtension();
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });

  it('gets only the small error collector from the manifest, in the page’s own world', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts).toEqual([
      {
        matches: ['<all_urls>'],
        run_at: 'document_start',
        js: ['content-scripts/collector.js'],
        world: 'MAIN',
      },
    ]);
    expect(statSync(join(EXTENSION_DIR, 'content-scripts/collector.js')).size).toBeLessThan(
      COLLECTOR_MAX_BYTES,
    );
    // The capture script is still built, to be added when the person reports.
    expect(statSync(join(EXTENSION_DIR, 'content-scripts/page.js')).size).toBeGreaterThan(100_000);
  });

  it('parses no capture code until the person reports, and the errors from before still arrive', async () => {
    const page = await b.context.newPage();
    const parsed = await watchExtensionScripts(page);
    const injected = await watchInjections(b);
    const thrown = page.waitForEvent('pageerror');
    await page.goto(`${site.url}/broken.html`);
    await thrown;
    await page.waitForFunction(() => document.body.dataset.fetched === 'yes');
    const tabId = await b.worker.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]?.id,
      page.url(),
    );
    if (tabId === undefined) throw new Error('no tab shows the page');
    // Asked in the extension's own (isolated) world, where the capture script would have left its mark.
    const captureInPage = () =>
      b.worker.evaluate(
        async (id) =>
          (
            await chrome.scripting.executeScript({
              target: { tabId: id },
              func: () => 'snapdeskCapture' in globalThis,
            })
          )[0]?.result,
        tabId,
      );

    expect(parsed()).toEqual(['collector.js']);
    expect(await captureInPage()).toBe(false);

    const first = await reportPage(b, page);
    const entries = ((await readDraft(first.reportPage, first.draftId))?.console ?? []) as Entry[];
    expect(
      entries.some((e) => e.kind === 'error' && e.message.includes('Cart total could not be computed')),
    ).toBe(true);
    expect(entries.some((e) => e.kind === 'exception' && e.message.includes('Checkout exploded'))).toBe(true);
    expect(entries.some((e) => e.kind === 'network' && e.status === 404)).toBe(true);
    expect(parsed()).toEqual(['collector.js', 'page.js']);
    expect(await injected()).toEqual(['/content-scripts/page.js']);
    expect(await captureInPage()).toBe(true);
    await first.reportPage.close();

    // A second report on the same page finds the capture script there and does not add it again.
    await page.evaluate(() => console.error('Coupon field rejected a valid code'));
    const second = await reportPage(b, page);
    const again = ((await readDraft(second.reportPage, second.draftId))?.console ?? []) as Entry[];
    expect(again.filter((e) => e.message.includes('Cart total could not be computed'))).toHaveLength(1);
    expect(again.some((e) => e.message.includes('Coupon field rejected a valid code'))).toBe(true);
    expect(await injected()).toEqual(['/content-scripts/page.js']);
    await second.reportPage.close();

    await page.close();
  });

  it('a capture script added twice to one page (two reports racing) still does each step once', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/private.html`);
    // Each capture masks the page's two private fields once: counted in the page as the masks appear.
    await page.evaluate(() => {
      const counts = { masks: 0 };
      (window as unknown as { counts: typeof counts }).counts = counts;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof HTMLElement && n.classList.contains('snapdesk-private-mask')) counts.masks++;
      }).observe(document.documentElement, { childList: true });
    });
    const masks = () =>
      page.evaluate(() => (window as unknown as { counts: { masks: number } }).counts.masks);
    const first = await reportPage(b, page);
    await first.reportPage.close();
    expect(await masks()).toBe(2);

    const tabId = await b.worker.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]?.id,
      page.url(),
    );
    if (tabId === undefined) throw new Error('no tab shows the page');
    await b.worker.evaluate(
      (id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/page.js'] }),
      tabId,
    );
    const second = await reportPage(b, page);
    const draft = await readDraft(second.reportPage, second.draftId);
    expect(draft?.id).toBe(second.draftId);
    expect(await masks()).toBe(4);
    // And the page is put back: no mask left over.
    expect(await page.locator('.snapdesk-private-mask').count()).toBe(0);
    await second.reportPage.close();
    await page.close();
  });
});

/**
 * The files the extension's background injects into tabs from now on, as it calls
 * `scripting.executeScript` (its `browser` is this `chrome`); calls with a function are not counted.
 */
async function watchInjections(b: ExtensionBrowser): Promise<() => Promise<string[]>> {
  await b.worker.evaluate(() => {
    const files: string[] = [];
    const real = chrome.scripting.executeScript.bind(chrome.scripting);
    (globalThis as unknown as { injectedFiles: string[] }).injectedFiles = files;
    chrome.scripting.executeScript = (injection) => {
      files.push(...(injection.files ?? []));
      return real(injection);
    };
  });
  return () =>
    b.worker.evaluate(() => [...(globalThis as unknown as { injectedFiles: string[] }).injectedFiles]);
}

/**
 * The extension's scripts the page has parsed so far, in order, by file name: the DevTools protocol's
 * own list, which sees every world of the page (the page's and the extension's isolated one).
 */
async function watchExtensionScripts(page: Page): Promise<() => string[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const seen: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith('chrome-extension://')) seen.push(e.url.split('/').at(-1) ?? e.url);
  });
  await cdp.send('Debugger.enable');
  return () => [...seen];
}
