// Renders the whole App against a fake desktop bridge, inside an i18next provider, the way
// main.tsx does; and puts the document back as it was after each test.
import { cleanup, render } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nProvider } from '../../renderer/src/i18n/ui-text';
import { createApiClient } from '../../renderer/src/api/client';
import { App } from '../../renderer/src/App';
import type { Language } from '../../renderer/src/i18n/catalogue';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { createFakeBridge, installBridge, removeBridge, type FakeBridge } from './fake-bridge';

export interface RenderAppOptions {
  fake?: FakeBridge;
  /** The language i18next starts in (main.tsx: the system's); default zh. */
  language?: Language;
  /** A ready-made instance instead, e.g. the pseudo-language of ui-text.ts. */
  i18n?: I18n;
}

export function renderApp(options: RenderAppOptions = {}) {
  const fake = options.fake ?? createFakeBridge();
  installBridge(fake);
  const i18n = options.i18n ?? createI18n(options.language ?? 'zh');
  const result = render(
    <I18nProvider i18n={i18n}>
      <App client={createApiClient()} />
    </I18nProvider>,
  );
  return { fake, i18n, ...result };
}

/** For beforeEach: start at a bare address, as a fresh launch does. */
export function atAddress(hash = ''): void {
  window.history.replaceState(null, '', `/${hash}`);
}

/** For afterEach: unmount, drop the bridge and what the app set on <html>. */
export function resetApp(): void {
  cleanup();
  removeBridge();
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.lang = '';
  document.title = '';
}
