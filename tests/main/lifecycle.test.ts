// The desktop lifecycle against a mocked electron module but a real core: a real SQLite file
// in a temp data folder, the shipped embedded plan, and better-sqlite3 loaded through the
// nativeBinding path exactly as the desktop app loads its Electron build (here the Node build,
// copied to where the app looks for its own).
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL } from '../../shared/api/commands';
import { ipcChannel } from '../../shared/api/contract';
import { DATABASE_FILE } from '../../electron/core/core';
import { BRIEFBOOK_APPLICATION_ID } from '../../electron/core/db/inspect';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/paths';
import { makeOlderLibrary, OLDER_VERSION } from '../helpers/older-library';
import { useTempDirs } from '../helpers/temp-dir';
import { fakeElectron, fakeEvent, resetFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const temp = useTempDirs('briefbook-lifecycle-');
const NODE_BUILD = join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

let running: FakeElectron | null = null;
afterEach(() => {
  running?.app.emit('will-quit', fakeEvent({})); // closes the core before its folder is removed
  running = null;
});

interface LaunchOptions {
  withNativeBuild?: boolean;
  singleInstanceLock?: boolean;
  prepareDataDir?: (dataDir: string) => void;
  /** Reuse a data folder (a relaunch); default a fresh one. */
  dataDir?: string;
  /** Set on the fake before the app starts (locale, displays, platform-independent state). */
  prepareElectron?: (electron: FakeElectron) => void;
}

/** A fresh module graph (fresh fake Electron, fresh lifecycle state) and one runBriefbook(). */
async function launch({
  withNativeBuild = true,
  singleInstanceLock = true,
  prepareDataDir,
  dataDir: reuseDataDir,
  prepareElectron,
}: LaunchOptions = {}) {
  running?.app.emit('will-quit', fakeEvent({})); // a relaunch: the previous run lets go of its database first
  vi.resetModules(); // fresh lifecycle state; the mocked electron module itself is kept, so:
  await resetFakeElectron();
  const electron = await fakeElectron();
  running = electron;
  const appPath = temp.make();
  cpSync(join(RESOURCES_DIR, 'plans'), join(appPath, 'resources', 'plans'), { recursive: true });
  if (withNativeBuild) {
    const dir = join(appPath, '.native', `electron-${process.versions.modules}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(NODE_BUILD, join(dir, 'better_sqlite3.node'));
  }
  const dataDir = reuseDataDir ?? join(temp.make(), 'Briefbook');
  prepareDataDir?.(dataDir);
  electron.app.appPath = appPath;
  electron.app.paths.userData = dataDir;
  electron.app.requestSingleInstanceLock.mockReturnValue(singleInstanceLock);
  prepareElectron?.(electron);
  const { runBriefbook } = await import('../../electron/main/lifecycle');
  await runBriefbook();
  const win = electron.BrowserWindow.instances[0];
  const invoke = (method: Parameters<typeof ipcChannel>[0], args: unknown = {}) =>
    electron.ipcMain.handlers.get(ipcChannel(method))!({ sender: win!.webContents, senderFrame: win!.webContents.mainFrame }, args);
  return { electron, appPath, dataDir, win, invoke };
}

describe('desktop lifecycle', () => {
  it('starts the core on the user data folder and serves the API to its own window', async () => {
    const { electron, dataDir, win, invoke } = await launch();
    const { app, protocol } = electron;
    expect(app.setName).toHaveBeenCalledWith('Briefbook');
    expect(app.setName.mock.invocationCallOrder[0]).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    expect(protocol.handlers.has('app')).toBe(true);

    expect(electron.BrowserWindow.instances).toHaveLength(1);
    expect(win!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win!.webContents.loadURL).toHaveBeenCalledWith('app://briefbook/index.html');
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);

    expect(await invoke('app.info')).toMatchObject({ ok: true, value: { name: 'Briefbook', host: 'desktop', dataDir, version: '9.8.7' } });
    const plans = (await invoke('plan.list')) as { ok: true; value: { id: string }[] };
    expect(plans.value.map((p) => p.id)).toContain('hz-2024');
    expect(await invoke('settings.set', { key: 'ui.theme', value: 'dark' })).toEqual({ ok: true, value: null });
    expect(await invoke('settings.get', { key: 'ui.theme' })).toEqual({ ok: true, value: 'dark' });
  });

  it('hardens the session and the window it opens', async () => {
    const { electron, win } = await launch();
    const ses = electron.session.defaultSession;
    const callback = vi.fn();
    ses.permissionRequestHandler!({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    const away = fakeEvent({ url: 'https://evil.example/' });
    win!.webContents.emit('will-navigate', away);
    expect(away.defaultPrevented()).toBe(true);
    expect(win!.webContents.windowOpenHandler!({ url: 'app://briefbook/index.html' })).toEqual({ action: 'deny' });
  });

  it('installs the menu and an About panel that names the data folder', async () => {
    const { electron, dataDir } = await launch();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(electron.app.setAboutPanelOptions.mock.calls[0]![0].copyright).toContain(dataDir);
  });

  it('closes the database on quit', async () => {
    const { electron, dataDir } = await launch();
    const wal = join(dataDir, `${DATABASE_FILE}-wal`);
    expect(existsSync(wal)).toBe(true); // open in WAL mode
    electron.app.emit('will-quit', fakeEvent({}));
    expect(existsSync(wal)).toBe(false); // the last connection closed and checkpointed
  });

  it('a second instance quits at once; the first one comes to the front', async () => {
    const second = await launch({ singleInstanceLock: false });
    expect(second.electron.app.quit).toHaveBeenCalledOnce();
    expect(second.electron.app.whenReady).not.toHaveBeenCalled();
    expect(second.electron.BrowserWindow.instances).toHaveLength(0);
    expect(second.electron.ipcMain.handlers.size).toBe(0);

    const first = await launch();
    first.win!.minimized = true;
    first.electron.app.emit('second-instance', fakeEvent({}), [], '/');
    expect(first.win!.restore).toHaveBeenCalledOnce();
    expect(first.win!.focus).toHaveBeenCalledOnce();
  });

  it('quits when the last window closes, except on macOS', async () => {
    const { electron } = await launch();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
      electron.app.emit('window-all-closed');
      expect(electron.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { ...platform, value: 'linux' });
      electron.app.emit('window-all-closed');
      expect(electron.app.quit).toHaveBeenCalledOnce();
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('reopens a window on activate after the last one closed', async () => {
    const { electron, win } = await launch();
    electron.app.emit('activate');
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    win!.close();
    electron.app.emit('activate');
    expect(electron.BrowserWindow.instances).toHaveLength(2);
  });

  it('without the Electron build of better-sqlite3: a plain error box, then exit', async () => {
    const { electron } = await launch({ withNativeBuild: false });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, message] = electron.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Briefbook could not start');
    expect(message).toContain('npm run native:electron');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('a database from a newer Briefbook: the window opens in recovery mode, no error box, the file untouched', async () => {
    let before: Buffer | null = null;
    const { electron, dataDir, win, invoke } = await launch({
      prepareDataDir: (dir) => {
        mkdirSync(dir, { recursive: true });
        const db = new Database(join(dir, DATABASE_FILE));
        db.pragma('user_version = 99');
        db.pragma(`application_id = ${BRIEFBOOK_APPLICATION_ID}`);
        db.close();
        before = readFileSync(join(dir, DATABASE_FILE));
      },
    });
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(electron.app.exit).not.toHaveBeenCalled();
    expect(win).toBeDefined();
    const status = (await invoke('storage.status')) as { ok: true; value: { mode: string; problem: { kind: string; message: string } } };
    expect(status.value).toMatchObject({ mode: 'recovery', problem: { kind: 'future' } });
    expect(status.value.problem.message).toMatch(/schema version 99/);
    expect(await invoke('plan.list')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(before!)).toBe(true);
    expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(false);
  });

  it('a library an older version wrote: the window opens at once on its update, which a cancel rolls back', async () => {
    let before: Buffer | null = null;
    const { electron, dataDir, win, invoke } = await launch({
      prepareDataDir: (dir) => {
        mkdirSync(dir, { recursive: true });
        before = readFileSync(makeOlderLibrary(dir, 200));
      },
    });
    // The window is there before the migrations have run (they run in the core's worker).
    expect(win!.webContents.loadURL).toHaveBeenCalledWith('app://briefbook/index.html');
    type Status = { ok: true; value: { mode: string; opening: { from: number; cancelling: boolean } | null } };
    const first = (await invoke('storage.status')) as Status;
    expect(first.value).toMatchObject({ mode: 'opening', opening: { from: OLDER_VERSION } });
    expect(await invoke('plan.list')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(((await invoke('storage.cancelOpening')) as Status).value.opening?.cancelling).toBe(true);
    await vi.waitFor(async () => expect(((await invoke('storage.status')) as Status).value.mode).toBe('cancelled'), { timeout: 30_000, interval: 50 });
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(before!)).toBe(true);
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  }, 60_000);
});

type MenuItem = MenuItemConstructorOptions;

/** The template of the menu installed last. */
function installedMenu(electron: FakeElectron): MenuItem[] {
  const built = electron.Menu.setApplicationMenu.mock.calls.at(-1)![0] as unknown as { template: MenuItem[] };
  return built.template;
}
function menuItem(electron: FakeElectron, id: string): MenuItem {
  const all = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu as MenuItem[]) : [])]);
  const found = all(installedMenu(electron)).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}
const clickItem = (item: MenuItem, triggeredByAccelerator = false) =>
  item.click!({} as never, undefined, { triggeredByAccelerator } as never);

describe('desktop conventions', () => {
  it('a menu item sends its command to the window’s renderer on the command channel', async () => {
    const { electron, win } = await launch();
    clickItem(menuItem(electron, 'view.table'));
    clickItem(menuItem(electron, 'preferences'), true);
    expect(win!.webContents.send.mock.calls).toEqual([
      [COMMAND_CHANNEL, 'view.table', false],
      [COMMAND_CHANNEL, 'preferences', true],
    ]);
    win!.close();
    clickItem(menuItem(electron, 'view.read')); // no window: nothing to send to, and no error
    expect(win!.webContents.send).toHaveBeenCalledTimes(2);
  });

  it('About shows the About panel, which names the version and the data folder', async () => {
    const { electron, dataDir, win } = await launch();
    clickItem(menuItem(electron, 'about'));
    expect(electron.app.showAboutPanel).toHaveBeenCalledOnce();
    const options = electron.app.setAboutPanelOptions.mock.calls.at(-1)![0];
    expect(options).toMatchObject({ applicationVersion: '9.8.7', copyright: `Data folder: ${dataDir}` });
    expect(win!.webContents.send).not.toHaveBeenCalled();
  });

  it('Reveal Data Folder opens the user data folder', async () => {
    const { electron, dataDir } = await launch();
    clickItem(menuItem(electron, 'revealDataFolder'));
    expect(electron.shell.openPath).toHaveBeenCalledExactlyOnceWith(dataDir);
  });

  it('the menu starts in the system language when the reader has not chosen one', async () => {
    const zh = await launch({ prepareElectron: (e) => (e.app.locale = 'zh-CN') });
    expect(installedMenu(zh.electron).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(zh.electron.app.setAboutPanelOptions.mock.calls.at(-1)![0].copyright).toBe(`数据文件夹：${zh.dataDir}`);
    const en = await launch({ prepareElectron: (e) => (e.app.locale = 'en-GB') });
    expect(installedMenu(en.electron).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('switching the UI language from the renderer rebuilds the menu and the About panel in that language', async () => {
    const { electron, dataDir, invoke } = await launch({ prepareElectron: (e) => (e.app.locale = 'zh-CN') });
    expect(menuItem(electron, 'language.zh').checked).toBe(true);
    expect(await invoke('settings.set', { key: 'ui.language', value: 'en' })).toEqual({ ok: true, value: null });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(installedMenu(electron).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(menuItem(electron, 'print').label).toBe('Print…');
    expect(menuItem(electron, 'language.en').checked).toBe(true);
    expect(menuItem(electron, 'language.zh').checked).toBe(false);
    expect(electron.app.setAboutPanelOptions.mock.calls.at(-1)![0].copyright).toBe(`Data folder: ${dataDir}`);

    // Other settings leave the menu alone; a refused write changes nothing.
    await invoke('settings.set', { key: 'ui.theme', value: 'dark' });
    await invoke('settings.set', { key: 'ui.language', value: 'x'.repeat(5000) });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
  });

  it('the saved language and reading mode decide the menu at the next launch', async () => {
    const first = await launch({ prepareElectron: (e) => (e.app.locale = 'zh-CN') });
    await first.invoke('settings.set', { key: 'ui.language', value: 'en' });
    await first.invoke('settings.set', { key: 'ui.readingMode', value: 'both' });
    expect(menuItem(first.electron, 'readingMode.both').checked).toBe(true);
    first.electron.app.emit('will-quit', fakeEvent({}));

    const second = await launch({ dataDir: first.dataDir, prepareElectron: (e) => (e.app.locale = 'zh-CN') });
    expect(menuItem(second.electron, 'print').label).toBe('Print…');
    expect(menuItem(second.electron, 'readingMode.both').checked).toBe(true);
    expect(menuItem(second.electron, 'readingMode.zh').checked).toBe(false);
  });

  it('reopens the window where it was closed, maximized again if it was', async () => {
    const first = await launch();
    first.win!.moveTo({ x: 200, y: 150, width: 1000, height: 700 });
    first.win!.maximize();
    first.win!.close(); // saves at once
    first.electron.app.emit('will-quit', fakeEvent({}));

    const second = await launch({ dataDir: first.dataDir });
    expect(second.win!.options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
    second.win!.emit('ready-to-show');
    expect(second.win!.maximize).toHaveBeenCalledOnce();
  });

  it('reopens a window whose monitor is gone centred on the primary display', async () => {
    const first = await launch({
      prepareElectron: (e) =>
        (e.screen.displays = [
          { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
          { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } },
        ]),
    });
    first.win!.moveTo({ x: 2400, y: 100, width: 1600, height: 1200 });
    first.win!.close();
    first.electron.app.emit('will-quit', fakeEvent({}));

    const second = await launch({
      dataDir: first.dataDir,
      prepareElectron: (e) => (e.screen.displays = [{ id: 1, workArea: { x: 0, y: 23, width: 1440, height: 877 } }]),
    });
    expect(second.win!.options).toMatchObject({ x: 0, y: 23, width: 1440, height: 877 });
  });

  it('a second launch while no window is open (macOS) opens one', async () => {
    const { electron, win } = await launch();
    win!.close();
    electron.app.emit('second-instance', fakeEvent({}), [], '/');
    expect(electron.BrowserWindow.instances).toHaveLength(2);
  });
});
