import { configure } from '@gravity-ui/uikit';
import '@gravity-ui/uikit/styles/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';

// The kit's own words (pagination, clear buttons, dialogs) in Russian, as the rest of the page.
configure({ lang: 'ru' });

createRoot(document.getElementById('root')!).render(<App />);
