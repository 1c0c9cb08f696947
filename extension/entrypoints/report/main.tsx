import { render } from 'preact';
import '../../components/ui.css';
import { initLocale, showLocaleIn, t } from '../../lib/i18n.ts';
import { ReportPage } from './ReportPage.tsx';

void initLocale().then(() => {
  showLocaleIn(document, t('extension.tabTitle', { page: t('report.page.heading') }));
  render(<ReportPage />, document.getElementById('app') as HTMLElement);
});
