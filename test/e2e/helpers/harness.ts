import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { createToken } from '../../../status-server/auth/tokens.ts';
import { loadConfig } from '../../../status-server/config.ts';
import { listen as listenOn, type Running, startServer } from '../../../status-server/server.ts';
import { makePng } from '../../helpers/images.ts';
import { freePort } from '../../helpers/net.ts';

/** The extension API as the callbacks below see it: they run inside the extension, not in Node. */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

export const EXTENSION_DIR = resolve('dist/chrome-mv3');
const PAGES = resolve('test/e2e/pages');

const listen = (server: Server) =>
  new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));

/** The test's own web site on 127.0.0.1: the pages under test/e2e/pages, a green image, a 404 API. */
export async function servePages(): Promise<{ url: string; close(): Promise<void> }> {
  const green = makePng(300, 200, [0, 200, 0]);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/green.png') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(green);
    } else if (/^\/\w+\.html$/.test(path) && existsSync(join(PAGES, path))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(PAGES, path)));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not here"}');
    }
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** What the admin API answers to a POST that makes something: the thing under its name. */
type AdminMade = Record<'component' | 'group' | 'incident' | 'maintenance', { id: string }>;

export interface StatusServer {
  url: string;
  token: string;
  running: Running;
  /**
   * POSTs to the admin API with the server's token; throws with the answer when it is not 2xx. It
   * answers what was made under its name (`{ component: { id, … } }`) unless told another shape.
   */
  admin<T = AdminMade>(path: string, body: unknown): Promise<T>;
  /** Stops listening (the database stays), as when the server goes down. */
  pause(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** The real status server on SQLite in a temporary folder, listening on 127.0.0.1. */
export async function startStatusServer(env: Record<string, string> = {}): Promise<StatusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'snapdesk-e2e-'));
  const port = await freePort();
  const config = loadConfig({
    SNAPDESK_DATA_DIR: dir,
    PORT: String(port),
    SNAPDESK_INTAKE_PER_MINUTE: '1000',
    ...env,
  });
  const running = await startServer(config);
  const { token } = await createToken(running.store.db, 'e2e');
  let server: Server | undefined;
  const start = () =>
    new Promise<void>((r) => {
      server = listenOn(running, { port, hostname: '127.0.0.1' }, () => r());
    });
  const stop = () =>
    new Promise<void>((r) => {
      server?.close(() => r());
      server?.closeAllConnections();
    });
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    running,
    async admin<T>(path: string, body: unknown) {
      const res = await fetch(`http://127.0.0.1:${port}/api/admin${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    pause: stop,
    resume: start,
    async close() {
      await stop();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profile: string;
  /** Closes the browser and removes its profile, unless it is kept to be opened again. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** Another build of the extension than dist/chrome-mv3 (the pseudo-locale test makes its own). */
  extensionDir?: string;
  /**
   * The browser's UI language. Chromium on Linux takes it from the `LANGUAGE` environment variable
   * (`--lang` alone leaves `chrome.i18n.getUILanguage()` at en-US), and only for a language whose
   * pack is installed: Debian's `chromium-l10n`. Both are given, as a person would start it.
   */
  lang?: string;
}

/** Debian's Chromium, unless CHROMIUM_PATH names another. */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How every test and bench starts Chromium, with or without the extension. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--window-size=1280,800',
  '--force-device-scale-factor=1',
];

/** Chromium from Debian with the built extension loaded, in a profile that can be reopened. */
export async function launchWithExtension(
  profile = mkdtempSync(join(tmpdir(), 'snapdesk-profile-')),
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension build in ${extensionDir}: run \`npm run build:extension\` first`);
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    viewport: null,
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang } as Record<string, string> } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      ...CHROMIUM_FLAGS,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profile,
    async close(options = {}) {
      await context.close();
      if (!options.keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Points the extension at a status server, as the options page does. */
export async function configureServer(b: ExtensionBrowser, serverUrl: string): Promise<void> {
  await b.worker.evaluate((url) => chrome.storage.local.set({ settings: { serverUrl: url } }), serverUrl);
}

/**
 * Reports the tab showing `page`, as a click on the toolbar button does, and answers the report page
 * that opens with the id of its draft.
 */
export async function reportPage(
  b: ExtensionBrowser,
  page: Page,
): Promise<{ reportPage: Page; draftId: string }> {
  const tabId = await b.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id;
  }, page.url());
  if (tabId === undefined) throw new Error(`no tab shows ${page.url()}`);
  const opened = b.context.waitForEvent('page', {
    predicate: (p) => p.url().includes('/report.html'),
    timeout: 60_000,
  });
  const helper = await b.context.newPage();
  await helper.goto(`chrome-extension://${b.extensionId}/report.html`);
  await page.bringToFront();
  void helper.evaluate((id) => chrome.runtime.sendMessage({ type: 'report-tab', tabId: id }), tabId);
  const reportPage = await opened;
  await helper.close();
  const draftId = new URL(reportPage.url()).searchParams.get('draft');
  if (!draftId) throw new Error(`the report page opened without a draft: ${reportPage.url()}`);
  return { reportPage, draftId };
}

