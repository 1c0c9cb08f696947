import { render } from 'preact';
import '../../components/ui.css';
import { ReportPage } from './ReportPage.tsx';

render(<ReportPage />, document.getElementById('app') as HTMLElement);
