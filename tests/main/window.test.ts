// The main window's options: the renderer must get no Node and a sandboxed, isolated preload.
import { isAbsolute } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, PRELOAD_PATH, secureWebPreferences } from '../../electron/main/window';
import { resetFakeElectron, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
afterEach(resetFakeElectron);

describe('main window', () => {
  it('creates the window with secure web preferences and the built preload', () => {
    const win = createMainWindow() as unknown as FakeBrowserWindow;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBe(PRELOAD_PATH);
    expect(win.options).toMatchObject({ title: 'Briefbook', width: 1280, height: 860, show: false });
    expect(win.options.minWidth).toBeGreaterThan(0);
    expect(win.options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('points the preload at the one CommonJS bundle beside the built main', () => {
    expect(isAbsolute(PRELOAD_PATH)).toBe(true);
    expect(PRELOAD_PATH.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
  });

  it('keeps every secure default whatever preload path it is given', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs.preload).toBe('/x/preload.cjs');
    expect([prefs.contextIsolation, prefs.sandbox, prefs.webSecurity]).toEqual([true, true, true]);
    expect([prefs.nodeIntegration, prefs.allowRunningInsecureContent, prefs.webviewTag]).toEqual([false, false, false]);
  });

  it('shows the window only once it is ready to show', () => {
    const win = createMainWindow() as unknown as FakeBrowserWindow;
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });
});
