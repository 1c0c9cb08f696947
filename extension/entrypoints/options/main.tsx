import { render } from 'preact';
import '../../components/ui.css';
import { initLocale, showLocaleIn, t } from '../../lib/i18n.ts';
import { OptionsPage } from './OptionsPage.tsx';

void initLocale().then(() => {
  showLocaleIn(document, t('options.heading'));
  render(<OptionsPage />, document.getElementById('app') as HTMLElement);
});
