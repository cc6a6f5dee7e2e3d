import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import '@fontsource-variable/source-serif-4/wght.css';
import '@fontsource-variable/source-serif-4/wght-italic.css';
import './styles/theme.css';
import './styles/book.css';
import './styles/figure.css';
import './styles/code.css';
import { App } from './book/App.tsx';
import { installSettingsSync } from './state/settings.ts';
import { installConsoleApi } from './sim/consoleApi.ts';

installSettingsSync();
installConsoleApi();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
