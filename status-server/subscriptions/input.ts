import { z } from 'zod';
import { availableLocales } from '../../shared/i18n/index.ts';
import { entityId } from '../../shared/schemas/status.ts';
import { wellFormed } from '../../shared/schemas/text.ts';

/**
 * Line breaks and other control characters have no place in an address or URL; refusing them
 * outright stops header injection ("ada@example.com\r\nBcc: …") before any other reading of the value.
 */
const noControl = (what: string) =>
  wellFormed(z.string())
    .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), {
      message: `must not contain line breaks or control characters`,
      abort: true,
    })
    .describe(what);

const emailAddress = noControl('e-mail')
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an e-mail address such as ada@example.com'))
  .transform((s) => s.toLowerCase());

const webhookUrl = noControl('URL')
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }));

/** Which components a subscription covers; both empty means all of them, now and later. */
const scope = {
  components: z.array(entityId).max(500).default([]),
  /** A group covers its components, including those added to it later. */
  groups: z.array(entityId).max(100).default([]),
  /** Whether to hear about scheduled maintenance too (default: everything). */
  maintenance: z.boolean().default(true),
};

/**
 * The language of a subscriber's mails and messages, as a BCP 47 tag we have a catalogue for.
 * Without it: the language of the page subscribed from (the request's), or the page's default.
 */
export const subscriberLocale = z
  .string()
  .refine((l) => availableLocales.includes(l), `must be one of ${availableLocales.join(', ')}`);

export const subscribeRequest = z
  .strictObject({
    email: emailAddress.optional(),
    webhook_url: webhookUrl.optional(),
    /** `slack` posts Slack's incoming-webhook `text` and `blocks` (Mattermost reads them too). */
    format: z.enum(['standard', 'slack']).optional(),
    locale: subscriberLocale.optional(),
    ...scope,
  })
  .superRefine((r, ctx) => {
    if ((r.email === undefined) === (r.webhook_url === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'give either email or webhook_url, not both',
      });
    }
    if (r.format && r.email !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['format'], message: 'applies to webhook subscriptions only' });
    }
  });

/** The manage page's choices: the scope, and the language (kept as it is when not given). */
export const choicesUpdate = z.strictObject({ ...scope, locale: subscriberLocale.optional() });

export type SubscribeRequest = z.infer<typeof subscribeRequest>;
export type Scope = Pick<SubscribeRequest, 'components' | 'groups' | 'maintenance'>;
export type ChoicesUpdate = z.infer<typeof choicesUpdate>;

type FormValue = string | File | (string | File)[];

const strings = (v: FormValue | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

/**
 * The subscribe and manage forms, read into the JSON API's shape so both are checked by one schema.
 * `scope=all` ignores ticked components (a browser keeps them ticked when the choice is changed);
 * an unticked maintenance box is simply absent from the form.
 */
export function fromForm(form: Record<string, FormValue>): Record<string, unknown> {
  const one = (name: string) => strings(form[name])[0];
  const all = one('scope') !== 'some';
  const out: Record<string, unknown> = {
    components: all ? [] : strings(form.component),
    groups: all ? [] : strings(form.group),
    maintenance: one('maintenance') === '1',
  };
  // The subscribe form names the page's language, the manage form the one chosen; both are checked.
  const locale = one('locale');
  if (locale !== undefined) out.locale = locale;
  if (one('channel') === 'webhook') {
    out.webhook_url = one('webhook_url') ?? '';
    out.format = one('format') === 'slack' ? 'slack' : 'standard';
  } else if (one('email') !== undefined) {
    out.email = one('email');
  }
  return out;
}

/** A scope limited to some components must name at least one. */
export function emptyChoice(form: Record<string, FormValue>, parsed: Scope): boolean {
  return strings(form.scope)[0] === 'some' && !parsed.components.length && !parsed.groups.length;
}
