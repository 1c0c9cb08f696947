import type { PageData } from '../store/page-data.ts';
import type { ViewContext } from './context.ts';
import { timeTag } from './format.ts';
import { renderLayout } from './layout.ts';
import { type Html, html, tHtml } from './markup.ts';
import { everything, formStyle, type ScopeChoice, scopeFields } from './subscribe-scope.ts';

interface SubscribeForm {
  /** What went wrong with the last submission, shown above the form it came from. */
  problem?: { form: 'email' | 'webhook'; message: string };
  email?: string;
  webhookUrl?: string;
  choice?: ScopeChoice;
}

function problemFor(form: 'email' | 'webhook', state: SubscribeForm, ctx: ViewContext): Html | '' {
  if (state.problem?.form !== form) return '';
  return html`<p class="problem" role="alert">${ctx.t('subscribe.problem', { problem: state.problem.message })}</p>`;
}

/**
 * The subscribe page: e-mail with double opt-in, webhooks, and the feeds; plain forms, no script.
 * Each form names the page's language, which becomes the subscriber's; the feeds are linked in it.
 */
export function renderSubscribe(data: PageData, ctx: ViewContext, state: SubscribeForm = {}): string {
  const { t } = ctx;
  const choice = state.choice ?? everything;
  const body = html`${formStyle}<div class="sub">
<h1>${t('subscribe.title')}</h1>
<p>${t('subscribe.intro', { page: ctx.config.pageName })}</p>
<h2 id="email">${t('subscribe.emailHeading')}</h2>
${problemFor('email', state, ctx)}
<form method="post" action="/subscribe">
<input type="hidden" name="channel" value="email">
<input type="hidden" name="locale" value="${ctx.locale}">
<label for="sub-email">${t('subscribe.email')}</label>
<input type="email" id="sub-email" name="email" required maxlength="254" autocomplete="email" value="${state.email ?? ''}">
<p class="hint">${t('subscribe.emailHint')}</p>
${scopeFields(data, ctx, choice)}
<p><button type="submit">${t('subscribe.submit')}</button></p>
</form>
<h2 id="webhooks">${t('subscribe.webhookHeading')}</h2>
<p>${t('subscribe.webhookIntro')}</p>
${problemFor('webhook', state, ctx)}
<form method="post" action="/subscribe">
<input type="hidden" name="channel" value="webhook">
<input type="hidden" name="locale" value="${ctx.locale}">
<label for="sub-url">${t('subscribe.webhookUrl')}</label>
<input type="url" id="sub-url" name="webhook_url" required maxlength="2000" placeholder="https://" value="${state.webhookUrl ?? ''}">
<fieldset><legend>${t('subscribe.format')}</legend>
<label><input type="radio" name="format" value="standard" checked> ${t('subscribe.formatStandard')}</label>
<label><input type="radio" name="format" value="slack"> ${t('subscribe.formatSlack')}</label>
</fieldset>
${scopeFields(data, ctx, everything)}
<p><button type="submit">${t('subscribe.webhookSubmit')}</button></p>
</form>
<h2 id="feeds">${t('subscribe.feedsHeading')}</h2>
<p>${t('subscribe.feedsIntro')} <a href="/history.rss?lang=${ctx.locale}">RSS 2.0</a> · <a href="/history.atom?lang=${ctx.locale}">Atom</a></p>
</div>`;
  return renderLayout({ title: t('subscribe.title'), current: 'subscribe', body }, ctx);
}

/** After an e-mail subscription: the same answer whether or not the address was known. */
export function renderCheckInbox(email: string, ctx: ViewContext): string {
  const { t } = ctx;
  const body = html`<h1>${t('subscribe.checkInboxTitle')}</h1><p>${t('subscribe.checkInbox', { email })}</p>`;
  return renderLayout({ title: t('subscribe.checkInboxTitle'), body }, ctx);
}

/**
 * After a webhook subscription: its secret, shown this once, and its manage link. A webhook still to
 * be verified is told what its receiver has to do, instead of the promise that notices will be posted.
 */
export function renderWebhookAdded(
  o: {
    url: string;
    secret: string;
    manageUrl: string;
    channel: 'webhook' | 'slack';
    verification?: { expiresAt: string } | undefined;
  },
  ctx: ViewContext,
): string {
  const { t } = ctx;
  const outcome = o.verification
    ? tHtml(t, o.channel === 'slack' ? 'subscribe.slackPending' : 'subscribe.webhookPending', {
        url: html`${o.url}`,
        time: timeTag(o.verification.expiresAt, ctx),
      })
    : t('subscribe.webhookAdded', { url: o.url });
  const body = html`${formStyle}<div class="sub"><h1>${t('subscribe.webhookAddedTitle')}</h1>
<p>${outcome}</p>
<p>${t('subscribe.secret')}<br><code>${o.secret}</code></p>
<p>${t('subscribe.manageLink')}<br><a href="${o.manageUrl}">${o.manageUrl}</a></p></div>`;
  return renderLayout({ title: t('subscribe.webhookAddedTitle'), body }, ctx);
}
