import { raw } from 'hono/html';
import type { StatusIndicator } from '../../shared/schemas/status.ts';
import { localeNames } from '../platform/http/locale.ts';
import { toneColors } from './colors.ts';
import type { ViewContext } from './context.ts';
import { iconSprite } from './icons.ts';
import { type Html, html } from './markup.ts';
import { styles } from './styles.ts';

export interface Page {
  /** The page's own title; the site name is appended. Omit on the home page. */
  title?: string;
  /** Which main navigation link is this page. */
  current?: 'home' | 'history' | 'subscribe';
  /** Colours the favicon, so a pinned tab shows the status at a glance. */
  indicator?: StatusIndicator;
  body: Html;
}

/** The favicon in the status's colour; a data: URL, since the page's CSP allows images from data: but not elsewhere. */
function favicon(indicator: StatusIndicator | undefined): string {
  const fill = encodeURIComponent(toneColors[indicator ?? 'neutral']);
  return `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='${fill}'/%3E%3C/svg%3E`;
}

/** `path` in `locale`: the switcher's links and the alternates search engines are told of. */
function inLocale(path: string, locale: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${locale}`;
}

/** Each language by its own name, as a plain link: it works without script, and the server remembers it. */
function languageSwitcher(ctx: ViewContext): Html {
  const links = localeNames.map(
    ({ locale, name }) =>
      html`<li><a href="${inLocale(ctx.path, locale)}" hreflang="${locale}" lang="${locale}"${locale === ctx.locale ? raw(' aria-current="true"') : ''}>${name}</a></li>`,
  );
  return html`<nav class="languages" aria-label="${ctx.t('page.language')}"><ul>${links}</ul></nav>`;
}

function alternates(ctx: ViewContext): Html {
  const base = ctx.config.publicUrl;
  return html`${localeNames.map(
    ({
      locale,
    }) => html`<link rel="alternate" hreflang="${locale}" href="${base}${inLocale(ctx.path, locale)}">
`,
  )}<link rel="alternate" hreflang="x-default" href="${base}${ctx.path}">`;
}

function navLink(href: string, label: string, current: boolean): Html {
  return html`<li><a href="${href}"${current ? raw(' aria-current="page"') : ''}>${label}</a></li>`;
}

/** The document around every page: landmarks, skip link, inline style, no script. */
export function renderLayout(page: Page, ctx: ViewContext): string {
  const { t, config } = ctx;
  const title = page.title ? t('page.title', { title: page.title, page: config.pageName }) : config.pageName;
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<meta name="description" content="${t('page.description', { page: config.pageName })}">
<link rel="icon" href="${favicon(page.indicator)}">
<link rel="alternate" type="application/rss+xml" title="${config.pageName}" href="${inLocale('/history.rss', ctx.locale)}">
<link rel="alternate" type="application/atom+xml" title="${config.pageName}" href="${inLocale('/history.atom', ctx.locale)}">
${alternates(ctx)}
<style>${raw(styles)}</style>
</head>
<body>
<a class="skip" href="#main">${t('page.skipToContent')}</a>
${iconSprite}
<header class="site"><div class="wrap">
<a class="brand" href="/">${config.pageName}</a>
<nav aria-label="${t('page.navLabel')}"><ul>${navLink('/', t('page.navStatus'), page.current === 'home')}${navLink('/history', t('page.navHistory'), page.current === 'history')}${navLink('/subscribe', t('page.navSubscribe'), page.current === 'subscribe')}</ul></nav>
</div></header>
<main id="main" class="wrap">
${page.body}
</main>
<footer class="site"><div class="wrap">
<p>${t('page.poweredBy')}</p>
<nav aria-label="${t('page.footerLabel')}"><ul><li><a href="/api/v2/summary.json">${t('page.api')}</a></li><li><a href="${inLocale('/history.atom', ctx.locale)}" type="application/atom+xml">${t('page.feeds')}</a></li></ul></nav>
${languageSwitcher(ctx)}
</div></footer>
</body>
</html>
`.toString();
}
