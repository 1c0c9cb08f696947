import { raw } from 'hono/html';
import { type Html, html } from '../markup.ts';
import type { ConsoleContext, ConsoleKey } from './context.ts';

/** Messages per form field name; `''` holds those that belong to no one field. */
export type FieldErrors = Record<string, string[]>;

/** A form as shown: the values to put in its fields (what the person typed, after an error) and the errors. */
export interface FormState {
  values: URLSearchParams;
  errors: FieldErrors;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({
  values: new URLSearchParams(values),
  errors: {},
});

export interface FieldOptions {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  required?: boolean;
}

export const fieldId = (name: string) => `f-${name.replace(/[^\w-]/g, '-')}`;

/** The token every form posts back; a form without it is refused. */
export function csrfField(ctx: ConsoleContext): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
}

/** Ties the field to its hint and errors for screen readers, and marks it invalid when it has errors. */
function described(o: FieldOptions): { attrs: Html; before: Html; after: Html } {
  const id = fieldId(o.name);
  const errors = o.form.errors[o.name] ?? [];
  const ids = [o.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    attrs: html`id="${id}" name="${o.name}"${o.required ? raw(' required') : ''}${errors.length ? raw(' aria-invalid="true"') : ''}${ids ? html` aria-describedby="${ids}"` : ''}`,
    before: html`<label for="${id}">${o.label}</label>${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}`,
    after: errors.length ? html`<p class="error" id="${id}-error">${errors.join(' ')}</p>` : html``,
  };
}

export function inputField(
  o: FieldOptions & {
    type?: 'text' | 'email' | 'password' | 'search' | 'datetime-local';
    autocomplete?: string;
    /** The id of a `<datalist>` of suggestions. */
    list?: string;
  },
): Html {
  const d = described(o);
  const value = o.type === 'password' ? '' : (o.form.values.get(o.name) ?? '');
  return html`<div class="field">${d.before}<input type="${o.type ?? 'text'}" ${d.attrs} value="${value}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.list ? html` list="${o.list}"` : ''}>${d.after}</div>`;
}

export function textArea(o: FieldOptions): Html {
  const d = described(o);
  return html`<div class="field">${d.before}<textarea ${d.attrs}>${o.form.values.get(o.name) ?? ''}</textarea>${d.after}</div>`;
}

export interface Choice {
  value: string;
  label: string;
}

export function selectField(o: FieldOptions & { choices: Choice[] }): Html {
  const d = described(o);
  return html`<div class="field">${d.before}<select ${d.attrs}>${options(o.choices, o.form.values.get(o.name) ?? '')}</select>${d.after}</div>`;
}

export function options(choices: Choice[], selected: string): Html[] {
  return choices.map(
    (c) =>
      html`<option value="${c.value}"${c.value === selected ? raw(' selected') : ''}>${c.label}</option>`,
  );
}

/** Field labels by name for the error summary; a name with no label is shown as it is. */
export const labelsFrom =
  (keys: Record<string, ConsoleKey>, ctx: ConsoleContext) =>
  (name: string): string => {
    const key = keys[name];
    return key ? ctx.t(key) : name;
  };

/**
 * The errors at the top of a re-shown form, each linking to its field, so someone who cannot see the
 * red marks still learns what to fix and can get there.
 */
export function errorSummary(form: FormState, labelOf: (name: string) => string, ctx: ConsoleContext): Html {
  const entries = Object.entries(form.errors).filter(([, messages]) => messages.length);
  if (!entries.length) return html``;
  return html`<div class="box tone-critical" role="alert" tabindex="-1"><h2>${ctx.t('console.form.problems')}</h2><ul>${entries.map(
    ([name, messages]) =>
      name
        ? html`<li><a href="#${fieldId(name)}">${labelOf(name)}</a>: ${messages.join(' ')}</li>`
        : html`<li>${messages.join(' ')}</li>`,
  )}</ul></div>`;
}
