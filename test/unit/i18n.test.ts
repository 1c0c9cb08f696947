import { describe, expect, it } from 'vitest';
import { catalogues, createTranslator, negotiateLocale } from '../../shared/i18n/index.ts';

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
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('fr-CH, fr;q=0.9, en;q=0.8')).toBe('en');
    expect(negotiateLocale('en-GB;q=0.5, xx;q=1')).toBe('en');
    expect(negotiateLocale('garbage;;;q=abc')).toBe('en');
  });

  it('every catalogue has exactly the English keys', () => {
    const keys = Object.keys(catalogues.en ?? {}).sort();
    for (const [locale, messages] of Object.entries(catalogues)) {
      expect(Object.keys(messages).sort(), locale).toEqual(keys);
    }
  });
});
