import { render } from 'preact';
import '../../components/ui.css';
import { ReportsPage } from './ReportsPage.tsx';

render(<ReportsPage />, document.getElementById('app') as HTMLElement);
