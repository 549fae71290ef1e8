// Remembers the main window's size, position and maximized state between launches, in the
// core's user_settings ('window.bounds', a key the renderer cannot read or write). Saved a
// moment after the reader stops moving or resizing (not on every pixel), and once more on close.
import type { BrowserWindow, Display } from 'electron';
import type { Db } from '../core/db/open';
import { getSetting, setSetting } from '../core/services/settings';
import {
  fitToDisplays,
  parseWindowState,
  serializeWindowState,
  type Rect,
  type SavedWindowState,
} from './window-bounds';

export const WINDOW_STATE_KEY = 'window.bounds';
export const SAVE_DELAY_MS = 500;

export interface WindowStateStore {
  load(): SavedWindowState | null;
  save(state: SavedWindowState): void;
}

/** The store on the core's database. A failed write is logged, never thrown: it only costs the next launch its placement. */
export function settingsWindowStateStore(db: () => Db | null): WindowStateStore {
  return {
    load: () => {
      const current = db();
      return current ? parseWindowState(getSetting(current, WINDOW_STATE_KEY)) : null;
    },
    save: (state) => {
      const current = db();
      if (!current) return;
      try {
        setSetting(current, WINDOW_STATE_KEY, serializeWindowState(state));
      } catch (err) {
        console.error('Could not save the window position:', err);
      }
    },
  };
}

export interface Screen {
  getAllDisplays(): Pick<Display, 'workArea'>[];
  getPrimaryDisplay(): Pick<Display, 'workArea'>;
}

/** Where to open the window: the saved placement fitted to today's displays, or null for the default. */
export function restoredPlacement(saved: SavedWindowState | null, screen: Screen): { bounds: Rect; maximized: boolean } | null {
  if (!saved) return null;
  return {
    bounds: fitToDisplays(saved.bounds, screen.getAllDisplays(), screen.getPrimaryDisplay()),
    maximized: saved.maximized,
  };
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'isDestroyed' | 'isMaximized' | 'getNormalBounds'>;

/** The window's restorable state: its normal (unmaximized, non-full-screen) bounds and whether it is maximized. */
export function currentState(win: TrackedWindow): SavedWindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
}

/**
 * Saves the window's state SAVE_DELAY_MS after the last move or resize, and at once when it
 * closes. Returns flush(), which saves a pending change now.
 */
export function trackWindowState(win: TrackedWindow, store: WindowStateStore, delayMs = SAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (win.isDestroyed()) return;
    store.save(currentState(win));
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  win.on('move', saveSoon);
  win.on('resize', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  // 'close' comes while the window still exists (and before the core closes on quit).
  win.on('close', saveNow);
  win.on('closed', () => {
    if (timer) clearTimeout(timer);
    timer = null;
  });
  return () => {
    if (timer) saveNow();
  };
}
