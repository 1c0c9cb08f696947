import { html } from '../markup.ts';
import type { ConsoleContext } from './context.ts';
import { csrfField, type FormState, inputField } from './form.ts';
import { renderConsole } from './layout.ts';

/** The sign-in form; `problem` is one message for the whole form, never which of the two was wrong. */
export function renderLogin(form: FormState, problem: string | undefined, ctx: ConsoleContext): string {
  const { t } = ctx;
  const body = html`<h1>${t('console.login.title')}</h1>
${problem ? html`<div class="box tone-critical" role="alert"><p>${problem}</p></div>` : ''}
<form class="stack" method="post" action="/console/login">${csrfField(ctx)}
<input type="hidden" name="next" value="${form.values.get('next') ?? ''}">
${inputField({ name: 'email', label: t('console.login.email'), form, type: 'email', autocomplete: 'username', required: true })}
${inputField({ name: 'password', label: t('console.login.password'), form, type: 'password', autocomplete: 'current-password', required: true })}
<button type="submit">${t('console.login.submit')}</button>
</form>`;
  return renderConsole({ title: t('console.login.title'), body }, ctx);
}
