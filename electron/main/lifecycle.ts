// The desktop app's lifecycle: one instance, a hardened session, the core on the user's data
// folder, the IPC binding, the menu and the window. Kept out of index.ts so a test can run
// it against a mocked electron module and a real core.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { createCore, type Core } from '../core/core';
import { APP_INDEX_URL } from './app-url';
import { mountRouter, trustedSenderCheck } from './ipc';
import { aboutPanelOptions, installMenu } from './menu';
import { findNativeBinding, missingNativeBindingMessage, type NativeBindingContext } from './native-binding';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { applySessionPolicy, hardenApp } from './security';
import { StartupError, startupErrorMessage } from './startup-error';
import { createMainWindow } from './window';

export const APP_NAME = 'Briefbook';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const win = createMainWindow();
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
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
  const version = app.getVersion();
  core = createCore({
    dataDir,
    resourcesDir: app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'),
    host: 'desktop',
    version,
    nativeBinding,
  });
  mountRouter(ipcMain, core.router, trustedSenderCheck(() => mainWindow));

  app.setAboutPanelOptions(aboutPanelOptions({ appName: APP_NAME, version, dataDir }));
  installMenu({
    appName: APP_NAME,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    showAbout: () => app.showAboutPanel(),
    revealDataFolder: () => void shell.openPath(dataDir),
  });
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
