// Renderer entry: one api client for the page (it picks the host's transport), one i18next
// instance (starting in the system's language; App switches to a saved choice once loaded),
// the bundled reading fonts, one App behind the storage gate (the recovery screen when the
// database could not be opened, the damage banner when the background check finds damage).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
// Latin faces for English text (the SC faces draw quotes and apostrophes full-width).
import '@fontsource/noto-serif/latin-400.css';
import '@fontsource/noto-serif/latin-700.css';
import '@fontsource/noto-serif/latin-ext-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import { createApiClient } from './api/client';
import { App } from './App';
import { StorageGate } from './features/storage/StorageGate';
import { createI18n, pickLanguage } from './i18n/i18n';
import { loadStartEarly } from './load-start';
import './styles/base.css';
import './styles/app.css';
import './styles/dialog.css';
import './styles/reading.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const client = createApiClient();
// The first screen's data is asked for now, beside the storage check, not after it.
loadStartEarly(client);
const i18n = createI18n(pickLanguage(null, navigator.languages ?? [navigator.language]));
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StorageGate client={client}>
        <App client={client} />
      </StorageGate>
    </I18nextProvider>
  </StrictMode>,
);
