import type { FormKey } from '../../shared/i18n/catalogue.ts';
import { catalogues } from './catalogue.ts';
import { uiLocales } from './locale.ts';

/**
 * What the browser itself shows of the extension, before any of its pages runs: the manifest's name,
 * description, toolbar tooltip and shortcut description (as `__MSG_name__`), and the menu item.
 * They are messages of the catalogue like any other (so every locale has them, with the same
 * placeholders, or a test fails); the build writes them as `_locales/<locale>/messages.json`, in
 * the browser's format, whose names allow only letters, digits, `_` and `@`.
 */
export const MANIFEST_MESSAGES = {
  extName: 'extension.name',
  extDescription: 'extension.description',
  actionTitle: 'extension.actionTitle',
  commandDescription: 'extension.commandDescription',
  contextMenuTitle: 'extension.contextMenuTitle',
} as const satisfies Record<string, FormKey>;

export type ManifestMessage = keyof typeof MANIFEST_MESSAGES;

/** The manifest's reference to a message, which the browser replaces in its own language. */
export const msg = (name: ManifestMessage): string => `__MSG_${name}__`;

/** The browser's folder name for a locale: `pt-BR` is `pt_BR`; ours are plain (`ro`, `uk`). */
export const localeFolder = (locale: string): string => locale.replace(/-/g, '_');

/** `_locales/<locale>/messages.json` of every locale, as files for the build to write. */
export function localeMessageFiles(): { relativeDest: string; contents: string }[] {
  return uiLocales.map((locale) => {
    const messages = Object.fromEntries(
      Object.entries(MANIFEST_MESSAGES).map(([name, key]) => [
        name,
        // `$` starts a placeholder in the browser's format; a literal one is written twice.
        { message: catalogues[locale][key].replace(/\$/g, '$$$$') },
      ]),
    );
    return {
      relativeDest: `_locales/${localeFolder(locale)}/messages.json`,
      contents: `${JSON.stringify(messages, null, 2)}\n`,
    };
  });
}
