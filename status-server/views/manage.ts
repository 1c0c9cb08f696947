import { raw } from 'hono/html';
import { localeNames } from '../platform/http/locale.ts';
import type { PageData } from '../store/page-data.ts';
import type { ViewContext } from './context.ts';
import { renderLayout } from './layout.ts';
import { html } from './markup.ts';
import { formStyle, type ScopeChoice, scopeFields } from './subscribe-scope.ts';

/**
 * The pages behind the links in subscription mails. Following a link never changes anything by
 * itself: mail scanners open links too, so each change is a button (a POST), which also works
 * without script.
 */

export function renderConfirm(o: { address: string; action: string }, ctx: ViewContext): string {
  const { t } = ctx;
  const body = html`${formStyle}<div class="sub"><h1>${t('confirm.title')}</h1>
<p>${t('confirm.body', { page: ctx.config.pageName, address: o.address })}</p>
<form method="post" action="${o.action}"><button type="submit">${t('confirm.submit')}</button></form></div>`;
  return renderLayout({ title: t('confirm.title'), body }, ctx);
}

export function renderConfirmed(o: { address: string; manageUrl: string }, ctx: ViewContext): string {
  const { t } = ctx;
  const body = html`<h1>${t('confirm.doneTitle')}</h1>
<p>${t('confirm.done', { page: ctx.config.pageName, address: o.address })}</p>
<p><a href="${o.manageUrl}">${t('notice.manage')}</a></p>`;
  return renderLayout({ title: t('confirm.doneTitle'), body }, ctx);
}

export function renderManage(
  data: PageData,
  o: {
    address: string;
    action: string;
    unsubscribe: string;
    choice: ScopeChoice;
    /** The language the subscriber's mails and messages are written in. */
    locale: string;
    saved: boolean;
    problem?: string;
  },
  ctx: ViewContext,
): string {
  const { t } = ctx;
  const body = html`${formStyle}<div class="sub"><h1>${t('manage.title')}</h1>
<p>${t('manage.for', { address: o.address })}</p>
${o.saved ? html`<p role="status">${t('manage.saved')}</p>` : ''}
${o.problem ? html`<p class="problem" role="alert">${t('subscribe.problem', { problem: o.problem })}</p>` : ''}
<form method="post" action="${o.action}">
${scopeFields(data, ctx, o.choice)}
<p><label for="sub-locale">${t('manage.language')}</label>
<select id="sub-locale" name="locale">${localeNames.map(
    ({ locale, name }) =>
      html`<option value="${locale}" lang="${locale}"${locale === o.locale ? raw(' selected') : ''}>${name}</option>`,
  )}</select></p>
<p><button type="submit">${t('manage.save')}</button></p>
</form>
<h2>${t('unsubscribe.title')}</h2>
<p>${t('manage.leave')}</p>
<form method="post" action="${o.unsubscribe}"><button type="submit">${t('unsubscribe.submit')}</button></form></div>`;
  return renderLayout({ title: t('manage.title'), body }, ctx);
}

export function renderUnsubscribeAsk(o: { address: string; action: string }, ctx: ViewContext): string {
  const { t } = ctx;
  const body = html`${formStyle}<div class="sub"><h1>${t('unsubscribe.title')}</h1>
<p>${t('unsubscribe.ask', { address: o.address })}</p>
<form method="post" action="${o.action}"><button type="submit">${t('unsubscribe.submit')}</button></form></div>`;
  return renderLayout({ title: t('unsubscribe.title'), body }, ctx);
}

export function renderUnsubscribed(ctx: ViewContext): string {
  const { t } = ctx;
  const body = html`<h1>${t('unsubscribe.doneTitle')}</h1>
<p>${t('unsubscribe.done')}</p>
<p><a href="/subscribe">${t('unsubscribe.again')}</a></p>`;
  return renderLayout({ title: t('unsubscribe.doneTitle'), body }, ctx);
}

/** A refused request from a browser: the API's message, as a page. */
export function renderProblem(message: string, ctx: ViewContext): string {
  const { t } = ctx;
  const body = html`<h1>${t('error.title')}</h1>
<p>${message}</p>
<p><a href="/subscribe">${t('subscribe.title')}</a> · <a href="/">${t('page.backToStatus')}</a></p>`;
  return renderLayout({ title: t('error.title'), body }, ctx);
}

/** Behind the link in a reporter's mail: stop the mails about one report (a button, as above). */
export function renderReportMailsAsk(
  o: { reference: string; title: string; action: string },
  ctx: ViewContext,
): string {
  const { t } = ctx;
  const heading = t('requestMail.stopTitle', { reference: o.reference });
  const body = html`${formStyle}<div class="sub"><h1>${heading}</h1>
<p>${t('requestMail.stopAsk', { reference: o.reference, title: o.title })}</p>
<form method="post" action="${o.action}"><button type="submit">${t('requestMail.stopSubmit')}</button></form></div>`;
  return renderLayout({ title: heading, body }, ctx);
}

export function renderReportMailsStopped(o: { reference: string }, ctx: ViewContext): string {
  const { t } = ctx;
  const heading = t('requestMail.stoppedTitle', { reference: o.reference });
  const body = html`<h1>${heading}</h1>
<p>${t('requestMail.stopped')}</p>`;
  return renderLayout({ title: heading, body }, ctx);
}
