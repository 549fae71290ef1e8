// The native menu template, built from a pure function of its context: every app command has
// an item with the shared accelerator, clicking it sends the command, and the labels follow
// the UI language.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { APP_COMMANDS, COMMAND_ACCELERATORS, MAIN_PROCESS_COMMANDS, type AppCommand } from '../../shared/api/commands';
import { MENU_LABELS } from '../../shared/i18n/menu-labels';
import { aboutPanelOptions, installMenu, menuTemplate, type MenuContext } from '../../electron/main/menu';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
afterEach(resetFakeElectron);

type Item = MenuItemConstructorOptions;

function context(overrides: Partial<MenuContext> = {}): MenuContext {
  return {
    appName: 'Briefbook',
    isMac: false,
    isDev: false,
    language: 'en',
    readingMode: 'zh',
    send: vi.fn(),
    showAbout: vi.fn(),
    revealDataFolder: vi.fn(),
    ...overrides,
  };
}

const submenu = (menu: Item[], label: string) => (menu.find((m) => m.label === label)?.submenu ?? []) as Item[];
const roles = (items: Item[]) => items.map((i) => i.role).filter(Boolean);
const item = (items: Item[], label: RegExp) => items.find((i) => i.label && label.test(i.label));

/** Every item of the menu, submenus included. */
function allItems(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu as Item[]) : [])]);
}
const byId = (menu: Item[], id: string) => allItems(menu).find((i) => i.id === id);
/** Plays Electron calling an item's click: by mouse, or by its accelerator. */
const click = (i: Item, triggeredByAccelerator = false) => i.click!({} as never, undefined, { triggeredByAccelerator } as never);