/** A page that runs a function inside itself with one argument: Playwright's pages and Puppeteer's. */
export interface EvaluatingPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface DecodedCapture {
  name: string;
  method: string;
  type: string;
  width: number;
  height: number;
  truncated: boolean;
  bytes: number;
  /** RGB of every row at x = 5 and at the middle column: enough to find bars, bands and images. */
  left: [number, number, number][];
  middle: [number, number, number][];
  /** RGB at the points asked for, by name. */
  at: Record<string, [number, number, number]>;
}

/**
 * Reads a draft's captures from the extension's IndexedDB and samples their pixels in the page (whole
 * images are too big to ship over the wire).
 */
export async function readCaptures(
  extensionPage: EvaluatingPage,
  draftId: string,
  points: Record<string, [number, number]> = {},
): Promise<DecodedCapture[]> {
  return extensionPage.evaluate(
    async ([id, wanted]) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('snapdesk');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const draft = await new Promise<{
        captures: { name: string; method: string; truncated: boolean; original: Blob }[];
      }>((res, rej) => {
        const r = db.transaction('drafts').objectStore('drafts').get(id);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      return Promise.all(
        draft.captures.map(async (c) => {
          const bitmap = await createImageBitmap(c.original);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
          ctx.drawImage(bitmap, 0, 0);
          const column = (x: number) => {
            const d = ctx.getImageData(x, 0, 1, bitmap.height).data;
            const out: [number, number, number][] = [];
            for (let y = 0; y < bitmap.height; y++)
              out.push([d[y * 4] ?? 0, d[y * 4 + 1] ?? 0, d[y * 4 + 2] ?? 0]);
            return out;
          };
          return {
            name: c.name,
            method: c.method,
            type: c.original.type,
            width: bitmap.width,
            height: bitmap.height,
            truncated: c.truncated,
            bytes: c.original.size,
            left: column(5),
            middle: column(Math.floor(bitmap.width / 2)),
            at: Object.fromEntries(
              Object.entries(wanted).map(([name, [x, y]]) => {
                const d = ctx.getImageData(x, y, 1, 1).data;
                return [name, [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0]];
              }),
            ) as Record<string, [number, number, number]>,
          };
        }),
      );
    },
    [draftId, points] as const,
  );
}

/** A draft as the extension keeps it, read from its IndexedDB (captures left out). */
export async function readDraft(
  extensionPage: Page,
  draftId: string,
): Promise<Record<string, unknown> | undefined> {
  return extensionPage.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('snapdesk');
      r.onsuccess = () => res(r.result);
    });
    const draft = await new Promise<Record<string, unknown> | undefined>((res) => {
      const r = db.transaction('drafts').objectStore('drafts').get(id);
      r.onsuccess = () => res(r.result);
    });
    if (!draft) return undefined;
    const { captures: _, ...rest } = draft;
    return rest;
  }, draftId);
}

/** A draft's captures as PNG files (whatever their own format), by name: to look at or to compare. */
export async function capturePngs(
  extensionPage: Page,
  draftId: string,
): Promise<{ name: string; png: Buffer }[]> {
  const files = await extensionPage.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('snapdesk');
      r.onsuccess = () => res(r.result);
    });
    const draft = await new Promise<{ captures: { name: string; original: Blob }[] }>((res) => {
      const r = db.transaction('drafts').objectStore('drafts').get(id);
      r.onsuccess = () => res(r.result);
    });
    return Promise.all(
      draft.captures.map(async (c) => {
        const bitmap = await createImageBitmap(c.original);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(bitmap, 0, 0);
        const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        return { name: c.name, base64: btoa(binary) };
      }),
    );
  }, draftId);
  return files.map((f) => ({ name: f.name, png: Buffer.from(f.base64, 'base64') }));
}

/** Writes a draft's captures as image files, to look at them (SNAPDESK_E2E_SHOTS=<folder>). */
export async function saveCaptures(
  extensionPage: Page,
  draftId: string,
  folder: string,
  prefix: string,
): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const f of await capturePngs(extensionPage, draftId)) {
    writeFileSync(join(folder, `${prefix}-${f.name.replace(/\.\w+$/, '.png')}`), f.png);
  }
}

/** Whether a colour is near another (lossy encodings shift colours a little). */
export const near = (a: readonly number[], b: readonly number[], tolerance = 24) =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);
