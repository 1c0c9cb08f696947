import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The language decision as the pages and the background make it, with the extension API stubbed:
 * what `browser.i18n.getUILanguage()` says, and what storage holds (the person's settings and an
 * organisation's policy). The stub is in place before any extension module loads, as in a browser.
 */
const stored: { local: Record<string, unknown>; managed: Record<string, unknown> } = {
  local: {},
  managed: {},
};
let uiLanguage = 'ro-RO';
(globalThis as { chrome?: unknown }).chrome = {
  runtime: { id: 'test' },
  i18n: { getUILanguage: () => uiLanguage },
  storage: {
    local: { get: async () => stored.local },
    managed: { get: async () => stored.managed },
  },
};

let language: typeof import('../../extension/lib/language.ts');
let i18n: typeof import('../../extension/lib/i18n.ts');
beforeAll(async () => {
  language = await import('../../extension/lib/language.ts');
  i18n = await import('../../extension/lib/i18n.ts');
});

describe('the language the pages and the background settle on', () => {
  it('follows the browser’s UI language when the options name none', async () => {
    stored.local = { settings: { serverUrl: 'https://status.example.com' } };
    uiLanguage = 'ro-RO';
    expect(language.browserUiLanguage()).toBe('ro-RO');
    expect(await language.chosenLocale()).toBe('ro');
    uiLanguage = 'de';
    expect(await language.chosenLocale()).toBe('en');
  });

  it('takes the options’ choice over the browser’s language', async () => {
    uiLanguage = 'ro';
    stored.local = { settings: { serverUrl: 'https://status.example.com', language: 'uk' } };
    expect(await language.chosenLocale()).toBe('uk');
    expect(language.browserLocale()).toBe('ro');
    expect(await i18n.initLocale()).toBe('uk');
    expect(i18n.t('reports.heading')).toBe('Мої звернення');
  });

  it('ignores a language an organisation’s policy sets: it is the person’s own', async () => {
    uiLanguage = 'ro';
    stored.local = { settings: { serverUrl: 'https://status.example.com' } };
    stored.managed = { language: 'cs', account: 'Acme' };
    expect(await language.chosenLocale()).toBe('ro');
  });

  it('falls back to the browser’s language when the stored choice is not one it speaks', async () => {
    uiLanguage = 'es-ES';
    stored.local = { settings: { serverUrl: 'https://status.example.com', language: 'de' } };
    stored.managed = {};
    expect(await language.chosenLocale()).toBe('es');
    // The one bad value is dropped, not the server address with it.
    const settings = await import('../../extension/lib/settings.ts');
    expect(await settings.loadSettings()).toMatchObject({ serverUrl: 'https://status.example.com' });
    expect((await settings.loadSettings()).language).toBeUndefined();
  });
});
