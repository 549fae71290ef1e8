// The main window and its web preferences. The renderer is untrusted web content: it gets no
// Node, runs sandboxed and context-isolated, and reaches the backend only through the
// preload's bridge.
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import type { Rect } from './window-bounds';

/** Where the window opens (restored from the last launch); absent = the default size, centred. */
export interface WindowPlacement {
  bounds: Rect;
  maximized: boolean;
}

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

export function mainWindowOptions(preload: string = PRELOAD_PATH, placement?: WindowPlacement): BrowserWindowConstructorOptions {
  return {
    title: 'Briefbook',
    width: 1280,
    height: 860,
    ...placement?.bounds,
    minWidth: 720,
    minHeight: 480,
    // Hidden until the first paint so the user never sees a white flash.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: secureWebPreferences(preload),
  };
}

export function createMainWindow(preload: string = PRELOAD_PATH, placement?: WindowPlacement): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preload, placement));
  win.once('ready-to-show', () => {
    // maximize() also shows the window; its normal bounds stay the restored ones for unmaximizing.
    if (placement?.maximized) win.maximize();
    win.show();
  });
  return win;
}
