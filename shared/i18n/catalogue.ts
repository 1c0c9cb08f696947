import type { en } from './en/index.ts';
import { parameterNames } from './message.ts';

/**
 * The surfaces a locale has a file for: `page` (the public status page and its feeds), `mail` (what
 * it sends: subscription mails and notices), `form` (the extension: report form, My reports,
 * options) and `console` (support console).
 */
export type Surface = keyof typeof en;
export type SurfaceKey<S extends Surface> = keyof (typeof en)[S];
export type PageKey = SurfaceKey<'page'>;
export type MailKey = SurfaceKey<'mail'>;
export type FormKey = SurfaceKey<'form'>;
export type ConsoleKey = SurfaceKey<'console'>;
export type MessageKey = PageKey | MailKey | FormKey | ConsoleKey;
export type Messages = Record<MessageKey, string>;

/**
 * One locale, as its folder holds it: a message for every English key of every surface. A new
 * locale's files say so with `satisfies Catalogue['page']` and so on, so a missing key fails to compile.
 */
export type Catalogue = { [S in Surface]: Record<SurfaceKey<S>, string> };

/**
 * How a registry of locales differs from the reference, key for key and surface by surface: a key
 * missing or extra, or a surface missing, as `locale/surface: missing "key"`. Empty when all match.
 */
export function catalogueProblems(
  registry: Record<string, Record<string, Record<string, string>>>,
  reference: Record<string, Record<string, string>>,
): string[] {
  const problems: string[] = [];
  for (const [locale, catalogue] of Object.entries(registry)) {
    for (const [surface, messages] of Object.entries(reference)) {
      const theirs = catalogue[surface];
      if (!theirs) {
        problems.push(`${locale}/${surface}: missing surface`);
        continue;
      }
      for (const key of Object.keys(messages)) {
        if (!Object.hasOwn(theirs, key)) problems.push(`${locale}/${surface}: missing "${key}"`);
      }
      for (const key of Object.keys(theirs)) {
        if (!Object.hasOwn(messages, key)) problems.push(`${locale}/${surface}: extra "${key}"`);
      }
    }
    for (const surface of Object.keys(catalogue)) {
      if (!Object.hasOwn(reference, surface)) problems.push(`${locale}/${surface}: extra surface`);
    }
  }
  return problems;
}

/**
 * Where a locale's message takes other parameters than the English one (`{name}` or
 * `{name, plural, …}`), as `locale: "key" takes {a}, English {b}`: a translation that drops or
 * misspells a placeholder would otherwise show its raw name to a customer. Empty when all match.
 */
export function placeholderProblems(
  registry: Record<string, Record<string, Record<string, string>>>,
  reference: Record<string, Record<string, string>>,
): string[] {
  const problems: string[] = [];
  for (const [locale, catalogue] of Object.entries(registry)) {
    for (const [surface, messages] of Object.entries(reference)) {
      for (const [key, english] of Object.entries(messages)) {
        const theirs = catalogue[surface]?.[key];
        if (theirs === undefined) continue;
        const want = parameters(english);
        const got = parameters(theirs);
        if (want !== got) problems.push(`${locale}: "${key}" takes {${got}}, English {${want}}`);
      }
    }
  }
  return problems;
}

/** The parameter names a message uses, sorted and joined: `{count, plural, …{n}…}` gives "count,n". */
function parameters(message: string): string {
  return [...parameterNames(message)].sort().join(',');
}
