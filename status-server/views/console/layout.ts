import { raw } from 'hono/html';
import { localeNames } from '../../platform/http/locale.ts';
import { iconSprite } from '../icons.ts';
import { type Html, html } from '../markup.ts';
import { styles } from '../styles.ts';
import type { ConsoleContext } from './context.ts';
import { csrfField } from './form.ts';
import { consoleStyles } from './styles.ts';

export type Section = 'inbox' | 'incidents' | 'components' | 'maintenance';

export interface ConsolePage {
  title: string;
  section?: Section;
  body: Html;
}

const sections: { id: Section; href: string; key: `console.nav.${Section}` }[] = [
  { id: 'inbox', href: '/console', key: 'console.nav.inbox' },
  { id: 'incidents', href: '/console/incidents', key: 'console.nav.incidents' },
  { id: 'components', href: '/console/components', key: 'console.nav.components' },
  { id: 'maintenance', href: '/console/maintenance', key: 'console.nav.maintenance' },
];

function header(page: ConsolePage, ctx: ConsoleContext): Html {
  const { t, user } = ctx;
  if (!user) {
    return html`<header class="site"><div class="wrap"><span class="brand">${t('console.brand', { page: ctx.config.pageName })}</span></div></header>`;
  }
  return html`<header class="site"><div class="wrap">
<a class="brand" href="/console">${t('console.brand', { page: ctx.config.pageName })}</a>
<nav aria-label="${t('console.nav.label')}"><ul>${sections.map(
    (s) =>
      html`<li><a href="${s.href}"${page.section === s.id ? raw(' aria-current="page"') : ''}>${t(s.key)}</a></li>`,
  )}<li><a href="/">${t('console.nav.public')}</a></li></ul></nav>
<div class="who"><span>${t('console.signedInAs', { name: user.name, email: user.email })}</span>
<a href="/console/language">${t('console.language.link', { name: localeNames.find((l) => l.locale === ctx.locale)?.name ?? ctx.locale })}</a>
<form method="post" action="/console/logout">${csrfField(ctx)}<button class="linkish" type="submit">${t('console.logout')}</button></form></div>
</div></header>`;
}

/** The document around every console page: the public page's look, the console's navigation, no script. */
export function renderConsole(page: ConsolePage, ctx: ConsoleContext): string {
  const { t } = ctx;
  return html`<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${t('console.title', { title: page.title, page: ctx.config.pageName })}</title>
<style>${raw(styles)}${raw(consoleStyles)}</style>
</head>
<body class="console">
<a class="skip" href="#main">${t('page.skipToContent')}</a>
${iconSprite}
${header(page, ctx)}
<main id="main" class="wrap">
${page.body}
</main>
</body>
</html>
`.toString();
}
