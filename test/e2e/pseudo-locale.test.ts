import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../shared/i18n/pseudo.ts';
import {
  configureServer,
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchWithExtension,
  readDraft,
  reportPage,
  type StatusServer,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';
import { type ShownText, shownTexts, untranslated } from './helpers/pseudo-text.ts';

/**
 * Every screen of the extension in a pseudo-locale, in which each message of the catalogue is
 * wrapped in ⟦ ⟧: a text on screen outside the markers that is not the person's or the page's own
 * data did not come from the catalogue, and fails the test. The pseudo-locale lives only in a build
 * made for this test (SNAPDESK_PSEUDO_LOCALE=1, see extension/lib/i18n.ts); the production build
 * cannot reach it, which the first test checks.
 */

const INCIDENT = 'Checkout slow for some shoppers';
const TITLE = 'Invoice for order 456 opens an empty page';
const DESCRIPTION = 'The invoice button shows an empty page.';
const STEPS = '1. Open order 456';
const EMAIL = 'ana@example.com';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the extension’s screens in a pseudo-locale', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapdesk-pseudo-'));
  const pseudoBuild = join(dir, 'out', 'chrome-mv3');
  let site: Awaited<ReturnType<typeof servePages>>;
  let server: StatusServer;
  let b: ExtensionBrowser;
  /** Everything the person, the page or the server supplied, as it may show. */
  const data: string[] = [INCIDENT, TITLE, DESCRIPTION, STEPS, EMAIL, 'Snapdesk Status'];

  beforeAll(async () => {
    const config = join(dir, 'wxt.config.ts');
    writeFileSync(
      config,
      `import base from ${JSON.stringify(resolve('wxt.config.ts'))};\nexport default { ...base, outDir: ${JSON.stringify(join(dir, 'out'))} };\n`,
    );
    await promisify(execFile)('npx', ['wxt', 'build', '-c', config], {
      env: { ...process.env, SNAPDESK_PSEUDO_LOCALE: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    site = await servePages();
    server = await startStatusServer();
    // An incident on the test site's host, so the report form shows its banner.
    const checkout = (await server.admin('/components', { name: 'Checkout', hosts: ['127.0.0.1'] }))
      .component;
    await server.admin('/incidents', {
      name: INCIDENT,
      impact: 'minor',
      message: 'We are looking into it.',
      components: { [checkout.id]: 'degraded_performance' },
    });
    b = await launchWithExtension(undefined, { extensionDir: pseudoBuild });
    await configureServer(b, server.url);
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (texts: ShownText[]) => {
    // Something was read, in the pseudo-locale: a page that failed to draw cannot pass.
    expect(texts.filter((t) => t.text.includes(PSEUDO_OPEN)).length).toBeGreaterThan(3);
    expect(untranslated(texts, data)).toEqual([]);
  };
  const open = async (path: string) => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/${path}`);
    await page.locator('main:not([aria-busy])').waitFor();
    return page;
  };
  /** The facts of a draft, its page errors and its page's address as they may show. */
  const learnDraft = async (form: Page, draftId: string) => {
    const draft = (await readDraft(form, draftId)) as {
      environment: Record<string, unknown>;
      console: Record<string, unknown>[];
    };
    for (const value of Object.values(draft.environment)) if (typeof value === 'string') data.push(value);
    for (const entry of draft.console)
      for (const value of Object.values(entry)) if (typeof value === 'string') data.push(value);
    const url = new URL(String(draft.environment.url));
    data.push(url.href, url.host, `${url.host}${url.pathname}`);
  };

  it('exists only in a build made for it: the production build has no markers', () => {
    expect(existsSync(join(pseudoBuild, 'manifest.json'))).toBe(true);
    const marked = (root: string) =>
      filesUnder(root).filter(
        (f) => /\.(js|html|json)$/.test(f) && readFileSync(f, 'utf8').includes(PSEUDO_OPEN),
      );
    expect(marked(pseudoBuild).length).toBeGreaterThan(0);
    if (existsSync(EXTENSION_DIR)) expect(marked(EXTENSION_DIR)).toEqual([]);
  });

  it('catches a text that bypasses the catalogue', () => {
    const texts = [
      { where: 'p', text: `${PSEUDO_OPEN}Use ${PSEUDO_OPEN}High${PSEUDO_CLOSE}${PSEUDO_CLOSE}` },
      { where: 'td', text: 'example.com/checkout' },
      { where: 'td', text: 'Jan 31, 2025, 9:00 AM' },
      { where: 'span', text: '1280 × 800 @1×' },
      { where: 'button', text: 'Send report' },
      { where: 'p', text: `${PSEUDO_OPEN}Sent${PSEUDO_CLOSE} by hand` },
    ];
    expect(untranslated(texts, ['example.com/checkout'])).toEqual([
      { where: 'button', text: 'Send report' },
      { where: 'p', text: `${PSEUDO_OPEN}Sent${PSEUDO_CLOSE} by hand` },
    ]);
  });

  it('leaves nothing untranslated in the report form, as filled, sent, and again for the same page', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/broken.html`);
    const first = await reportPage(b, page);
    const form = first.reportPage;
    await form.getByTestId('incident-banner').waitFor();
    await learnDraft(form, first.draftId);
    check(await shownTexts(form));

    // Every request type's questions; then Send with what is missing, a shouted title and an
    // Immediate priority that nothing backs, and the annotation editor open.
    for (const type of ['question', 'feature', 'bug']) {
      await form.getByTestId(`report-type-${type}`).click();
      check(await shownTexts(form));
    }
    await form.getByTestId('report-title').fill('NU MERGE');
    await form.getByTestId('report-priority-immediate').click();
    await form.getByTestId('priority-advice').waitFor();
    await form.getByTestId('report-anyway').click();
    await form.getByTestId('send').click();
    await form.getByTestId('send-errors').waitFor();
    await form.getByTestId('capture-thumb-0').click();
    await form.locator('#editor-heading').waitFor();
    data.push('NU MERGE');
    check(await shownTexts(form));

    await form.getByTestId('report-title').fill(TITLE);
    await form.getByTestId('report-description').fill(DESCRIPTION);
    await form.getByTestId('report-stepsToReproduce').fill(STEPS);
    await form.getByTestId('report-priority-normal').click();
    await form.getByTestId('report-contactEmail').fill(EMAIL);
    await form.getByTestId('send').click();
    await form.getByTestId('sent-reference').waitFor({ timeout: 30_000 });
    check(await shownTexts(form));
    await form.close();

    // The same page again: the report just sent stands guard against a duplicate.
    const second = await reportPage(b, page);
    await second.reportPage.getByTestId('duplicate-guard').waitFor();
    await learnDraft(second.reportPage, second.draftId);
    check(await shownTexts(second.reportPage));
    await second.reportPage.close();
    await page.close();
  }, 120_000);

  it('leaves nothing untranslated in My reports and the options', async () => {
    const reports = await open('reports.html');
    await reports.getByTestId('sent-row-0').waitFor();
    check(await shownTexts(reports));
    await reports.close();

    const options = await open('options.html');
    await options.getByTestId('options-test').click();
    await options.locator('[data-testid="options-test-result"]:not(:empty)').waitFor();
    await options.getByTestId('options-serverUrl').fill('not an address');
    await options.getByTestId('options-save').click();
    await options.getByTestId('error-options-serverUrl').waitFor();
    data.push('not an address');
    const texts = await shownTexts(options);
    check(texts);

    // The check sees a text put on the page without the catalogue.
    await options.evaluate(() => document.querySelector('main')?.append('Saved by hand'));
    expect(untranslated(await shownTexts(options), data)).toEqual([{ where: 'main', text: 'Saved by hand' }]);
    await options.close();
  }, 60_000);
});
