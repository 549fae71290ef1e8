// Renderer entry: one api client for the page (it picks the host's transport), one i18next
// instance (starting in the system's language; App switches to a saved choice once loaded),
// the reading fonts (the bundled Latin faces here, the Chinese ones per fonts.ts), one App behind the storage gate (the recovery screen when the
// database could not be opened, the damage banner when the background check finds damage).
// First: the api client and the first screen's two calls, sent before the rest is evaluated.
import { client, firstCalls } from './first-calls';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
// Latin faces for English text (the SC faces draw quotes and apostrophes full-width).
import '@fontsource/noto-serif/latin-400.css';
import '@fontsource/noto-serif/latin-700.css';
import '@fontsource/noto-serif/latin-ext-400.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import { readyCjkFaces } from './fonts';
import { App } from './App';
import { preloadViewOf } from './components/Shell';
import { askStorageStatusEarly } from './features/storage/early-status';
import { StorageGate } from './features/storage/StorageGate';
import { createI18n, pickLanguage } from './i18n/i18n';
import { earlyStart, loadStartEarly } from './load-start';
import { parseRoute } from './routing/hash-route';
import { printFacesOnBrowserPrint } from './shell/print';
import './styles/base.css';
import './styles/app.css';
import './styles/dialog.css';
import './styles/reading.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first screen's data and the storage check, asked for side by side by the page's first
// script (first-calls.ts), not one after the other and not after the first render.
askStorageStatusEarly(client, firstCalls.status);
loadStartEarly(client, firstCalls.start);
// And the code of the view the address opens on, if it is not the reading view (the table's
// first rows too, once the start data say which).
preloadViewOf(parseRoute(window.location.hash), client, earlyStart());
// A print from the browser's own menu, which passes the app by, still gets paper's faces.
printFacesOnBrowserPrint();
const i18n = createI18n(pickLanguage(null, navigator.languages ?? [navigator.language]));
// The Chinese faces (fonts.ts) are ready before the first render, so no text is drawn in
// another face first.
void readyCjkFaces().then(() => createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StorageGate client={client}>
        <App client={client} />
      </StorageGate>
    </I18nextProvider>
  </StrictMode>,
));
