// The main window and its web preferences. The renderer is untrusted web content: it gets no
// Node, runs sandboxed and context-isolated, and reaches the backend only through the
// preload's bridge.
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';

/** The built preload beside the built main (out/main/index.js → out/preload/index.cjs). */
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

export const WINDOW_BACKGROUND = '#f7f5f0';

export function secureWebPreferences(preload: string = PRELOAD_PATH): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

export function mainWindowOptions(preload: string = PRELOAD_PATH): BrowserWindowConstructorOptions {
  return {
    title: 'Briefbook',
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    // Hidden until the first paint so the user never sees a white flash.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: secureWebPreferences(preload),
  };
}

export function createMainWindow(preload: string = PRELOAD_PATH): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preload));
  win.once('ready-to-show', () => win.show());
  return win;
}
