import { browser } from 'wxt/browser';
import { decideLocale, type UiLocale } from './locale.ts';
import { loadLanguage } from './settings.ts';

/** The browser's UI language, or undefined where there is no extension API (unit tests). */
export function browserUiLanguage(): string | undefined {
  try {
    return (browser as typeof browser | undefined)?.i18n?.getUILanguage?.() || undefined;
  } catch {
    return undefined;
  }
}

function browserInputs() {
  return {
    uiLanguage: browserUiLanguage(),
    navigatorLanguages: typeof navigator === 'undefined' ? undefined : navigator.languages,
  };
}

/** What the browser alone says, before (or without) the options' choice. */
export function browserLocale(): UiLocale {
  return decideLocale(browserInputs());
}

/**
 * The extension's language now: the options' choice, else the browser's (see `decideLocale`). The
 * pages (through i18n.ts) and the background ask this one function, so they always agree.
 */
export async function chosenLocale(): Promise<UiLocale> {
  const override = await loadLanguage().catch(() => undefined);
  return decideLocale({ override, ...browserInputs() });
}
