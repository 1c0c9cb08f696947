import { afterEach, describe, expect, it } from 'vitest';
import { catalogues } from '../../extension/lib/catalogue.ts';
import { formatTime, setLocale, t, tKey, tText, uiLocale } from '../../extension/lib/i18n.ts';
import { decideLocale, LOCALE_NAMES, textIn, uiLocales } from '../../extension/lib/locale.ts';
import { localeMessageFiles, MANIFEST_MESSAGES } from '../../extension/lib/manifest-locales.ts';
import { en } from '../../shared/i18n/en/index.ts';
import { createTranslator } from '../../shared/i18n/index.ts';
import { locales } from '../../shared/i18n/locales.ts';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoMessages } from '../../shared/i18n/pseudo.ts';

describe("the extension's language", () => {
  it('is the options’ choice when there is one', () => {
    expect(decideLocale({ override: 'uk', uiLanguage: 'ro', navigatorLanguages: ['cs'] })).toBe('uk');
    expect(decideLocale({ override: 'en', uiLanguage: 'ro-RO' })).toBe('en');
  });

  it('else the browser’s UI language, regional tags and underscores taken as the language', () => {
    expect(decideLocale({ uiLanguage: 'ro', navigatorLanguages: ['cs'] })).toBe('ro');
    expect(decideLocale({ uiLanguage: 'ro-RO' })).toBe('ro');
    expect(decideLocale({ uiLanguage: 'uk_UA' })).toBe('uk');
    expect(decideLocale({ uiLanguage: 'es-419' })).toBe('es');
    // An override the extension does not speak (an older or hand-edited value) counts as none.
    expect(decideLocale({ override: 'de', uiLanguage: 'ru' })).toBe('ru');
    expect(decideLocale({ override: '', uiLanguage: 'cs-CZ' })).toBe('cs');
  });

  it('is English when the UI language is one it does not speak, as the browser does for the manifest', () => {
    expect(decideLocale({ uiLanguage: 'de-DE', navigatorLanguages: ['de', 'ro'] })).toBe('en');
    expect(decideLocale({ uiLanguage: 'pt-BR' })).toBe('en');
  });

  it('reads navigator.languages, in order, only where the UI language cannot be asked', () => {
    expect(decideLocale({ navigatorLanguages: ['de-AT', 'ru-RU', 'en'] })).toBe('ru');
    expect(decideLocale({ navigatorLanguages: ['fr'] })).toBe('en');
    expect(decideLocale({})).toBe('en');
  });

  it('offers every locale of the project, each by its own name', () => {
    expect(uiLocales).toEqual(Object.keys(locales));
    expect(Object.keys(catalogues)).toEqual(Object.keys(locales));
    expect(LOCALE_NAMES).toMatchObject({ ro: 'Română', uk: 'Українська', cs: 'Čeština', ru: 'Русский' });
  });
});

describe("the extension's catalogue", () => {
  it('holds the form and page surfaces of every locale, and not the console’s or the mails’', () => {
    const want = [...Object.keys(en.form), ...Object.keys(en.page)].sort();
    for (const [locale, messages] of Object.entries(catalogues)) {
      expect(Object.keys(messages).sort(), locale).toEqual(want);
      const all = locales[locale as keyof typeof locales];
      expect(messages).toEqual({ ...all.form, ...all.page });
    }
  });
});

describe('t, tKey and tText', () => {
  afterEach(() => setLocale('en'));

  it('speak the chosen language, plurals by its rules (tKey too)', () => {
    setLocale('ru');
    expect(uiLocale()).toBe('ru');
    const ru = createTranslator('ru');
    expect(t('report.page.heading')).toBe(ru('report.page.heading'));
    expect([1, 2, 5].map((count) => tKey('report.series.marks', { count }))).toEqual([
      '1 пометка',
      '2 пометки',
      '5 пометок',
    ]);
    setLocale('cs');
    expect([1, 3, 5].map((count) => t('report.series.marks', { count }))).toEqual([
      '1 značka',
      '3 značky',
      '5 značek',
    ]);
    // The title hints of the form, in the form's language.
    setLocale('ro');
    expect(t('report.title.allCaps')).toBe(createTranslator('ro')('report.title.allCaps'));
    expect(t('report.title.allCaps')).toMatch(/majuscule/);
  });

  it('write dates the chosen language’s way', () => {
    setLocale('uk');
    const at = Date.UTC(2025, 0, 31, 9, 0);
    expect(formatTime(at)).toBe(
      new Intl.DateTimeFormat('uk', { dateStyle: 'medium', timeStyle: 'short' }).format(at),
    );
  });

  it('show a key the catalogue lacks as words, as before', () => {
    setLocale('ro');
    expect(tKey('report.field.orderNumber')).toBe('Order number');
  });

  it("show an organisation's texts in the form's language, else English, else the first given", () => {
    const label = { en: 'Customer number', ro: 'Număr de client', uk: 'Номер клієнта' };
    setLocale('ro');
    expect(tText(label)).toBe('Număr de client');
    setLocale('uk');
    expect(tText(label)).toBe('Номер клієнта');
    setLocale('cs');
    expect(tText(label)).toBe('Customer number');
    expect(tText({ ru: 'Филиал', es: 'Sucursal' })).toBe('Филиал');
    // A message key still goes through the catalogue.
    expect(tText('report.field.account')).toBe(createTranslator('cs')('report.field.account'));
    expect(textIn({ es: 'Sucursal' }, 'es-MX', () => 'key')).toBe('Sucursal');
    expect(textIn('report.x', 'en', (key) => `<${key}>`)).toBe('<report.x>');
  });
});

describe('the manifest’s strings (_locales)', () => {
  const files = localeMessageFiles();
  const read = (locale: string) => {
    const file = files.find((f) => f.relativeDest === `_locales/${locale}/messages.json`);
    if (!file) throw new Error(`no messages.json for ${locale}`);
    return JSON.parse(file.contents) as Record<string, { message: string }>;
  };

  it('are written for every locale, in plain folders, from the catalogue', () => {
    expect(files.map((f) => f.relativeDest).sort()).toEqual(
      uiLocales.map((l) => `_locales/${l}/messages.json`).sort(),
    );
    for (const locale of uiLocales) {
      const messages = read(locale);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(MANIFEST_MESSAGES).sort());
      for (const [name, key] of Object.entries(MANIFEST_MESSAGES))
        expect(messages[name]?.message, `${locale} ${name}`).toBe(catalogues[locale][key]);
    }
    expect(read('ro').extName?.message).toBe('Snapdesk — raportați o problemă');
  });

  it('fit the stores’ limits: a name of at most 45 characters, a description of at most 132', () => {
    for (const locale of uiLocales) {
      const messages = read(locale);
      expect([...(messages.extName?.message ?? '')].length, locale).toBeLessThanOrEqual(45);
      expect([...(messages.extDescription?.message ?? '')].length, locale).toBeLessThanOrEqual(132);
      for (const { message } of Object.values(messages)) expect(message).not.toMatch(/\$(?!\$)/);
    }
  });
});

describe('the pseudo-locale of the tests', () => {
  it('wraps every message in markers, placeholders and plurals still working inside', () => {
    const pseudo = pseudoMessages({ a: 'Report', b: '{count, plural, one {# mark} other {# marks}}' });
    expect(pseudo.a).toBe(`${PSEUDO_OPEN}Report${PSEUDO_CLOSE}`);
    expect(pseudo.b.startsWith(PSEUDO_OPEN) && pseudo.b.endsWith(PSEUDO_CLOSE)).toBe(true);
  });
});
