import { raw } from 'hono/html';
import type { Config } from '../../../config.ts';
import { renderMarkdown } from '../../../views/markdown.ts';
import { html } from '../../../views/markup.ts';
import type { NoticeContent } from '../../content.ts';

/** The mail's plain-text part, in the content's language. */
export function noticeText(c: NoticeContent, config: Config): string {
  const { t } = c;
  const lines = [c.incident?.name ?? c.subject, '', c.body, ''];
  if (c.components.length) lines.push(t('notice.affected', { components: c.components.join(', ') }), '');
  lines.push(`${t('notice.view')}: ${c.url}`, '', '—', t('notice.why', { page: config.pageName }));
  lines.push(`${t('notice.manage')}: ${c.manageLink}`, `${t('notice.unsubscribe')}: ${c.unsubscribeLink}`);
  return lines.join('\n');
}

/** The mail's HTML part: the same content, with the update's Markdown rendered safely. */
export function noticeHtml(c: NoticeContent, config: Config): string {
  const { t } = c;
  const small = 'color:#59636e;font-size:13px';
  return html`<!doctype html>
<html lang="${c.locale}"><head><meta charset="utf-8"><title>${c.subject}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1f2328">
<h1 style="font-size:19px;margin:0 0 8px"><a href="${c.url}" style="color:#1f2328">${c.incident?.name ?? c.subject}</a></h1>
<div>${raw(renderMarkdown(c.body))}</div>
${c.components.length ? html`<p>${t('notice.affected', { components: c.components.join(', ') })}</p>` : ''}
<p><a href="${c.url}">${t('notice.view')}</a></p>
<hr style="border:0;border-top:1px solid #d1d9e0">
<p style="${small}">${t('notice.why', { page: config.pageName })}<br>
<a href="${c.manageLink}">${t('notice.manage')}</a> · <a href="${c.unsubscribeLink}">${t('notice.unsubscribe')}</a></p>
</body></html>`.toString();
}