describe('menu template', () => {
  it('has File, Edit, View, Window and Help menus', () => {
    expect(menuTemplate(context()).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it.each([false, true])('has an item for every app command (macOS: %s), each id used once', (isMac) => {
    const ids = allItems(menuTemplate(context({ isMac }))).flatMap((i) => (i.id ? [i.id] : []));
    expect(ids.filter((id) => (APP_COMMANDS as readonly string[]).includes(id)).toSorted()).toEqual([...APP_COMMANDS].toSorted());
    expect(new Set(ids).size).toBe(ids.length);
  });

  const rendererCommands = APP_COMMANDS.filter((c) => !(MAIN_PROCESS_COMMANDS as readonly AppCommand[]).includes(c));
  it.each(rendererCommands)('%s carries the shared accelerator and sends the command, saying how it was given', (command) => {
    const ctx = context();
    const entry = byId(menuTemplate(ctx), command)!;
    expect(entry.accelerator).toBe(COMMAND_ACCELERATORS[command]);
    click(entry);
    click(entry, true);
    expect(vi.mocked(ctx.send).mock.calls).toEqual([
      [command, false],
      [command, true],
    ]);
    expect(ctx.showAbout).not.toHaveBeenCalled();
  });

  it('uses the shortcuts the issue asks for', () => {
    expect(COMMAND_ACCELERATORS).toMatchObject({
      import: 'CmdOrCtrl+O',
      find: 'CmdOrCtrl+F',
      search: 'CmdOrCtrl+Shift+F',
      print: 'CmdOrCtrl+P',
      newNote: 'CmdOrCtrl+N',
      preferences: 'CmdOrCtrl+,',
      'view.read': 'CmdOrCtrl+1',
      'view.table': 'CmdOrCtrl+2',
      'view.dashboard': 'CmdOrCtrl+3',
      'view.library': 'CmdOrCtrl+4',
      'view.annotations': 'CmdOrCtrl+5',
      'view.packets': 'CmdOrCtrl+6',
    });
  });

  it('New note and the other commands are enabled', () => {
    const menu = menuTemplate(context());
    for (const command of ['newNote', 'print', 'find', 'preferences', 'view.table'] as const) expect(byId(menu, command)!.enabled).toBe(true);
  });

  it('File has Print, Preferences (Windows/Linux), Reveal Data Folder and Quit; Edit has the editing roles, Find and Search everywhere', () => {
    const menu = menuTemplate(context());
    const file = submenu(menu, 'File');
    expect(file.map((i) => i.id ?? i.role).filter(Boolean)).toEqual(['import', 'annotations.export', 'annotations.import', 'newNote', 'print', 'revealDataFolder', 'preferences', 'quit']);
    expect(file[0]!.label).toBe('Import Plan…');
    expect(submenu(menuTemplate(context({ language: 'zh' })), '文件')[0]!.label).toBe('导入计划…');
    expect(roles(submenu(menu, 'Edit'))).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(submenu(menu, 'Edit').slice(-2).map((i) => i.id)).toEqual(['find', 'search']);
  });

  it('View switches views, moves between initiatives, zooms and goes full screen; reload and devtools only in development', () => {
    const reader = submenu(menuTemplate(context({ isDev: false })), 'View');
    expect(reader.slice(0, 4).map((i) => i.id)).toEqual(['view.read', 'view.table', 'view.dashboard', 'view.library']);
    expect(roles(reader)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles(reader)).not.toContain('reload');
    expect(roles(reader)).not.toContain('toggleDevTools');
    expect(roles(submenu(menuTemplate(context({ isDev: true })), 'View'))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('the reading mode and language submenus are radio groups checked from the context', () => {
    const menu = menuTemplate(context({ language: 'en', readingMode: 'both' }));
    const reading = submenu(submenu(menu, 'View'), 'Text Language');
    expect(reading.map((i) => [i.id, i.type, i.checked])).toEqual([
      ['readingMode.zh', 'radio', false],
      ['readingMode.en', 'radio', false],
      ['readingMode.both', 'radio', true],
    ]);
    const language = submenu(submenu(menu, 'View'), 'Interface Language');
    expect(language.map((i) => [i.label, i.type, i.checked])).toEqual([
      ['中文', 'radio', false],
      ['English', 'radio', true],
    ]);
  });

  it('Help shows About and reveals the data folder; the main process carries both out', () => {
    const ctx = context();
    const help = submenu(menuTemplate(ctx), 'Help');
    click(item(help, /^About Briefbook$/)!);
    expect(ctx.showAbout).toHaveBeenCalledTimes(1);
    expect(ctx.revealDataFolder).not.toHaveBeenCalled();
    click(item(help, /data folder/i)!);
    expect(ctx.revealDataFolder).toHaveBeenCalledTimes(1);
    click(byId(menuTemplate(ctx), 'revealDataFolder')!);
    expect(ctx.revealDataFolder).toHaveBeenCalledTimes(2);
    expect(ctx.send).not.toHaveBeenCalled();
  });

  it('on macOS puts About, Preferences and Quit in the app menu', () => {
    const menu = menuTemplate(context({ isMac: true }));
    expect(menu[0]!.label).toBe('Briefbook');
    const appItems = menu[0]!.submenu as Item[];
    expect(roles(appItems)).toContain('quit');
    expect(appItems.map((i) => i.id).filter(Boolean)).toEqual(['about', 'preferences']);
    expect(item(appItems, /^About Briefbook$/)).toBeDefined();
    expect(item(submenu(menu, 'Help'), /^About/)).toBeUndefined();
    expect(roles(submenu(menu, 'File'))).not.toContain('quit');
    expect(submenu(menu, 'File').some((i) => i.id === 'preferences')).toBe(false);
  });

  it('in Chinese every label comes from the Chinese table, including the role items', () => {
    const zh = MENU_LABELS.zh;
    const menu = menuTemplate(context({ language: 'zh' }));
    expect(menu.map((m) => m.label)).toEqual([zh.file, zh.edit, zh.view, zh.window, zh.help]);
    expect(byId(menu, 'print')!.label).toBe('打印…');
    expect(byId(menu, 'about')!.label).toBe('关于简报本');
    expect(item(submenu(menu, zh.edit), /.*/)!.label).toBe('撤销');
    // No English label left anywhere (language names are shown in their own language).
    const labels = allItems(menu).flatMap((i) => (i.label ? [i.label] : []));
    expect(labels.filter((l) => /[A-Za-z]/.test(l) && l !== 'English')).toEqual([]);
  });

  it('has the same keys in both label tables', () => {
    expect(Object.keys(MENU_LABELS.en).toSorted()).toEqual(Object.keys(MENU_LABELS.zh).toSorted());
  });

  it('the About panel names the version and the data folder, in the UI language', () => {
    const en = aboutPanelOptions({ version: '1.2.3', dataDir: '/home/a/.config/Briefbook', language: 'en' });
    expect(en.applicationName).toBe('Briefbook');
    expect(en.applicationVersion).toBe('1.2.3');
    expect(en.copyright).toBe('Data folder: /home/a/.config/Briefbook');
    const zh = aboutPanelOptions({ version: '1.2.3', dataDir: 'C:\\Users\\a\\Briefbook', language: 'zh' });
    expect(zh.applicationName).toBe('简报本');
    expect(zh.applicationVersion).toBe('1.2.3');
    expect(zh.copyright).toBe('数据文件夹：C:\\Users\\a\\Briefbook');
  });

  it('installs the built template as the application menu', async () => {
    const { Menu } = await fakeElectron();
    installMenu(context());
    expect(Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]!.value);
  });
});
