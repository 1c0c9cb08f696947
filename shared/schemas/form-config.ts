import { z } from 'zod';
import type { FormKey } from '../i18n/catalogue.ts';
import type { Locale } from '../i18n/locales.ts';
import { BLOCKING_IMPACTS, BLOCKING_TEXT } from '../priority.ts';
import { type ApiIssue, issuesFromZod } from './error.ts';
import { isWellFormed } from './text.ts';

/**
 * The report form's definition, served at `GET /api/form-config` and shipped in the extension as
 * `defaultFormConfig` for when the server cannot be reached. Labels and help are i18n message keys,
 * so the form speaks the person's language whatever the server sends; an organisation's own words
 * may instead be given by language (`{"en": "Order number", "ro": "Număr comandă"}`), shown in the
 * form's language, else in English, else in the first language given.
 *
 * Unknown properties are ignored rather than refused, so an older extension still reads a newer
 * server's config; an unknown field kind is refused, and the extension then falls back to its default.
 */

/**
 * How a field is entered: `title` is one line with live quality hints (title-rules); `priority` shows
 * the levels with their definitions; `country` is an ISO 3166-1 alpha-2 code; `organisation` is the
 * "share with" choice among the person's organisations, shown only when there is more than one.
 */
const fieldKind = z.enum([
  'title',
  'text',
  'textarea',
  'number',
  'email',
  'select',
  'country',
  'organisation',
  'priority',
]);

const slug = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'must be a camelCase identifier of up to 40 characters');
const messageKey = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/, 'must be a message key such as report.field.title');

/**
 * The languages an organisation may write its own labels and help in: the locales the extension
 * speaks (shared/i18n/locales.ts; a unit test keeps the two lists the same). Written out rather than
 * imported, so this schema does not bring every catalogue along into the extension.
 */
export const FORM_LANGUAGES = ['en', 'cs', 'es', 'ro', 'ru', 'uk'] as const satisfies readonly Locale[];
const LANGUAGE_LIST = FORM_LANGUAGES.join(', ');
/** A label is one short line; help is a sentence or two. */
export const LABEL_MAX = 200;
export const HELP_MAX = 1000;

/** An organisation's own text by language: `{"en": "…", "ro": "…"}`. */
export type TextsByLanguage = Partial<Record<Locale, string>>;
/** A label or help text: a message key of the catalogue, or the organisation's own texts by language. */
export type FormText = string | TextsByLanguage;

/**
 * Texts by language, each trimmed, non-empty, at most `max` characters and well-formed Unicode; the
 * keys must be languages the form speaks, and there must be at least one. Checked entry by entry, so
 * each problem is named at its own path (`fields.3.label.de`).
 */
function textsByLanguage(max: number) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((texts, ctx) => {
      const entries = Object.entries(texts);
      if (entries.length === 0)
        ctx.addIssue({ code: 'custom', message: `must give the text in at least one of ${LANGUAGE_LIST}` });
      for (const [language, text] of entries) {
        const problem = !(FORM_LANGUAGES as readonly string[]).includes(language)
          ? `is not a language the form speaks (use ${LANGUAGE_LIST})`
          : typeof text !== 'string'
            ? 'must be text'
            : text.trim() === ''
              ? 'must not be empty'
              : [...text.trim()].length > max
                ? `must be at most ${max} characters`
                : !isWellFormed(text)
                  ? 'must be well-formed Unicode text (it contains an unpaired surrogate)'
                  : undefined;
        if (problem) ctx.addIssue({ code: 'custom', path: [language], message: problem });
      }
    })
    .transform(
      (texts): TextsByLanguage =>
        Object.fromEntries(Object.entries(texts).map(([language, text]) => [language, String(text).trim()])),
    );
}

/**
 * A message key when it is a string, texts by language when it is an object; anything else is named
 * as such. (Chosen by the value's type rather than by `z.union`, which would hide what is wrong with
 * the object behind one "invalid input".)
 */
