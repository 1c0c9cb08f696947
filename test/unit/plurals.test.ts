import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/index.ts';

/**
 * Counts in real messages of each language, with numbers that pick every form its rules have:
 * Russian and Ukrainian say 1 день / 2 дня / 5 дней / 21 день, Czech has a form after "před"
 * (před 1 dnem / před 5 dny), Romanian adds "de" from 20 (21 de zile).
 */
const days = [1, 2, 5, 21, 22];
const counts = [1, 3, 5, 21];

describe.each([
  {
    locale: 'en',
    daysAgo: ['1 day ago', '2 days ago', '5 days ago', '21 days ago', '22 days ago'],
    reports: ['1 report', '3 reports', '5 reports', '21 reports'],
    people: ['1 person', '2 people', '5 people'],
  },
  {
    locale: 'cs',
    daysAgo: ['před 1 dnem', 'před 2 dny', 'před 5 dny', 'před 21 dny', 'před 22 dny'],
    reports: ['1 hlášení', '3 hlášení', '5 hlášení', '21 hlášení'],
    people: ['1 osoba', '2 osoby', '5 osob'],
  },
  {
    locale: 'es',
    daysAgo: ['hace 1 día', 'hace 2 días', 'hace 5 días', 'hace 21 días', 'hace 22 días'],
    reports: ['1 reporte', '3 reportes', '5 reportes', '21 reportes'],
    people: ['1 persona', '2 personas', '5 personas'],
  },
  {
    locale: 'ro',
    daysAgo: ['acum 1 zi', 'acum 2 zile', 'acum 5 zile', 'acum 21 de zile', 'acum 22 de zile'],
    reports: ['1 raport', '3 rapoarte', '5 rapoarte', '21 de rapoarte'],
    people: ['1 persoană', '2 persoane', '5 persoane'],
  },
  {
    locale: 'ru',
    daysAgo: ['1 день назад', '2 дня назад', '5 дней назад', '21 день назад', '22 дня назад'],
    reports: ['1 обращение', '3 обращения', '5 обращений', '21 обращение'],
    people: ['1 человек', '2 человека', '5 человек'],
  },
  {
    locale: 'uk',
    daysAgo: ['1 день тому', '2 дні тому', '5 днів тому', '21 день тому', '22 дні тому'],
    reports: ['1 звернення', '3 звернення', '5 звернень', '21 звернення'],
    people: ['1 людина', '2 людини', '5 людей'],
  },
])('plural forms in $locale', ({ locale, daysAgo, reports, people }) => {
  const t = createTranslator(locale);

  it('counts days, reports and people with the right form for each number', () => {
    expect(days.map((n) => t('uptime.daysAgo', { days: n }))).toEqual(daysAgo);
    expect(counts.map((n) => t('console.inbox.count', { count: n }))).toEqual(reports);
    expect([1, 2, 5].map((n) => t('console.report.people', { n }))).toEqual(people);
  });

  it('writes large counts with the language’s grouping', () => {
    const grouped = new Intl.NumberFormat(locale).format(12345);
    expect(t('console.inbox.count', { count: 12345 })).toContain(grouped);
  });
});
