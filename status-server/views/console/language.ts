import { localeNames } from '../../platform/http/locale.ts';
import { html } from '../markup.ts';
import type { ConsoleContext } from './context.ts';
import { csrfField, type FormState, selectField } from './form.ts';
import { renderConsole } from './layout.ts';

/** The console's language for the signed-in person: their browser's (as negotiated now), or one they pick. */
export function renderLanguage(form: FormState, browserLocale: string, ctx: ConsoleContext): string {
  const { t } = ctx;
  const nameOf = (locale: string) => localeNames.find((l) => l.locale === locale)?.name ?? locale;
  const choices = [
    { value: '', label: t('console.language.browser', { name: nameOf(browserLocale) }) },
    ...localeNames.map(({ locale, name }) => ({ value: locale, label: name })),
  ];
  const body = html`<h1>${t('console.language.title')}</h1>
<p>${t('console.language.intro')}</p>
<form method="post" action="/console/language" class="stack">${csrfField(ctx)}
${selectField({ name: 'locale', label: t('console.language.field'), form, choices })}
<input type="hidden" name="next" value="${form.values.get('next') ?? '/console'}">
<p><button type="submit">${t('console.language.save')}</button></p>
</form>`;
  return renderConsole({ title: t('console.language.title'), body }, ctx);
}
