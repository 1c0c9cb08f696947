import { describe, expect, it } from 'vitest';
import { acceptedTags, negotiateLocale } from '../../shared/i18n/negotiate.ts';

// Only English exists today; the rules are checked against languages issue 11 will add.
const available = ['en', 'ro', 'es', 'ru', 'cs', 'uk', 'pt-BR'];
const pick = (wish: Parameters<typeof negotiateLocale>[0], fallback = 'en') =>
  negotiateLocale(wish, available, fallback);

describe('negotiateLocale', () => {
  it('answers the default when the request says nothing', () => {
    expect(pick({})).toBe('en');
    expect(pick({ query: '', cookie: '', acceptLanguage: '' })).toBe('en');
    expect(pick({ query: null, cookie: null, acceptLanguage: null }, 'ro')).toBe('ro');
  });

  it('takes ?lang= first, then the cookie, then Accept-Language', () => {
    expect(pick({ query: 'ro', cookie: 'es', acceptLanguage: 'ru' })).toBe('ro');
    expect(pick({ cookie: 'es', acceptLanguage: 'ru' })).toBe('es');
    expect(pick({ acceptLanguage: 'ru' })).toBe('ru');
  });

  it('passes over a ?lang= or cookie it has no catalogue for', () => {
    expect(pick({ query: 'de', cookie: 'es', acceptLanguage: 'ru' })).toBe('es');
    expect(pick({ query: 'de', cookie: 'fr', acceptLanguage: 'ru' })).toBe('ru');
    expect(pick({ query: '../../etc', cookie: 'x'.repeat(500) }, 'cs')).toBe('cs');
  });

  it('matches tags whatever their case, and takes _ as -', () => {
    expect(pick({ query: 'RO' })).toBe('ro');
    expect(pick({ cookie: 'pt_br' })).toBe('pt-BR');
    expect(pick({ acceptLanguage: 'PT-br' })).toBe('pt-BR');
  });

  it('falls back from a region to its language', () => {
    expect(pick({ acceptLanguage: 'ro-RO' })).toBe('ro');
    expect(pick({ query: 'es-MX' })).toBe('es');
    expect(pick({ acceptLanguage: 'uk-UA, en;q=0.9' })).toBe('uk');
    expect(pick({ acceptLanguage: 'zh-Hant-TW' })).toBe('en');
  });

  it('does not widen a language to one of its regions', () => {
    expect(pick({ acceptLanguage: 'pt' })).toBe('en');
  });

  it('tries the region fallback of each choice before the next choice', () => {
    expect(pick({ acceptLanguage: 'ro-RO, es;q=0.9' })).toBe('ro');
    expect(pick({ acceptLanguage: 'de-CH, cs;q=0.8, ro-MD;q=0.9' })).toBe('ro');
  });

  it('reads Accept-Language by q-value, equal ones in their written order', () => {
    expect(pick({ acceptLanguage: 'es;q=0.5, ru;q=0.8, cs;q=0.7' })).toBe('ru');
    expect(pick({ acceptLanguage: 'cs;q=0.5, es;q=0.5' })).toBe('cs');
    expect(pick({ acceptLanguage: 'de, fr;q=0.9, uk;q=0.1' })).toBe('uk');
    expect(pick({ acceptLanguage: ' es ; q=0.4 ,ro ;Q=0.6' })).toBe('ro');
  });

  it('rules out q=0 and malformed q-values', () => {
    expect(pick({ acceptLanguage: 'ro;q=0, es;q=0.1' })).toBe('es');
    expect(pick({ acceptLanguage: 'ro;q=0.000' }, 'cs')).toBe('cs');
    expect(pick({ acceptLanguage: 'ro;q=abc, ru;q=1.5, es;q=-1, uk;q=0.3' })).toBe('uk');
  });

  it('answers the default for *, unless something better comes first', () => {
    expect(pick({ acceptLanguage: '*' }, 'cs')).toBe('cs');
    expect(pick({ acceptLanguage: 'de, *;q=0.5, ro;q=0.4' }, 'cs')).toBe('cs');
    expect(pick({ acceptLanguage: 'ro;q=0.6, *;q=0.5' }, 'cs')).toBe('ro');
  });

  it('ignores junk in the header', () => {
    expect(pick({ acceptLanguage: 'garbage;;;q=abc' })).toBe('en');
    expect(pick({ acceptLanguage: ',,;, ;q=1, ro' })).toBe('ro');
    expect(pick({ acceptLanguage: 'r o, ru' })).toBe('ru');
  });

  it('spells the answer as the list of locales does', () => {
    expect(negotiateLocale({ acceptLanguage: 'EN-us' }, ['en-US', 'en'], 'en')).toBe('en-US');
    expect(negotiateLocale({ acceptLanguage: 'en-GB' }, ['en-US', 'en'], 'en-US')).toBe('en');
  });
});

describe('acceptedTags', () => {
  it('lists the wanted tags, best first, refused ones left out', () => {
    expect(acceptedTags('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual([
      'fr-CH',
      'fr',
      'en',
      'de',
      '*',
    ]);
    expect(acceptedTags('en;q=0, de;q=0.3, ro')).toEqual(['ro', 'de']);
    expect(acceptedTags(undefined)).toEqual([]);
  });
});
