import type { Translator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';

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
}
