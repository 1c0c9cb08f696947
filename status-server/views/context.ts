import type { Translator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import type { Html } from './markup.ts';

/** What every view needs besides its data: the page's settings, language and clock. */
export interface ViewContext {
  config: Config;
  t: Translator;
  locale: string;
  now: Date;
  /**
   * This page's own address, path and query without `lang`: the language switcher links to it in
   * each language, and search engines are told of those alternates.
   */
  path: string;
  /**
   * Components' 90-day bars made ahead (`barsAhead`), by component id: the snapshot's build makes
   * them a component at a time, readers served between, so that rendering the page is short.
   */
  bars?: ReadonlyMap<string, Html>;
}