function formText(max: number) {
  const byLanguage = textsByLanguage(max);
  return z.unknown().transform((value, ctx): FormText => {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    const schema = typeof value === 'string' ? messageKey : isObject ? byLanguage : undefined;
    if (!schema) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be a message key such as report.field.title, or texts by language such as {"en": "…", "ro": "…"}',
      });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  });
}
const label = formText(LABEL_MAX);
const help = formText(HELP_MAX);

const selectOption = z.object({ value: slug, label });

const field = z.object({
  id: slug,
  kind: fieldKind,
  label,
  help: help.optional(),
  required: z.boolean().default(false),
  /** The request types that show the field. */
  types: z.array(slug).min(1, 'must name at least one request type'),
  maxLength: z.number().int().positive().max(100_000).optional(),
  /** Bounds of a `number` field; counts of people or orders are never negative. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** The choices of a `select` field. */
  options: z.array(selectOption).min(1).optional(),
});

const requestType = z.object({ id: slug, label, help: help.optional() });

const TEXT_KINDS: ReadonlySet<string> = new Set(['title', 'text', 'textarea', 'email']);

const formConfigSchema = z
  .object({
    version: z.literal(1),
    /** In the order the form offers them; the first is preselected. */
    requestTypes: z.array(requestType).min(1),
    /** In the order the form shows them. */
    fields: z.array(field).min(1),
  })
  .superRefine((config, ctx) => {
    const typeIds = new Set<string>();
    config.requestTypes.forEach((type, i) => {
      if (typeIds.has(type.id))
        ctx.addIssue({ code: 'custom', path: ['requestTypes', i, 'id'], message: 'is used twice' });
      typeIds.add(type.id);
    });
    const fieldIds = new Set<string>();
    config.fields.forEach((f, i) => {
      const at = (...path: (string | number)[]) => ['fields', i, ...path];
      if (fieldIds.has(f.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: 'is used twice' });
      fieldIds.add(f.id);
      f.types.forEach((type, k) => {
        if (!typeIds.has(type))
          ctx.addIssue({ code: 'custom', path: at('types', k), message: 'is not a request type' });
      });
      if (f.kind === 'select' && !f.options)
        ctx.addIssue({ code: 'custom', path: at('options'), message: 'a select needs options' });
      if (f.kind !== 'select' && f.options)
        ctx.addIssue({ code: 'custom', path: at('options'), message: 'only a select has options' });
      if (f.maxLength !== undefined && !TEXT_KINDS.has(f.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: at('maxLength'),
          message: 'only text fields have a maximum length',
        });
      }
      if ((f.min !== undefined || f.max !== undefined) && f.kind !== 'number') {
        ctx.addIssue({ code: 'custom', path: at('min'), message: 'only a number field has bounds' });
      }
      if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
        ctx.addIssue({ code: 'custom', path: at('max'), message: 'must not be below min' });
      }
    });
    // Every report needs a title the rules can check, whatever its type.
    const title = config.fields.find((f) => f.kind === 'title');
    const untitled = config.requestTypes.filter((t) => !title?.required || !title.types.includes(t.id));
    if (untitled.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields'],
        message: `needs a required title field shown for every request type (missing for ${untitled.map((t) => t.id).join(', ')})`,
      });
    }
  });

export type FormConfig = z.infer<typeof formConfigSchema>;
export type FormField = FormConfig['fields'][number];

/** Reads a form config from anywhere outside (the server, storage), with errors a person can act on. */
export function parseFormConfig(
  input: unknown,
): { ok: true; config: FormConfig } | { ok: false; issues: ApiIssue[] } {
  const result = formConfigSchema.safeParse(input);
  return result.success
    ? { ok: true, config: result.data }
    : { ok: false, issues: issuesFromZod(result.error) };
}

const ALL = ['question', 'bug', 'feature'];
const BUG = ['bug'];
const LINE = 200;
const TEXT = 10_000;
/** Enough for any count of people, orders or branches a shop has. */
const MAX_COUNT = 10_000_000;

type FieldInput = z.input<typeof field> & { label: FormKey; help?: FormKey };

