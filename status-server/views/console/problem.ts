import { html } from '../markup.ts';
import type { ConsoleContext } from './context.ts';
import { renderConsole } from './layout.ts';

/** A refused or failed request as a page a person can act on: what happened and where to go. */
export function renderProblem(title: string, message: string, ctx: ConsoleContext): string {
  const body = html`<h1>${title}</h1>
<p>${message}</p>
<p><a href="${ctx.user ? '/console' : '/console/login'}">${ctx.user ? ctx.t('console.problem.home') : ctx.t('console.problem.login')}</a></p>`;
  return renderConsole({ title, body }, ctx);
}
