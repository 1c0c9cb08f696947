import { render } from 'preact';
import '../../components/ui.css';
import { initLocale, showLocaleIn, t } from '../../lib/i18n.ts';
import { ReportsPage } from './ReportsPage.tsx';

void initLocale().then(() => {
  showLocaleIn(document, t('extension.tabTitle', { page: t('reports.heading') }));
  render(<ReportsPage />, document.getElementById('app') as HTMLElement);
});