const count = (id: string, label: FormKey): FieldInput => ({
  id,
  kind: 'number',
  label,
  help: 'report.field.impact.help',
  types: BUG,
  min: 0,
  max: MAX_COUNT,
});

/**
 * The form that follows the seeds: request types of 003; the triage questions of 001 (steps, expected
 * and actual, how it was before, impact in numbers, working and failing examples, what was tried,
 * account, country); priority only for "Something is broken" (003), with what the problem stops so
 * the priority advice of 000 has something to go on; "share with" of 003; a contact e-mail.
 */
export const defaultFormConfig: FormConfig = formConfigSchema.parse({
  version: 1,
  requestTypes: [
    { id: 'bug', label: 'report.type.broken', help: 'report.type.broken.help' },
    { id: 'question', label: 'report.type.question', help: 'report.type.question.help' },
    { id: 'feature', label: 'report.type.feature', help: 'report.type.feature.help' },
  ],
  fields: [
    {
      id: 'title',
      kind: 'title',
      label: 'report.field.title',
      help: 'report.field.title.help',
      required: true,
      types: ALL,
      maxLength: 150,
    },
    {
      id: 'description',
      kind: 'textarea',
      label: 'report.field.description',
      help: 'report.field.description.help',
      required: true,
      types: ALL,
      maxLength: TEXT,
    },
    {
      id: 'goal',
      kind: 'textarea',
      label: 'report.field.goal',
      help: 'report.field.goal.help',
      types: ['feature'],
      maxLength: TEXT,
    },
    {
      id: 'stepsToReproduce',
      kind: 'textarea',
      label: 'report.field.stepsToReproduce',
      help: 'report.field.stepsToReproduce.help',
      required: true,
      types: BUG,
      maxLength: TEXT,
    },
    { id: 'expected', kind: 'textarea', label: 'report.field.expected', types: BUG, maxLength: TEXT },
    { id: 'actual', kind: 'textarea', label: 'report.field.actual', types: BUG, maxLength: TEXT },
    {
      id: 'howBefore',
      kind: 'textarea',
      label: 'report.field.howBefore',
      help: 'report.field.howBefore.help',
      types: BUG,
      maxLength: TEXT,
    },
    {
      id: 'blocking',
      kind: 'select',
      label: 'report.field.blocking',
      types: BUG,
      options: BLOCKING_IMPACTS.map((value) => ({ value, label: BLOCKING_TEXT[value] })),
    },
    {
      id: 'priority',
      kind: 'priority',
      label: 'report.field.priority',
      help: 'report.field.priority.help',
      required: true,
      types: BUG,
    },
    count('impactPeople', 'report.field.impactPeople'),
    count('impactOrders', 'report.field.impactOrders'),
    count('impactBranches', 'report.field.impactBranches'),
    {
      id: 'workingExamples',
      kind: 'textarea',
      label: 'report.field.workingExamples',
      help: 'report.field.examples.help',
      types: BUG,
      maxLength: TEXT,
    },
    {
      id: 'failingExamples',
      kind: 'textarea',
      label: 'report.field.failingExamples',
      help: 'report.field.examples.help',
      types: BUG,
      maxLength: TEXT,
    },
    {
      id: 'alreadyTried',
      kind: 'textarea',
      label: 'report.field.alreadyTried',
      types: BUG,
      maxLength: TEXT,
    },
    {
      id: 'account',
      kind: 'text',
      label: 'report.field.account',
      help: 'report.field.account.help',
      types: ALL,
      maxLength: LINE,
    },
    {
      id: 'shareWith',
      kind: 'organisation',
      label: 'report.field.shareWith',
      help: 'report.field.shareWith.help',
      types: ALL,
    },
    {
      id: 'country',
      kind: 'country',
      label: 'report.field.country',
      help: 'report.field.country.help',
      types: ALL,
    },
    // 254 is the longest address SMTP can carry (RFC 5321).
    {
      id: 'contactEmail',
      kind: 'email',
      label: 'report.field.contactEmail',
      help: 'report.field.contactEmail.help',
      required: true,
      types: ALL,
      maxLength: 254,
    },
  ] satisfies FieldInput[],
});
