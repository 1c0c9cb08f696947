import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../../shared/i18n/catalogue.ts';
import { en } from '../../shared/i18n/en/index.ts';
import { availableLocales, catalogues, createTranslator, localeFor } from '../../shared/i18n/index.ts';
import { locales } from '../../shared/i18n/locales.ts';

describe('i18n', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t('status.allOperational')).toBe('All Systems Operational');
    const withParams = Object.entries(catalogues.en ?? {}).find(([, text]) => /\{\w+\}/.test(text));
    if (withParams) {
      const [key, text] = withParams;
      const name = /\{(\w+)\}/.exec(text)?.[1] as string;
      expect(t(key as never, { [name]: 'VALUE' })).toContain('VALUE');
      expect(t(key as never, {})).toContain(`{${name}}`);
    }
  });

  it('negotiates the best supported language and falls back to English', () => {
    expect(localeFor({ acceptLanguage: undefined })).toBe('en');
    expect(localeFor({ acceptLanguage: 'fr-CH, fr;q=0.9, en;q=0.8' })).toBe('en');
    expect(localeFor({ acceptLanguage: 'en-GB;q=0.5, xx;q=1' })).toBe('en');
    expect(localeFor({ acceptLanguage: 'garbage;;;q=abc' })).toBe('en');
  });

  it('offers exactly the registered locales, each as one table of every surface', () => {
    expect(availableLocales).toEqual(Object.keys(locales));
    expect(Object.keys(catalogues)).toEqual(Object.keys(locales));
    const surfaces = Object.values(en).reduce((n, messages) => n + Object.keys(messages).length, 0);
    expect(Object.keys(catalogues.en ?? {})).toHaveLength(surfaces);
  });

  it('keeps the surfaces apart: no key is in two of them', () => {
    const seen = new Map<string, string>();
    for (const [surface, messages] of Object.entries(en)) {
      for (const key of Object.keys(messages)) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, surface);
      }
    }
  });

  it('every registered locale has exactly the English keys, surface by surface', () => {
    expect(catalogueProblems(locales, en)).toEqual([]);
  });

  it('names each key a locale lacks or adds, and a surface it lacks', () => {
    const { 'status.minor': _, ...pageLackingOne } = en.page;
    const registry = {
      en,
      xx: { ...en, page: { ...pageLackingOne, 'page.extra': 'More' } },
      yy: { page: en.page, mail: en.mail, form: en.form },
    };
    expect(catalogueProblems(registry, en)).toEqual([
      'xx/page: missing "status.minor"',
      'xx/page: extra "page.extra"',
      'yy/console: missing surface',
    ]);
  });
});
