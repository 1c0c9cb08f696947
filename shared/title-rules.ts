import type { FormKey } from './i18n/catalogue.ts';

/**
 * Live quality hints for a report title (seeds 001 and 004): a title must say what is wrong and
 * where, not "doesn't work", "urgent", "X is down" or a bare "from #123", and must not shout.
 * Hints guide and never block, except an empty title and one written in capitals only.
 */
export type TitleHintCode =
  | 'empty'
  | 'allCaps'
  | 'shouting'
  | 'tooShort'
  | 'vague'
  | 'isDown'
  | 'bareReference'
  | 'urgency';

export interface TitleHint {
  code: TitleHintCode;
  /** `block` means the report cannot be sent with this title; `hint` only guides. */
  level: 'block' | 'hint';
  message: FormKey;
  /** Values for the message's `{placeholders}`. */
  params?: Record<string, number>;
  /** Good titles to show beside the hint. */
  examples: readonly FormKey[];
}

const MIN_LENGTH = 15;
const MIN_WORDS = 3;
/** Titles whose words are nearly all vague keep at most this many describing words ("Janis caído"). */
const MAX_CONTENT_WORDS_WHEN_VAGUE = 1;
/** Capitals are shouting from this many cased letters on; fewer is an acronym such as "VAT". */
const MIN_SHOUTED_LETTERS = 4;
/** A capitalised word this long is a shout, not an acronym like "SSO" or "HTTP"; two of them are shouting. */
const MIN_SHOUTED_WORD = 5;

/** The "right" titles of seed 001, in the person's language through the catalogue. */
const GOOD_TITLES = [
  'report.title.example.invoiced',
  'report.title.example.images',
  'report.title.example.banner',
  'report.title.example.picking',
] as const satisfies readonly FormKey[];

type WordClass = 'vague' | 'urgency' | 'down' | 'reference' | 'filler';

/**
 * Words and phrases by what they do to a title, per language, comma-separated. Written as people type
 * them; they are normalised like the title, so diacritics (ș/ş, ț/ţ, á, ё) are optional and the case
 * does not matter.
 */
const LEXICON: Record<WordClass, Record<string, string>> = {
  vague: {
    en: "doesn't work, does not work, doesnt work, don't work, not working, isn't working, is not working, won't work, nothing works, broken, error, errors, bug, bugs, problem, problems, issue, issues, help, fail, fails, failed, failure",
    ro: 'nu funcționează, nu merge, nu mai merge, eroare, erori, eroarea, problemă, probleme, ajutor',
    es: 'no funciona, no anda, errores, problema, problemas, falla, fallo, ayuda',
    ru: 'не работает, не работают, ничего не работает, ошибка, ошибки, ошибку, проблема, проблемы, баг, помогите, сломалось, сломался',
    cs: 'nefunguje, nefungují, nic nefunguje, nejde, chyba, chyby, chybu, problém, problémy, pomoc',
    uk: 'не працює, не працюють, нічого не працює, помилка, помилки, помилку, допоможіть, зламалось, зламалося',
  },
  urgency: {
    en: 'urgent, urgently, asap, emergency',
    ro: 'urgență',
    es: 'urgente, urgencia',
    ru: 'срочно, срочный, срочная',
    cs: 'naléhavé, naléhavý, urgentní',
    uk: 'терміново, термінова, терміновий',
  },
  down: {
    en: 'down, crashed, offline, outage',
    ro: 'picat, căzut',
    es: 'caído, caída, se cayó',
    ru: 'упал, упало, упала, лежит',
    cs: 'spadlo, spadl, spadla, leží',
    uk: 'впав, впало, впала, лежить',
  },
  // Words that only introduce a reference: "from #123", "viene de #FIZ-45678", "см. #12".
  reference: {
    en: 'from, see, re, ref, ticket, follow, up, regarding, comes, same, as',
    ro: 'vine, vezi, tichet',
    es: 'viene, ver',
    ru: 'от, см, тикет, заявка',
    cs: 'viz, od, požadavek',
    uk: 'від, див',
  },
  filler: {
    en: "a, an, the, is, are, was, it, its, it's, this, that, my, our, on, in, at, of, to, for, with, and, or, not, no, when, again, still, please, all, everything, nothing, something",
    // Romanian articles are written after a hyphen ("checkout-ul", "site-urile").
    ro: 'ul, urile, lui, al, ale, cu, de, din, la, pe, și, nu, este, e, mai, pentru, tot, nimic',
    es: 'el, los, las, un, una, del, en, con, y, o, por, para, que, se, es, todo, nada',
    ru: 'в, на, с, и, не, по, при, у, к, из, за, для, что, это, все, всё, ничего',
    cs: 'v, ve, na, s, z, ze, u, k, do, je, to, pro, po, při, i, nic, vše',
    uk: 'з, і, й, та, до, що, це, всі, усе, нічого',
  },
};

