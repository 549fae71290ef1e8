// The native menu template, built from a pure function of its context.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutPanelOptions, installMenu, menuTemplate, type MenuContext } from '../../electron/main/menu';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
afterEach(resetFakeElectron);

function context(overrides: Partial<MenuContext> = {}): MenuContext {
  return { appName: 'Briefbook', isMac: false, isDev: false, showAbout: vi.fn(), revealDataFolder: vi.fn(), ...overrides };
}

const submenu = (menu: MenuItemConstructorOptions[], label: string) =>
  (menu.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
const item = (items: MenuItemConstructorOptions[], label: RegExp) => items.find((i) => i.label && label.test(i.label));

describe('menu template', () => {
  it('has File, Edit, View, Window and Help menus', () => {
    expect(menuTemplate(context()).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('File quits; Edit has the editing roles', () => {
    const menu = menuTemplate(context());
    expect(roles(submenu(menu, 'File'))).toEqual(['quit']);
    expect(roles(submenu(menu, 'Edit'))).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('View zooms and goes full screen; reload and devtools only in development', () => {
    const reader = roles(submenu(menuTemplate(context({ isDev: false })), 'View'));
    expect(reader).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(reader).not.toContain('reload');
    expect(reader).not.toContain('toggleDevTools');
    const dev = roles(submenu(menuTemplate(context({ isDev: true })), 'View'));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Help shows About and reveals the data folder', () => {
    const ctx = context();
    const help = submenu(menuTemplate(ctx), 'Help');
    const about = item(help, /^About Briefbook$/)!;
    const reveal = item(help, /data folder/i)!;
    about.click!({} as never, undefined, {} as never);
    expect(ctx.showAbout).toHaveBeenCalledTimes(1);
    expect(ctx.revealDataFolder).not.toHaveBeenCalled();
    reveal.click!({} as never, undefined, {} as never);
    expect(ctx.revealDataFolder).toHaveBeenCalledTimes(1);
  });

  it('on macOS puts About and Quit in the app menu', () => {
    const menu = menuTemplate(context({ isMac: true }));
    expect(menu[0]!.label).toBe('Briefbook');
    const appItems = menu[0]!.submenu as MenuItemConstructorOptions[];
    expect(roles(appItems)).toContain('quit');
    expect(item(appItems, /^About Briefbook$/)).toBeDefined();
    expect(item(submenu(menu, 'Help'), /^About/)).toBeUndefined();
  });

  it('the About panel names the version and the data folder', () => {
    const options = aboutPanelOptions({ appName: 'Briefbook', version: '1.2.3', dataDir: '/home/a/.config/Briefbook' });
    expect(options.applicationName).toBe('Briefbook');
    expect(options.applicationVersion).toBe('1.2.3');
    expect(options.copyright).toContain('/home/a/.config/Briefbook');
  });

  it('installs the built template as the application menu', async () => {
    const { Menu } = await fakeElectron();
    installMenu(context());
    expect(Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]!.value);
  });
});
