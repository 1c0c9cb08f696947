import { describe, expect, it } from 'vitest';
import { placeholderProblems } from '../../shared/i18n/catalogue.ts';
import { en } from '../../shared/i18n/en/index.ts';
import { createTranslator, fill } from '../../shared/i18n/index.ts';
import { locales } from '../../shared/i18n/locales.ts';

const days = '{n, plural, one {# день} few {# дня} many {# дней} other {# дня}}';

describe('fill', () => {
  it('chooses the plural form by the locale’s rules: three forms in Russian, Ukrainian and Czech', () => {
    expect([1, 2, 5, 21, 22, 25, 11, 111].map((n) => fill(days, { n }, 'ru'))).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '21 день',
      '22 дня',
      '25 дней',
      '11 дней',
      '111 дней',
    ]);
    const cs = '{n, plural, one {# den} few {# dny} many {# dne} other {# dní}}';
    expect([1, 3, 5, 1.5].map((n) => fill(cs, { n }, 'cs'))).toEqual(['1 den', '3 dny', '5 dní', '1,5 dne']);
    const ro = '{n, plural, one {# zi} few {# zile} other {# de zile}}';
    expect([1, 2, 19, 20, 101].map((n) => fill(ro, { n }, 'ro'))).toEqual([
      '1 zi',
      '2 zile',
      '19 zile',
      '20 de zile',
      '101 zile',
    ]);
  });

  it('writes the count the locale’s way and prefers an exact =N form', () => {
    expect(fill('{n, plural, one {# report} other {# reports}}', { n: 12345 }, 'en')).toBe('12,345 reports');
    expect(fill('{n, plural, one {# отчёт} many {# отчётов} other {# отчёта}}', { n: 12345 }, 'ru')).toBe(
      '12\u00a0345 отчётов',
    );
    expect(fill('{n, plural, =0 {none yet} one {# mark} other {# marks}}', { n: 0 }, 'en')).toBe('none yet');
  });

  it('fills placeholders inside a form and falls back to other when the rules pick a form the message lacks', () => {
    expect(
      fill('{n, plural, one {# mark on {name}} other {# marks on {name}}}', { n: 3, name: 'A' }, 'en'),
    ).toBe('3 marks on A');
    expect(fill('{n, plural, one {# x} other {# y}}', { n: 5 }, 'ru')).toBe('5 y');
  });

  it('leaves a placeholder visible when its value is missing or not a number, and text without braces alone', () => {
    expect(fill('Hello {name}', {}, 'en')).toBe('Hello {name}');
    expect(fill('{n, plural, one {#} other {#}} left', { n: 'many' }, 'en')).toBe(
      '{n, plural, one {#} other {#}} left',
    );
    expect(fill('a } b { c', { n: 1 }, 'en')).toBe('a } b { c');
  });

  it('gives English counts their two forms through the translator', () => {
    const t = createTranslator('en');
    expect(t('console.inbox.count', { count: 1 })).toBe('1 report');
    expect(t('console.inbox.count', { count: 2 })).toBe('2 reports');
    expect(t('report.send.errorsHeading', { count: 1 })).toBe('Please check one thing before sending');
  });
});

describe('placeholderProblems', () => {
  it('every locale’s messages take the same parameters as the English ones', () => {
    expect(placeholderProblems(locales, en)).toEqual([]);
  });

  it('names a message that drops or misspells a parameter', () => {
    const registry = {
      xx: {
        ...en,
        console: { ...en.console, 'console.inbox.count': '{cuont, plural, one {#} other {#}}' },
        page: { ...en.page, 'page.title': '{title}' },
      },
    };
    expect(placeholderProblems(registry, en)).toEqual([
      'xx: "page.title" takes {title}, English {page,title}',
      'xx: "console.inbox.count" takes {cuont}, English {count}',
    ]);
  });
});
