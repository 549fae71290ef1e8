// The native menu. menuTemplate() is a pure function of its context so it can be checked in a
// unit test; installMenu() is the one line that hands it to Electron.
import { Menu, type AboutPanelOptionsOptions, type MenuItemConstructorOptions } from 'electron';

export interface MenuContext {
  appName: string;
  isMac: boolean;
  /** Development build: adds reload and developer tools, which a reader has no use for. */
  isDev: boolean;
  showAbout(): void;
  revealDataFolder(): void;
}

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `About ${ctx.appName}`, click: () => ctx.showAbout() };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = ctx.isMac
    ? [
        {
          label: ctx.appName,
          submenu: [about, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: ctx.isMac ? [{ role: 'close' }] : [{ role: 'quit', label: 'Quit' }],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = ctx.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: ctx.isMac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };

  const help: MenuItemConstructorOptions = {
    label: 'Help',
    submenu: [
      ...(ctx.isMac ? [] : [about, separator]),
      { label: 'Reveal Data Folder', click: () => ctx.revealDataFolder() },
    ],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
}

/** The About panel: version and the data folder, where the reader's notes live. */
export function aboutPanelOptions(info: { appName: string; version: string; dataDir: string }): AboutPanelOptionsOptions {
  return {
    applicationName: info.appName,
    applicationVersion: info.version,
    // copyright is the one free-text field every platform shows.
    copyright: `Data folder: ${info.dataDir}`,
  };
}

export function installMenu(ctx: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(ctx)));
}
