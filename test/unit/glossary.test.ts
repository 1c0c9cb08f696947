import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../shared/i18n/catalogue.ts';
import { glossary as cs } from '../../shared/i18n/cs/glossary.ts';
import { glossary as en } from '../../shared/i18n/en/glossary.ts';
import { glossary as es } from '../../shared/i18n/es/glossary.ts';
import {
  avoidPattern,
  type Glossary,
  type LocaleTerm,
  TERMS,
  type TermDefinition,
  type TermId,
  termPattern,
} from '../../shared/i18n/glossary.ts';
import { type Locale, locales } from '../../shared/i18n/locales.ts';
import { glossary as ro } from '../../shared/i18n/ro/glossary.ts';
import { glossary as ru } from '../../shared/i18n/ru/glossary.ts';
import { glossary as uk } from '../../shared/i18n/uk/glossary.ts';

const glossaries = { en, cs, es, ro, ru, uk } satisfies Record<Locale, Glossary>;

type Surface = keyof (typeof locales)['en'];
type Catalogues = Record<string, Record<string, Record<string, string>>>;

/**
 * Fixes the glossary asks for in page.ts, mail.ts and form.ts, which other work was editing when the
 * glossary came: until they are applied, each message's current text is let through. Apply each
 * (`proposed` replaces `current`) and delete its line; the test says when one is applied or stale.
 */
const PENDING_FIXES: readonly PendingFix[] = [];

/** Messages where the English uses a term and the translation rightly does without it. */
const EXCEPTIONS: readonly { term: TermId; key: MessageKey; locales?: readonly Locale[]; reason: string }[] =
  [
    {
      term: 'report',
      key: 'history.empty',
      reason: '“No incidents reported”: posted incidents, no customer report',
    },
    ...(['request.state.in_progress', 'console.requestState.in_progress'] as const).map((key) => ({
      term: 'inProgress' as const,
      key,
      locales: ['cs', 'ro', 'ru', 'uk'] as const,
      reason:
        'a request in progress is one support works on (V řešení, În lucru, В работе, У роботі); the glossary word is the maintenance status (under way)',
    })),
  ];

/** Kept as they are in every language (protocol names, a stored default message), so never a term. */
const LITERALS = [
  'subscription.verify',
  'Standard Webhooks',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'This incident has been resolved.',
];

interface PendingFix {
  locale: Exclude<Locale, 'en'>;
  surface: Exclude<Surface, 'console'>;
  key: MessageKey;
  current: string;
  proposed: string;
  why: string;
}

const termIds = Object.keys(TERMS) as TermId[];
const definition = (id: TermId): TermDefinition => TERMS[id];

/** One locale's messages of all surfaces in one table, with the surface each key is on. */
function flatten(catalogue: Record<string, Record<string, string>>): {
  messages: Record<string, string>;
  surfaceOf: Record<string, string>;
} {
  const messages: Record<string, string> = {};
  const surfaceOf: Record<string, string> = {};
  for (const [surface, table] of Object.entries(catalogue)) {
    for (const [key, text] of Object.entries(table)) {
      messages[key] = text;
      surfaceOf[key] = surface;
    }
  }
  return { messages, surfaceOf };
}

