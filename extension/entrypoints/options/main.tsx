import { render } from 'preact';
import '../../components/ui.css';
import { OptionsPage } from './OptionsPage.tsx';

render(<OptionsPage />, document.getElementById('app') as HTMLElement);
