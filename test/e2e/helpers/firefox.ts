import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_DIR = resolve('dist/firefox-mv3');
/** Debian's Firefox ESR (`apt-get install firefox-esr`); FIREFOX_PATH for another Firefox. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id in the Firefox manifest (wxt.config.ts). */
const ADDON_ID = 'snapdesk@snapdesk.dev';
/** Fixed through `extensions.webextensions.uuids`, so the test knows the extension's origin. */
const EXTENSION_UUID = '5e1d7c0a-3b9f-4c2e-8a61-d4f0b7e29c53';
/** Widget id Firefox gives the toolbar button of an extension: its id with non-word characters as `_`. */
const ACTION_WIDGET = `${ADDON_ID.replace(/[^a-z0-9_-]/g, '_')}-browser-action`;

/** What the Firefox build is made from: when any of it is newer than the build, the build is stale. */
const SOURCES = ['extension', 'shared', 'wxt.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Builds dist/firefox-mv3 when it is missing or older than its sources. `npm test` builds it before the
 * tests start; this is for a test file run on its own.
 */
export function ensureFirefoxBuild(): void {
  const manifest = join(FIREFOX_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (built < Math.max(...SOURCES.map((s) => newestMtime(resolve(s))))) {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
  }
}

/** Waits until `check` answers something truthy (a failing check counts as not yet), or throws. */
export async function poll<T>(
  what: string,
  check: () => Promise<T>,
  timeout = 30_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end)
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The part of puppeteer's WebDriver BiDi connection used to reach the browser window itself. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`: the extension's pages live under it. */
  origin: string;
  /** Opens one of the extension's pages in a new, selected tab, as a click on its link would. */
  openExtensionPage(path: string): Promise<Page>;
  /** Clicks the extension's toolbar button (in Firefox's Extensions panel, where it sits when installed). */
  clickToolbarButton(): Promise<void>;
  /** Waits for a tab whose address starts with `prefix` that is not among `before`. */
  waitForTab(prefix: string, before: Set<Page>, timeout?: number): Promise<{ page: Page; url: string }>;
  close(): Promise<void>;
}

/** Firefox ESR, headless, driven over WebDriver BiDi, with dist/firefox-mv3 installed as a temporary add-on. */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Pages take the window's size, as for a person (Puppeteer would set every tab to 800×600).
    defaultViewport: null,
    // System access lets BiDi reach the browser window (chrome scope): that is where the toolbar is.
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }) },
  });
  try {
    const installed = await browser.installExtension(FIREFOX_DIR);
    if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  // Puppeteer has no public API for the browser window's own context; its BiDi connection does.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const origin = `moz-extension://${EXTENSION_UUID}`;

  /** Runs `body` (an async function body) in the browser window, where `gBrowser` and the toolbar are. */
  async function inBrowserWindow(body: string): Promise<unknown> {
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const [window] = tree.result.contexts as { context: string }[];
    if (!window) throw new Error('no browser window');
    const { result } = await connection.send('script.evaluate', {
      target: { context: window.context },
      expression: `(async () => JSON.stringify(await (async () => { ${body} })() ?? null))()`,
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`in the browser window: ${JSON.stringify(result)}`);
    return JSON.parse((result.result as { value: string }).value);
  }

  async function waitForTab(prefix: string, before: Set<Page>, timeout = 30_000) {
    // Puppeteer keeps a tab's first address (about:blank) for extension pages, so ask the page itself.
    return poll(
      `a tab at ${prefix}`,
      async () => {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          const url = await page.evaluate(() => location.href).catch(() => '');
          if (url.startsWith(prefix) && (await page.evaluate(() => document.readyState)) === 'complete')
            return { page, url };
        }
        return undefined;
      },
      timeout,
    );
  }

  return {
    browser,
    origin,
    async openExtensionPage(path) {
      // WebDriver BiDi refuses to navigate a tab to moz-extension://; the browser window may open one.
      const before = new Set(await browser.pages());
      await inBrowserWindow(
        `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(`${origin}/${path}`)}, {
           triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
         });`,
      );
      return (await waitForTab(`${origin}/${path}`, before)).page;
    },
    async clickToolbarButton() {
      // As a person does: open the Extensions (puzzle piece) panel, then click Snapdesk's entry.
      const opened = await inBrowserWindow(`
        document.getElementById('unified-extensions-button').click();
        const panel = gUnifiedExtensions.panel;
        const until = Date.now() + 10000;
        while (panel.state !== 'open' && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        if (panel.state !== 'open') return 'the Extensions panel did not open: ' + panel.state;
        const item = CustomizableUI.getWidget(${JSON.stringify(ACTION_WIDGET)})?.forWindow(window)?.node;
        const button = item?.querySelector('.unified-extensions-item-action-button');
        if (!button) return 'no Snapdesk entry in the Extensions panel';
        button.click();
        return 'clicked';`);
      if (opened !== 'clicked') throw new Error(String(opened));
    },
    waitForTab,
    close: () => browser.close(),
  };
}
