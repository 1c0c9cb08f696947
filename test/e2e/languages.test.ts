import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/index.ts';
import {
  configureServer,
  type ExtensionBrowser,
  launchWithExtension,
  reportPage,
  type StatusServer,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';

/** The extension API where `worker.evaluate` and `page.evaluate` callbacks run. */
declare const chrome: {
  i18n: { getUILanguage(): string; getMessage(name: string): string };
  runtime: { getManifest(): { name: string; description: string } };
  action: { getTitle(details: object): Promise<string> };
};

const ro = createTranslator('ro');
const uk = createTranslator('uk');

/** What a page says about its language, and its first heading. */
const pageLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title }));
const heading = async (page: Page) => (await page.locator('h1').first().textContent())?.trim();

describe('the extension in the browser’s language: Chromium started with --lang=ro', () => {
  let site: Awaited<ReturnType<typeof servePages>>;
  let server: StatusServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    site = await servePages();
    server = await startStatusServer();
    b = await launchWithExtension(undefined, { lang: 'ro' });
    await configureServer(b, server.url);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await site?.close();
  });

  const open = async (path: string) => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/${path}`);
    await page.locator('main:not([aria-busy])').waitFor();
    return page;
  };

  it('reports Romanian as the browser’s UI language, and the manifest’s strings come out Romanian', async () => {
    const got = await b.worker.evaluate(async () => ({
      ui: chrome.i18n.getUILanguage(),
      name: chrome.i18n.getMessage('extName'),
      description: chrome.i18n.getMessage('extDescription'),
      command: chrome.i18n.getMessage('commandDescription'),
      menu: chrome.i18n.getMessage('contextMenuTitle'),
      action: await chrome.action.getTitle({}),
    }));
    // Debian's Chromium speaks only English until its language packs (chromium-l10n) are installed;
    // without them --lang=ro still loads the Romanian _locales but the UI language stays en-US.
    expect(got.ui, 'getUILanguage() — is the chromium-l10n package installed?').toBe('ro');
    expect(got).toEqual({
      ui: 'ro',
      name: ro('extension.name'),
      description: ro('extension.description'),
      command: ro('extension.commandDescription'),
      menu: ro('extension.contextMenuTitle'),
      action: ro('extension.actionTitle'),
    });
  });

  it('shows the report form in Romanian, title hints included', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/tall.html`);
    const { reportPage: form } = await reportPage(b, page);
    await form.getByTestId('send').waitFor();
    expect(await pageLanguage(form)).toEqual({
      lang: 'ro',
      title: ro('extension.tabTitle', { page: ro('report.page.heading') }),
    });
    expect(await heading(form)).toBe(ro('report.page.heading'));
    expect((await form.getByTestId('send').textContent())?.trim()).toBe(ro('report.send.button'));
    await form.getByTestId('report-type-bug').click();
    expect(await form.locator('legend', { hasText: ro('report.field.priority') }).count()).toBe(1);
    // A Romanian customer who shouts is told so in Romanian.
    await form.getByTestId('report-title').fill('NU MERGE NIMIC');
    expect((await form.getByTestId('title-hint-allCaps').textContent())?.trim()).toBe(
      ro('report.title.allCaps'),
    );
    await form.close();
    await page.close();
  });

  it('shows My reports and the options in Romanian', async () => {
    const reports = await open('reports.html');
    expect(await pageLanguage(reports)).toEqual({
      lang: 'ro',
      title: ro('extension.tabTitle', { page: ro('reports.heading') }),
    });
    expect(await heading(reports)).toBe(ro('reports.heading'));
    expect((await reports.getByTestId('sent-empty').textContent())?.trim()).toBe(ro('reports.empty'));
    await reports.close();

    const options = await open('options.html');
    expect(await pageLanguage(options)).toEqual({ lang: 'ro', title: ro('options.heading') });
    expect(await heading(options)).toBe(ro('options.heading'));
    const language = options.getByTestId('options-language');
    expect(await language.inputValue()).toBe('');
    expect((await language.locator('option[value=""]').textContent())?.trim()).toBe(
      ro('options.language.browser', { language: 'Română' }),
    );
    expect(await language.locator('option[value="uk"]').textContent()).toBe('Українська');
    await options.close();
  });

  it('speaks the language chosen in the options instead: at once there, in the other pages when they load', async () => {
    const options = await open('options.html');
    const reports = await open('reports.html');
    await options.getByTestId('options-language').selectOption('uk');
    await options.getByTestId('options-save').click();
    await expect.poll(() => heading(options)).toBe(uk('options.heading'));
    expect(await pageLanguage(options)).toEqual({ lang: 'uk', title: uk('options.heading') });
    expect((await options.getByTestId('options-saved').textContent())?.trim()).toBe(uk('options.saved'));

    // A page already open keeps its language until it is loaded again.
    expect(await heading(reports)).toBe(ro('reports.heading'));
    await reports.reload();
    await reports.locator('main:not([aria-busy])').waitFor();
    expect(await heading(reports)).toBe(uk('reports.heading'));
    expect((await pageLanguage(reports)).lang).toBe('uk');
    const form = await open('report.html');
    expect((await form.getByTestId('draft-missing').textContent())?.trim()).toBe(uk('report.page.noDraft'));
    // The background renames the toolbar button (and the menu item) by itself.
    await expect
      .poll(() => b.worker.evaluate(() => chrome.action.getTitle({})))
      .toBe(uk('extension.actionTitle'));

    // "Browser language" again: Romanian.
    await options.getByTestId('options-language').selectOption('');
    await options.getByTestId('options-save').click();
    await expect.poll(() => heading(options)).toBe(ro('options.heading'));
    await reports.reload();
    await reports.locator('main:not([aria-busy])').waitFor();
    expect(await heading(reports)).toBe(ro('reports.heading'));
    await expect
      .poll(() => b.worker.evaluate(() => chrome.action.getTitle({})))
      .toBe(ro('extension.actionTitle'));
    for (const p of [options, reports, form]) await p.close();
  }, 60_000);
});
