import { z } from 'zod';
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

export const subscribeRequest = z
  .strictObject({
    email: emailAddress.optional(),
    webhook_url: webhookUrl.optional(),
    /** `slack` posts Slack's incoming-webhook `text` and `blocks` (Mattermost reads them too). */
    format: z.enum(['standard', 'slack']).optional(),
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

export const scopeUpdate = z.strictObject(scope);

export type SubscribeRequest = z.infer<typeof subscribeRequest>;
export type Scope = Pick<SubscribeRequest, 'components' | 'groups' | 'maintenance'>;

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
