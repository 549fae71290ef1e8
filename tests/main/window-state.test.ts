// Saving the window's state: a moment after the last move or resize (not on every event), at
// once on close, into the core's user_settings through the settings service (a real SQLite
// file), and restored fitted to the displays.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSetting } from '../../electron/core/services/settings';
import { createMainWindow, PRELOAD_PATH } from '../../electron/main/window';
import {
  restoredPlacement,
  SAVE_DELAY_MS,
  settingsWindowStateStore,
  trackWindowState,
  WINDOW_STATE_KEY,
  type WindowStateStore,
} from '../../electron/main/window-state';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';
import { resetFakeElectron, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const temp = useTempDirs('briefbook-window-state-');
beforeEach(() => vi.useFakeTimers());
afterEach(async () => {
  vi.useRealTimers();
  await resetFakeElectron();
});

function fakeWindow(bounds = { x: 100, y: 80, width: 1280, height: 860 }) {
  return createMainWindow(PRELOAD_PATH, { bounds, maximized: false }) as unknown as FakeBrowserWindow;
}

function memoryStore(): WindowStateStore & { saved: unknown[] } {
  const saved: unknown[] = [];
  return { saved, load: () => null, save: (state) => void saved.push(state) };
}

describe('trackWindowState', () => {
  it('saves once, after the reader stops moving and resizing', () => {
    const win = fakeWindow();
    const store = memoryStore();
    trackWindowState(win as never, store);
    win.moveTo({ x: 110 });
    win.moveTo({ x: 120 });
    win.moveTo({ width: 1300 });
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(store.saved).toEqual([]);
    win.moveTo({ y: 90 }); // another move restarts the wait
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(store.saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(store.saved).toEqual([{ bounds: { x: 120, y: 90, width: 1300, height: 860 }, maximized: false }]);
  });

  it('saves the normal bounds and the flag when maximized', () => {
    const win = fakeWindow();
    const store = memoryStore();
    trackWindowState(win as never, store);
    win.maximize();
    vi.runAllTimers();
    expect(store.saved).toEqual([{ bounds: { x: 100, y: 80, width: 1280, height: 860 }, maximized: true }]);
  });

  it('saves at once on close, and nothing after', () => {
    const win = fakeWindow();
    const store = memoryStore();
    trackWindowState(win as never, store);
    win.moveTo({ x: 300 });
    win.close();
    expect(store.saved).toEqual([{ bounds: { x: 300, y: 80, width: 1280, height: 860 }, maximized: false }]);
    vi.runAllTimers();
    expect(store.saved).toHaveLength(1);
  });

  it('flush() saves a pending change now, and does nothing when none is pending', () => {
    const win = fakeWindow();
    const store = memoryStore();
    const flush = trackWindowState(win as never, store);
    flush();
    expect(store.saved).toEqual([]);
    win.moveTo({ x: 5 });
    flush();
    expect(store.saved).toHaveLength(1);
    vi.runAllTimers();
    expect(store.saved).toHaveLength(1);
  });
});

describe('the window state in the core database', () => {
  it('is stored under window.bounds and read back', () => {
    const core = createTestCore(join(temp.make(), 'data'));
    try {
      const store = settingsWindowStateStore(() => core.db);
      expect(store.load()).toBeNull();
      store.save({ bounds: { x: -1800, y: 40, width: 1200, height: 800 }, maximized: true });
      expect(JSON.parse(getSetting(core.db, WINDOW_STATE_KEY)!)).toEqual({ x: -1800, y: 40, width: 1200, height: 800, maximized: true });
      expect(store.load()).toEqual({ bounds: { x: -1800, y: 40, width: 1200, height: 800 }, maximized: true });
    } finally {
      core.close();
    }
  });

  it('is out of the renderer’s reach: settings.get and settings.set refuse the key', async () => {
    const core = createTestCore(join(temp.make(), 'data'));
    try {
      settingsWindowStateStore(() => core.db).save({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false });
      const get = await core.router.dispatch('settings.get', { key: WINDOW_STATE_KEY });
      expect(get).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      const set = await core.router.dispatch('settings.set', { key: WINDOW_STATE_KEY, value: '{"x":99999}' });
      expect(set).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(JSON.parse(getSetting(core.db, WINDOW_STATE_KEY)!)).toMatchObject({ x: 1, y: 2 });
    } finally {
      core.close();
    }
  });

  it('saving after the core closed is a no-op, and a failing write is logged, not thrown', () => {
    const store = settingsWindowStateStore(() => null);
    expect(() => store.save({ bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false })).not.toThrow();
    expect(store.load()).toBeNull();

    const core = createTestCore(join(temp.make(), 'data'));
    const closedDb = core.db;
    core.close();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() =>
        settingsWindowStateStore(() => closedDb).save({ bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false }),
      ).not.toThrow();
      expect(error).toHaveBeenCalledOnce();
    } finally {
      error.mockRestore();
    }
  });
});

describe('restoredPlacement', () => {
  const screen = (...areas: { x: number; y: number; width: number; height: number }[]) => ({
    getAllDisplays: () => areas.map((workArea) => ({ workArea })),
    getPrimaryDisplay: () => ({ workArea: areas[0]! }),
  });

  it('is null without a saved state (the window opens at its default size)', () => {
    expect(restoredPlacement(null, screen({ x: 0, y: 0, width: 1920, height: 1040 }))).toBeNull();
  });

  it('fits the saved bounds to the displays attached now and keeps the maximized flag', () => {
    const saved = { bounds: { x: 2500, y: 100, width: 1600, height: 900 }, maximized: true };
    expect(restoredPlacement(saved, screen({ x: 0, y: 0, width: 1920, height: 1040 }, { x: 1920, y: 0, width: 2560, height: 1400 }))).toEqual(saved);
    expect(restoredPlacement(saved, screen({ x: 0, y: 0, width: 1366, height: 728 }))).toEqual({
      bounds: { x: 0, y: 0, width: 1366, height: 728 },
      maximized: true,
    });
  });
});

describe('createMainWindow with a placement', () => {
  it('opens at the restored bounds, and maximizes before showing when it was maximized', () => {
    const win = createMainWindow(PRELOAD_PATH, { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true }) as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ x: 10, y: 20, width: 900, height: 700, show: false });
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalledOnce();
    expect(win.maximize.mock.invocationCallOrder[0]).toBeLessThan(win.show.mock.invocationCallOrder[0]!);
  });

  it('without a placement opens at the default size and does not maximize', () => {
    const win = createMainWindow() as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ width: 1280, height: 860 });
    expect(win.options.x).toBeUndefined();
    win.emit('ready-to-show');
    expect(win.maximize).not.toHaveBeenCalled();
    expect(win.show).toHaveBeenCalledOnce();
  });
});