/** Lower case without diacritics, so "Nu funcţionează", "nu funcționează" and "NU FUNCTIONEAZA" agree. */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

function words(normalised: string): string[] {
  return normalised.match(/[\p{L}\p{N}]+(?:'\p{L}+)*/gu) ?? [];
}

// Longest phrases first, so "ничего не работает" wins over "не работает".
const PHRASES = (Object.entries(LEXICON) as [WordClass, Record<string, string>][])
  .flatMap(([wordClass, languages]) =>
    Object.values(languages)
      .flatMap((list) => list.split(','))
      .map((phrase) => ({ wordClass, tokens: words(normalise(phrase)) })),
  )
  .sort((a, b) => b.tokens.length - a.tokens.length);

/** "#123", "#FIZ-45678" and Jira-style keys such as "FIZ-45678". */
const REFERENCE = /#\s?[\p{L}\p{N}][\p{L}\p{N}_-]*|\b[A-Z][A-Z0-9]{1,9}-\d+\b/gu;

interface Analysis {
  counts: Record<WordClass, number>;
  /** Words that describe something: not vague, not filler, not a reference's lead-in. */
  content: number;
  references: number;
  words: number;
}

function analyse(title: string): Analysis {
  const references = title.match(REFERENCE)?.length ?? 0;
  const tokens = words(normalise(title.replace(REFERENCE, ' ')));
  const counts: Record<WordClass, number> = { vague: 0, urgency: 0, down: 0, reference: 0, filler: 0 };
  let content = 0;
  for (let i = 0; i < tokens.length; ) {
    const match = PHRASES.find((p) => p.tokens.every((token, k) => tokens[i + k] === token));
    if (match) {
      counts[match.wordClass]++;
      i += match.tokens.length;
    } else {
      content++;
      i++;
    }
  }
  return { counts, content, references, words: tokens.length + references };
}

/** Capitals only → block; shouted words among normal ones → hint; acronyms are fine. */
function shouting(title: string): 'allCaps' | 'shouting' | undefined {
  const cased = [...title].filter((ch) => ch.toLowerCase() !== ch.toUpperCase());
  const upper = cased.filter((ch) => ch === ch.toUpperCase());
  if (cased.length >= MIN_SHOUTED_LETTERS && upper.length === cased.length) return 'allCaps';
  const shouted = title
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= MIN_SHOUTED_WORD && w === w.toUpperCase() && w !== w.toLowerCase());
  return shouted.length >= 2 ? 'shouting' : undefined;
}

/** What the title says about itself; a vague word inside an otherwise descriptive title is fine. */
function contentHint(a: Analysis): TitleHintCode | undefined {
  if (a.references > 0 && a.content === 0) return 'bareReference';
  // A reference names the thing ("order #456"), so it describes; its lead-in ("from") does not.
  const describing = a.content + a.references;
  if (describing > MAX_CONTENT_WORDS_WHEN_VAGUE) return a.counts.urgency > 0 ? 'urgency' : undefined;
  if (a.counts.down > 0) return 'isDown';
  if (a.counts.vague + a.counts.urgency > 0) return 'vague';
  return undefined;
}

const MESSAGES: Record<TitleHintCode, FormKey> = {
  empty: 'report.title.empty',
  allCaps: 'report.title.allCaps',
  shouting: 'report.title.shouting',
  tooShort: 'report.title.tooShort',
  vague: 'report.title.vague',
  isDown: 'report.title.isDown',
  bareReference: 'report.title.bareReference',
  urgency: 'report.title.urgency',
};

function hint(code: TitleHintCode, level: TitleHint['level'] = 'hint'): TitleHint {
  const found: TitleHint = { code, level, message: MESSAGES[code], examples: GOOD_TITLES };
  return code === 'tooShort' ? { ...found, params: { minLength: MIN_LENGTH, minWords: MIN_WORDS } } : found;
}

/** Hints for a title as it is typed, blocking ones first; an empty list means the title is fine. */
export function checkTitle(title: string): TitleHint[] {
  const trimmed = title.trim();
  const a = analyse(trimmed);
  if (a.words === 0) return [hint('empty', 'block')];

  const hints: TitleHint[] = [];
  const caps = shouting(trimmed);
  if (caps === 'allCaps') hints.push(hint('allCaps', 'block'));
  else if (caps === 'shouting') hints.push(hint('shouting'));

  const content = contentHint(a);
  if (content) hints.push(hint(content));
  // "Too short" says less than a vague-title hint would, so it only speaks when nothing else does.
  const vagueTitle = content !== undefined && content !== 'urgency';
  if (!vagueTitle && ([...trimmed].length < MIN_LENGTH || a.words < MIN_WORDS)) hints.push(hint('tooShort'));
  return hints;
}
