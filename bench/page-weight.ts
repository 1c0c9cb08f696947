/**
 * bench/page-weight: what the extension costs a page the person only reads.
 *
 * Prints the bytes of script the extension's manifest puts into every page, then loads a real-size
 * page (bench/lib/reading-page.ts: about 300 KB of HTML with its own script) in two Debian Chromiums
 * side by side, one with the built extension (dist/chrome-mv3, from `npm run build:extension`) and one
 * without, turn about, and reads each load's CDP `Performance.getMetrics` in the renderer's thread
 * time (ScriptDuration: compiling and running JavaScript, the extension's content scripts included;
 * TaskDuration: all the main thread's work). Thread time, not wall time, so other work on the machine
 * shifts the figures less.
 *
 *   npm run bench:page-weight
 *   BENCH_LOADS=40 BENCH_EXTENSION_DIR=/tmp/other-build npm run bench:page-weight
 *
 * Target (issue 9): the extension adds ≤ 5 ms of script time to a page's load (difference of the
 * medians). It reports; missing the target is not a failure, but anything that fails to run is.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium } from 'playwright-core';
import { z } from 'zod';
import {
  CHROMIUM_EXECUTABLE,
  CHROMIUM_FLAGS,
  type ExtensionBrowser,
  launchWithExtension,
} from '../test/e2e/helpers/harness.ts';
import { readingPage } from './lib/reading-page.ts';
import { labelledTable, loadNote, loadNow, median, percentile } from './lib/report.ts';

const settings = z
  .object({
    BENCH_LOADS: z.coerce.number().int().min(5).max(200).default(20),
    BENCH_EXTENSION_DIR: z.string().default('dist/chrome-mv3'),
  })
  .parse(process.env);

const TARGET_MS = 5;
/** Loads in each browser before counting, so neither pays for a cold cache or first compile. */
const WARM_UP = 2;
const BUSY_LOAD_PER_CPU = 0.5;

interface ManifestScript {
  matches?: string[];
  js?: string[];
  world?: string;
}

/** The scripts the manifest gives every page, with their bytes as shipped and gzipped. */
function injectedIntoEveryPage(dir: string) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestScript[];
  };
  return (manifest.content_scripts ?? [])
    .filter((cs) => cs.matches?.includes('<all_urls>'))
    .flatMap((cs) =>
      (cs.js ?? []).map((file) => {
        const bytes = readFileSync(join(dir, file));
        return { file, world: cs.world ?? 'ISOLATED', bytes: bytes.length, gzipped: gzipSync(bytes).length };
      }),
    );
}

interface Load {
  scriptMs: number;
  taskMs: number;
}

/** One load of the page in a fresh tab, measured from the tab's start to the page's script done. */
async function load(context: BrowserContext, url: string): Promise<Load & { collector: boolean }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => 'pageReady' in window);
  const { metrics } = await cdp.send('Performance.getMetrics');
  // The collector wraps console.error: seen here, the extension really was in this page.
  const collector = await page.evaluate(() => !/\[native code\]/.test(String(console.error)));
  await cdp.detach();
  await page.close();
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration'), collector };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const extensionDir = resolve(settings.BENCH_EXTENSION_DIR);
  const injected = injectedIntoEveryPage(extensionDir);
  console.log(`Injected into every page by ${extensionDir}/manifest.json:`);
  console.log(
    labelledTable([
      ['script', 'world', 'bytes', 'gzipped'],
      ...injected.map((s) => [s.file, s.world, kb(s.bytes), kb(s.gzipped)]),
      [
        'total',
        '',
        kb(injected.reduce((a, s) => a + s.bytes, 0)),
        kb(injected.reduce((a, s) => a + s.gzipped, 0)),
      ],
    ]),
  );

  const html = readingPage();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article.html`;

  const profile = mkdtempSync(join(tmpdir(), 'snapdesk-bench-plain-'));
  let withExtension: ExtensionBrowser | undefined;
  let plain: BrowserContext | undefined;
  try {
    withExtension = await launchWithExtension(undefined, { extensionDir });
    plain = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      viewport: null,
      args: CHROMIUM_FLAGS,
    });
    const loadBefore = loadNow();
    const runs = { with: [] as Load[], without: [] as Load[] };
    for (let i = 0; i < WARM_UP + settings.BENCH_LOADS; i++) {
      // Turn about, so a busy moment of the machine falls on both alike.
      const a = await load(withExtension.context, url);
      const b = await load(plain, url);
      if (!a.collector) throw new Error('the extension’s collector was not in the page it was loaded into');
      if (b.collector) throw new Error('the browser without the extension has a wrapped console.error');
      if (i >= WARM_UP) {
        runs.with.push(a);
        runs.without.push(b);
      }
    }

    const sorted = (list: Load[], key: keyof Load) => list.map((l) => l[key]).sort((x, y) => x - y);
    const row = (label: string, key: keyof Load) => {
      const w = sorted(runs.with, key);
      const wo = sorted(runs.without, key);
      return [
        label,
        ms(median(wo)),
        ms(percentile(wo, 90)),
        ms(median(w)),
        ms(percentile(w, 90)),
        ms(median(w) - median(wo)),
      ];
    };
    console.log(
      `\n${settings.BENCH_LOADS} loads each of a ${kb(Buffer.byteLength(html))} page (after ${WARM_UP} to warm up), renderer thread time:`,
    );
    console.log(
      labelledTable([
        ['metric', 'without median', 'p90', 'with median', 'p90', 'added (medians)'],
        row('ScriptDuration', 'scriptMs'),
        row('TaskDuration', 'taskMs'),
      ]),
    );
    const added = median(sorted(runs.with, 'scriptMs')) - median(sorted(runs.without, 'scriptMs'));
    console.log(
      `\nScript time the extension adds to a page's load: ${ms(added)} (target ≤ ${TARGET_MS} ms: ${added <= TARGET_MS ? 'met' : 'MISSED'})`,
    );
    console.log(loadNote(loadBefore, BUSY_LOAD_PER_CPU));
  } finally {
    await withExtension?.close();
    await plain?.close();
    rmSync(profile, { recursive: true, force: true });
    server.close();
  }
}

await main();
