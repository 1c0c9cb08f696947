import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StatusServer, startStatusServer } from './helpers/harness.ts';

/** axe-core, run inside the page: injected through the debugging protocol, which the page's CSP allows. */
declare const axe: { run(context: Document, options: object): Promise<AxeResults> };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('colour contrast of the public pages, by axe in Chromium', () => {
  let server: StatusServer;
  let browser: Browser;
  let paths: string[];

  beforeAll(async () => {
    server = await startStatusServer();
    // Every tone the pages colour text and bars with: an outage, a minor incident, maintenance, history.
    const group = (await server.admin('/groups', { name: 'Storefront' })).group;
    const checkout = (await server.admin('/components', { name: 'Checkout', group_id: group.id })).component;
    const search = (await server.admin('/components', { name: 'Search' })).component;
    const outage = (
      await server.admin('/incidents', {
        name: 'Card payments failing',
        impact: 'critical',
        message: 'We are **investigating** failed payments. See [the FAQ](https://example.com/faq).',
        components: { [checkout.id]: 'major_outage' },
      })
    ).incident;
    await server.admin('/incidents', {
      name: 'Slow search',
      impact: 'minor',
      message: 'Searches take `5 s`.',
      components: { [search.id]: 'degraded_performance' },
    });
    await server.admin('/maintenances', {
      name: 'Database upgrade',
      message: 'We will upgrade the primary database.',
      scheduled_for: new Date(Date.now() + 3_600_000).toISOString(),
      scheduled_until: new Date(Date.now() + 7_200_000).toISOString(),
      components: [search.id],
    });
    // A subscription's manage page has the subscribe page's form and buttons.
    const manage = new URL(
      (
        await server.admin<{ manage_url: string }>('/subscriptions', {
          webhook_url: 'https://93.184.215.14/status',
        })
      ).manage_url,
    ).pathname;
    paths = ['/', `/incidents/${outage.id}`, '/history', '/subscribe', manage, '/no-such-page'];
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no text below WCAG AA contrast in ${scheme} mode`, async () => {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 1024, height: 800 },
      });
      const page = await context.newPage();
      const failing: string[] = [];
      try {
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          // The emulation took: the page's own dark-theme rules apply.
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
            scheme === 'dark',
          );
          await page.evaluate(AXE_SOURCE);
          const result = await page.evaluate(() =>
            axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } }),
          );
          // Something was checked, so a page that failed to render cannot pass by having no text.
          expect(result.passes.flatMap((r) => r.nodes).length, path).toBeGreaterThan(5);
          for (const r of [...result.violations, ...result.incomplete]) {
            for (const node of r.nodes) {
              failing.push(`${path} ${node.target.join(' ')}: ${node.any.map((c) => c.message).join('; ')}`);
            }
          }
        }
      } finally {
        await context.close();
      }
      expect(failing).toEqual([]);
    }, 60_000);
  }
});
