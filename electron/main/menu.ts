// The native menu. menuTemplate() is a pure function of its context so it can be checked in a
// unit test; installMenu() is the one line that hands it to Electron. Every app command has an
// item whose id is the command's name; the items send the command to the renderer, except
// About and Reveal Data Folder, which the main process carries out itself.
import { Menu, type AboutPanelOptionsOptions, type MenuItemConstructorOptions } from 'electron';
import {
  COMMAND_ACCELERATORS,
  isCommandAvailable,
  type AppCommand,
} from '../../shared/api/commands';
import type { UiLanguage } from '../../shared/api/contract';
import { fillLabel, LANGUAGE_NAMES, MENU_LABELS, type MenuLabels } from '../../shared/i18n/menu-labels';

export type ReadingModeChoice = 'zh' | 'en' | 'both';

export interface MenuContext {
  /** The macOS app menu's title (macOS shows the bundle's name there whatever it says). */
  appName: string;
  isMac: boolean;
  /** Development build: adds reload and developer tools, which a reader has no use for. */
  isDev: boolean;
  /** The UI language: the labels' language and the checked item of the Language submenu. */
  language: UiLanguage;
  /** The checked item of the Reading Language submenu. */
  readingMode: ReadingModeChoice;
  /** Hands a command to the renderer; viaShortcut = chosen with its accelerator rather than clicked. */
  send(command: AppCommand, viaShortcut: boolean): void;
  showAbout(): void;
  revealDataFolder(): void;
}

type Item = MenuItemConstructorOptions;

export function menuTemplate(ctx: MenuContext): Item[] {
  const l: MenuLabels = MENU_LABELS[ctx.language];
  const separator: Item = { type: 'separator' };

  /** An item for a command the renderer carries out. */
  const command = (id: AppCommand, label: string, extra: Partial<Item> = {}): Item => ({
    id,
    label,
    accelerator: COMMAND_ACCELERATORS[id],
    enabled: isCommandAvailable(id),
    click: (_item, _window, event) => ctx.send(id, event?.triggeredByAccelerator === true),
    ...extra,
  });
  const radio = (id: AppCommand, label: string, checked: boolean): Item =>
    command(id, label, { type: 'radio', checked });

  const about: Item = { id: 'about', label: fillLabel(l.about, { appName: l.appName }), click: () => ctx.showAbout() };
  const reveal = (id: string): Item => ({ id, label: l.revealDataFolder, click: () => ctx.revealDataFolder() });
  const preferences = command('preferences', l.preferences);
  const quit: Item = { role: 'quit', label: l.quit };

  const appMenu: Item[] = ctx.isMac
    ? [
        {
          label: ctx.appName,
          submenu: [
            about,
            separator,
            preferences,
            separator,
            { role: 'hide', label: fillLabel(l.hide, { appName: l.appName }) },
            { role: 'hideOthers', label: l.hideOthers },
            { role: 'unhide', label: l.unhide },
            separator,
            quit,
          ],
        },
      ]
    : [];

  const file: Item = {
    label: l.file,
    submenu: [
      // The renderer opens its import dialog; it reads the chosen or dropped file itself.
      command('import', l.importPlan),
      separator,
      command('annotations.export', l.exportAnnotations),
      command('annotations.import', l.importAnnotations),
      separator,
      command('newNote', l.newNote),
      separator,
      command('print', l.print),
      separator,
      reveal('revealDataFolder'),
      ...(ctx.isMac ? [separator, { role: 'close', label: l.close } satisfies Item] : [separator, preferences, separator, quit]),
    ],
  };

  const edit: Item = {
    label: l.edit,
    submenu: [
      { role: 'undo', label: l.undo },
      { role: 'redo', label: l.redo },
      separator,
      { role: 'cut', label: l.cut },
      { role: 'copy', label: l.copy },
      { role: 'paste', label: l.paste },
      { role: 'selectAll', label: l.selectAll },
      separator,
      command('find', l.find),
      command('search', l.search),
    ],
  };

  const devItems: Item[] = ctx.isDev
    ? [
        { role: 'reload', label: l.reload },
        { role: 'forceReload', label: l.forceReload },
        { role: 'toggleDevTools', label: l.toggleDevTools },
        separator,
      ]
    : [];
  const view: Item = {
    label: l.view,
    submenu: [
      command('view.read', l.viewRead),
      command('view.table', l.viewTable),
      command('view.dashboard', l.viewDashboard),
      command('view.library', l.viewLibrary),
      command('view.annotations', l.viewAnnotations),
      command('view.packets', l.viewPackets),
      separator,
      command('initiative.previous', l.previousInitiative),
      command('initiative.next', l.nextInitiative),
      command('outline.toggle', l.toggleOutline),
      separator,
      {
        label: l.readingMode,
        submenu: [
          radio('readingMode.zh', l.readingZh, ctx.readingMode === 'zh'),
          radio('readingMode.en', l.readingEn, ctx.readingMode === 'en'),
          radio('readingMode.both', l.readingBoth, ctx.readingMode === 'both'),
        ],
      },
      {
        label: l.language,
        submenu: [
          radio('language.zh', LANGUAGE_NAMES.zh, ctx.language === 'zh'),
          radio('language.en', LANGUAGE_NAMES.en, ctx.language === 'en'),
        ],
      },
      separator,
      ...devItems,
      { role: 'resetZoom', label: l.resetZoom },
      { role: 'zoomIn', label: l.zoomIn },
      { role: 'zoomOut', label: l.zoomOut },
      separator,
      { role: 'togglefullscreen', label: l.toggleFullScreen },
    ],
  };

  const windowMenu: Item = {
    label: l.window,
    submenu: ctx.isMac
      ? [{ role: 'minimize', label: l.minimize }, { role: 'zoom', label: l.zoom }, separator, { role: 'front', label: l.front }]
      : [{ role: 'minimize', label: l.minimize }, { role: 'close', label: l.close }],
  };

  const help: Item = {
    label: l.help,
    // On macOS About lives in the app menu; the second Reveal item has its own id (ids stay unique).
    submenu: [...(ctx.isMac ? [] : [about, separator]), reveal('help.revealDataFolder')],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
}

/** The About panel: version and the data folder, where the reader's notes live. */
export function aboutPanelOptions(info: {
  version: string;
  dataDir: string;
  language: UiLanguage;
}): AboutPanelOptionsOptions {
  const labels = MENU_LABELS[info.language];
  const dataFolder = fillLabel(labels.dataFolder, { path: info.dataDir });
  return {
    applicationName: labels.appName,
    applicationVersion: info.version,
    // copyright is the one free-text field every platform shows.
    copyright: dataFolder,
  };
}

export function installMenu(ctx: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(ctx)));
}
