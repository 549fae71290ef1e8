// Renderer entry: one api client for the page (it picks the host's transport), one i18next
// instance (in the saved language when the start data came before the first render, else the
// system's, and App switches to the saved choice once loaded),
// the reading fonts (the bundled Latin faces here, the Chinese ones per fonts.ts), one App behind the storage gate (the recovery screen when the
// database could not be opened, the damage banner when the background check finds damage).
// First: the api client and the first screen's two calls, sent before the rest is evaluated.
import { client, firstCalls } from './first-calls';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
import { askStorageStatusEarly, earlyStorageStatusSettled } from './features/storage/early-status';
import { StorageGate } from './features/storage/StorageGate';
import { createI18n, pickLanguage } from './i18n/i18n';
import { I18nProvider } from './i18n/ui-text';
import { arrivedStart, earlyStart, earlyStartSettled, loadStartEarly } from './load-start';
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
const viewCode = preloadViewOf(parseRoute(window.location.hash), client, earlyStart());
// A print from the browser's own menu, which passes the app by, still gets paper's faces.
printFacesOnBrowserPrint();
// The first render waits a moment for the first screen's data, the storage status and the
// code of the view it opens on (all on their way since the first script): when they are in,
// the gate and the App start on them and the first screen is the first render, in the saved
// language (no loading screen committed, painted and replaced, no effect and promise rounds
// between the answer and the first screen's render, and no view's fallback, which React would
// keep on screen for 300 ms). Data slower than that get the loading screen, as before.
const FIRST_DATA_WAIT_MS = 250;
const firstData = Promise.race([
  Promise.all([earlyStartSettled(), earlyStorageStatusSettled(), viewCode]),
  new Promise((resolve) => setTimeout(resolve, FIRST_DATA_WAIT_MS)),
]);
// The Chinese faces (fonts.ts) are ready before the first render, so no text is drawn in
// another face first.
void Promise.all([readyCjkFaces(), firstData]).then(() => {
  const i18n = createI18n(pickLanguage(arrivedStart()?.language ?? null, navigator.languages ?? [navigator.language]));
  createRoot(root).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <StorageGate client={client}>
          <App client={client} />
        </StorageGate>
      </I18nProvider>
    </StrictMode>,
  );
});
