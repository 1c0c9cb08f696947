import type { Translator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';

/** What every view needs besides its data: the page's settings, language and clock. */
export interface ViewContext {
  config: Config;
  t: Translator;
  locale: string;
  now: Date;
}