/** The words of a message: no placeholders, no plural syntax, no literals, plain spaces. */
function plain(message: string): string {
  let text = message;
  for (const literal of LITERALS) text = text.split(literal).join(' ');
  return text
    .replace(/\{\s*\w+\s*,\s*plural\s*,/g, ' ')
    .replace(/(?:=\d+|zero|one|two|few|many|other)\s*\{/g, ' ')
    .replace(/\{\s*\w+\s*\}/g, ' ')
    .replace(/[{}#]/g, ' ')
    .replace(/\s+/g, ' ');
}

function found(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => m[0]);
}

/** Messages that are a term and nothing else but differ from the glossary's word. */
function labelProblems(catalogues: Catalogues, terms: Record<string, Glossary>): string[] {
  const problems: string[] = [];
  for (const [locale, catalogue] of Object.entries(catalogues)) {
    const { messages, surfaceOf } = flatten(catalogue);
    for (const id of termIds) {
      const word = (terms[locale] as Glossary)[id].word;
      for (const key of definition(id).labels ?? []) {
        const text = messages[key];
        if (text === undefined || text === word || isPending(locale, key, text)) continue;
        problems.push(`${locale}/${surfaceOf[key]} ${key}: "${text}" is not the glossary's ${id} "${word}"`);
      }
    }
  }
  return problems;
}

/** Messages that use a word the glossary rules out for a term. */
function avoidProblems(catalogues: Catalogues, terms: Record<string, Glossary>): string[] {
  const problems: string[] = [];
  for (const [locale, catalogue] of Object.entries(catalogues)) {
    const { messages, surfaceOf } = flatten(catalogue);
    for (const id of termIds) {
      const term: LocaleTerm = (terms[locale] as Glossary)[id];
      const avoid = avoidPattern(term);
      if (!avoid) continue;
      for (const [key, text] of Object.entries(messages)) {
        if (isPending(locale, key, text)) continue;
        for (const word of found(avoid, plain(text))) {
          problems.push(
            `${locale}/${surfaceOf[key]} ${key}: uses "${word}" for ${id}; the glossary says "${term.word}"`,
          );
        }
      }
    }
  }
  return problems;
}

/** Messages whose English uses a term while the translation uses none of the term's forms. */
function inTextProblems(catalogues: Catalogues, terms: Record<string, Glossary>): string[] {
  const problems: string[] = [];
  const english = flatten(catalogues.en ?? {}).messages;
  for (const id of termIds) {
    if (definition(id).labelsOnly) continue;
    const trigger = termPattern((terms.en as Glossary)[id]);
    const keys = Object.keys(english).filter((key) => found(trigger, plain(english[key] as string)).length);
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      if (locale === 'en') continue;
      const { messages, surfaceOf } = flatten(catalogue);
      const term: LocaleTerm = (terms[locale] as Glossary)[id];
      const pattern = termPattern(term);
      for (const key of keys) {
        const text = messages[key];
        if (text === undefined || isPending(locale, key, text) || isException(id, key, locale)) continue;
        if (found(pattern, plain(text)).length) continue;
        problems.push(
          `${locale}/${surfaceOf[key]} ${key}: the English says ${id} but this has no form of "${term.word}": "${text}"`,
        );
      }
    }
  }
  return problems;
}

function isPending(locale: string, key: string, text: string): boolean {
  return PENDING_FIXES.some((fix) => fix.locale === locale && fix.key === key && fix.current === text);
}

function isException(term: TermId, key: string, locale: string): boolean {
  return EXCEPTIONS.some(
    (e) => e.term === term && e.key === key && (!e.locales || e.locales.includes(locale as Locale)),
  );
}

const catalogues = locales as unknown as Catalogues;

describe('glossary', () => {
  it('has a word, in every language, for every term', () => {
    for (const [locale, terms] of Object.entries(glossaries)) {
      for (const id of termIds) expect(terms[id].word, `${locale} ${id}`).not.toBe('');
    }
  });

  it('finds each approved word with its own stems, and never among the words to avoid', () => {
    const problems: string[] = [];
    for (const [locale, terms] of Object.entries(glossaries) as [string, Glossary][]) {
      for (const id of termIds) {
        const term = terms[id];
        if (!found(termPattern(term), term.word).length)
          problems.push(`${locale} ${id}: stems miss "${term.word}"`);
        for (const other of termIds) {
          const avoid = avoidPattern(terms[other]);
          const hit = avoid && found(avoid, term.word)[0];
          if (hit) problems.push(`${locale} ${id}: "${term.word}" is avoided for ${other} ("${hit}")`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('labels: component, incident and maintenance statuses, priorities, request types and the priority definitions are the glossary words', () => {
    expect(labelProblems(catalogues, glossaries)).toEqual([]);
  });

  it('no message of any surface uses a word the glossary rules out', () => {
    expect(avoidProblems(catalogues, glossaries)).toEqual([]);
  });

  it('where the English message uses a term, the translation uses the glossary’s word for it', () => {
    expect(inTextProblems(catalogues, glossaries)).toEqual([]);
  });

  it('catches a wrong label, a ruled-out word and a missing term', () => {
    const broken = structuredClone(catalogues) as Catalogues;
    const ruPage = broken.ru?.page as Record<string, string>;
    ruPage['component.status.partial_outage'] = 'Частичная недоступность';
    ruPage['manage.leave'] = 'Прекратить все рассылки.';
    (broken.ru?.console as Record<string, string>)['console.report.connector'] = 'Служба поддержки';
    (broken.es?.page as Record<string, string>)['page.activeIncidents'] = 'Incidencias activas';
    const all = [
      ...labelProblems(broken, glossaries),
      ...avoidProblems(broken, glossaries),
      ...inTextProblems(broken, glossaries),
    ].join('\n');
    expect(all).toContain('ru/page component.status.partial_outage: "Частичная недоступность" is not');
    expect(all).toContain(
      'ru/page component.status.partial_outage: uses "Частичная недоступность" for partialOutage',
    );
    expect(all).toContain('ru/page manage.leave: uses "рассылки" for subscription');
    expect(all).toContain('ru/console console.report.connector: the English says helpDesk');
    expect(all).toContain('es/page page.activeIncidents: uses "Incidencias" for incident');
    expect(all).toContain('es/page page.activeIncidents: the English says incident');
  });

  it('PENDING_FIXES lists only fixes still to apply, each of which passes the glossary', () => {
    const stale: string[] = [];
    const patched = structuredClone(catalogues) as Catalogues;
    for (const fix of PENDING_FIXES) {
      const table = patched[fix.locale]?.[fix.surface];
      if (table?.[fix.key] !== fix.current) {
        stale.push(
          `${fix.locale}/${fix.surface} ${fix.key}: now "${table?.[fix.key]}"; remove or update the fix`,
        );
      }
      if (table) table[fix.key] = fix.proposed;
    }
    expect(stale).toEqual([]);
    const problems = [
      ...labelProblems(patched, glossaries),
      ...avoidProblems(patched, glossaries),
      ...inTextProblems(patched, glossaries),
    ];
    expect(problems).toEqual([]);
  });
});
