// The desktop app's lifecycle: one instance, a hardened session, the core on the user's data
// folder, the IPC binding, the menu and the window. A database the core refuses opens the same
// window in recovery mode (the core serves only the storage methods; the page shows the
// recovery screen), as browser mode does: never an error box that leaves the reader stuck. Kept out of index.ts so a test can run
// it against a mocked electron module and a real core.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, screen, session, shell } from 'electron';
import { COMMAND_CHANNEL, type AppCommand } from '../../shared/api/commands';
import type { SettingKey, UiLanguage } from '../../shared/api/contract';
import { pickUiLanguage } from '../../shared/i18n/language';
import { openCore, type Core } from '../core/core';
import { getSetting } from '../core/services/settings';
import { APP_INDEX_URL } from './app-url';
import { mountRouter, trustedSenderCheck } from './ipc';
import { aboutPanelOptions, installMenu, type ReadingModeChoice } from './menu';
import { findNativeBinding, missingNativeBindingMessage, type NativeBindingContext } from './native-binding';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { applySessionPolicy, hardenApp, setDialogLanguage } from './security';
import { watchSettings } from './settings-watch';
import { StartupError, startupErrorMessage } from './startup-error';
import { createMainWindow, PRELOAD_PATH } from './window';
import { renderPacketPdf } from './packet-pdf';
import { restoredPlacement, settingsWindowStateStore, trackWindowState } from './window-state';

export const APP_NAME = 'Briefbook';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
const windowState = settingsWindowStateStore(() => core?.storage.db ?? null);

/** What the menu shows that the reader can change from the renderer. */
interface MenuState {
  dataDir: string;
  language: UiLanguage;
  readingMode: ReadingModeChoice;
}
let menuState: MenuState | null = null;

function openMainWindow(): void {
  const win = createMainWindow(PRELOAD_PATH, restoredPlacement(windowState.load(), screen) ?? undefined);
  mainWindow = win;
  trackWindowState(win, windowState);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
}

function focusMainWindow(): void {
  if (!mainWindow) {
    // macOS keeps running without windows: a second launch then means "show me the app".
    if (core) openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Hands a menu command to the renderer. There is one window, so it is the focused one. */
function sendCommand(command: AppCommand, viaShortcut: boolean): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  mainWindow.webContents.send(COMMAND_CHANNEL, command, viaShortcut);
}

function readingModeOf(value: string | null): ReadingModeChoice {
  return value === 'en' || value === 'both' ? value : 'zh';
}

/** Builds the menu and the About panel in the reader's language (again after each change). */
function refreshMenu(): void {
  if (!menuState) return;
  const { dataDir, language, readingMode } = menuState;
  app.setAboutPanelOptions(aboutPanelOptions({ version: app.getVersion(), dataDir, language }));
  installMenu({
    appName: APP_NAME,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    language,
    readingMode,
    send: sendCommand,
    showAbout: () => app.showAboutPanel(),
    revealDataFolder: () => void shell.openPath(dataDir),
  });
}

function onSettingSet(key: SettingKey, value: string | null): void {
  if (!menuState) return;
  if (key === 'ui.language') menuState.language = pickUiLanguage(value, [app.getLocale()]);
  else if (key === 'ui.readingMode') menuState.readingMode = readingModeOf(value);
  else return;
  refreshMenu();
}

function closeCore(): void {
  core?.close();
  core = null;
}

async function start(): Promise<void> {
  await app.whenReady();
  applySessionPolicy(session.defaultSession);
  handleAppProtocol();

  const native: NativeBindingContext = {
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    abi: process.versions.modules,
  };
  const nativeBinding = findNativeBinding(native);
  if (!nativeBinding) throw new StartupError(missingNativeBindingMessage(native));

  const dataDir = app.getPath('userData');
  core = openCore({
    dataDir,
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
    host: 'desktop',
    version: app.getVersion(),
    // A library behind this version is updated off this thread while the window shows how far
    // (the window opens at once instead of after the migrations).
    migrateInWorker: true,
    nativeBinding,
    pdfRenderer: renderPacketPdf,
  });
  mountRouter(ipcMain, watchSettings(core.router, onSettingSet), trustedSenderCheck(() => mainWindow));

  const db = core.storage.db; // null in recovery mode: the menu then follows the system
  menuState = {
    dataDir,
    language: pickUiLanguage(db && getSetting(db, 'ui.language'), [app.getLocale()]),
    readingMode: readingModeOf(db && getSetting(db, 'ui.readingMode')),
  };
  refreshMenu();
  openMainWindow();
}

function failStartup(err: unknown): void {
  closeCore();
  dialog.showErrorBox(`${APP_NAME} could not start`, startupErrorMessage(err, app.isPackaged));
  app.exit(1);
}

/** Runs the app. Resolves once startup has finished or failed (the app keeps running after). */
export function runBriefbook(): Promise<void> {
  // Before the lock and before ready: the name decides the userData folder, and privileged
  // schemes can only be registered before the app is ready.
  app.setName(APP_NAME);
  registerAppScheme();
  hardenApp(app);
  setDialogLanguage(() => menuState?.language ?? pickUiLanguage(null, [app.getLocale()]));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && !mainWindow) openMainWindow();
  });
  app.on('will-quit', closeCore);

  return start().catch(failStartup);
}
