import type { ViewContext } from './context.ts';
import { renderLayout } from './layout.ts';
import { html } from './markup.ts';

/** The 404 page, still a full page with the site's navigation so a reader can find their way. */
export function renderNotFound(ctx: ViewContext): string {
  const { t } = ctx;
  const body = html`<h1>${t('page.notFoundTitle')}</h1>
<p>${t('page.notFoundBody')}</p>
<p><a href="/">${t('page.backToStatus')}</a></p>`;
  return renderLayout({ title: t('page.notFoundTitle'), body }, ctx);
}
