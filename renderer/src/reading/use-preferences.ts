// The reader's display preferences: state for the UI, saved through settings.set on every
// change, and the theme applied to <html data-theme> (CSS does the rest, "system" included).
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import type { SettingKey } from '../../../shared/api/contract';
import type { ApiClient } from '../api/client';
import type { ReadingMode } from '../features/feature-props';
import { clampOutlineWidth, clampReadingSize, type Preferences, type ThemeChoice } from './preferences';

export interface PreferenceActions {
  setReadingMode(mode: ReadingMode): void;
  setReadingSize(step: number): void;
  setTheme(theme: ThemeChoice): void;
  setCjkPunctuation(on: boolean): void;
  setOutlineHidden(hidden: boolean): void;
  /** `save: false` while a drag is under way: only its end is worth remembering. */
  setOutlineWidth(width: number, save?: boolean): void;
}

export function usePreferences(client: ApiClient, initial: Preferences): [Preferences, PreferenceActions] {
  // Read once: a new start (e.g. after a retry) mounts a new Shell with newly loaded choices.
  const [prefs, setPrefs] = useState(initial);

  // A layout effect: the theme is on <html> in the same commit as the first screen, so no frame
  // is painted in the wrong theme (a passive effect may run after that paint).
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = prefs.theme;
  }, [prefs.theme]);

  const save = useCallback(
    (key: SettingKey, value: string) => {
      // A preference that fails to save costs the reader nothing now, only next launch's default.
      client.call('settings.set', { key, value }).catch(() => undefined);
    },
    [client],
  );

  const actions = useMemo<PreferenceActions>(
    () => ({
    setReadingMode: (readingMode) => {
      setPrefs((p) => ({ ...p, readingMode }));
      save('ui.readingMode', readingMode);
    },
    setReadingSize: (step) => {
      const readingSize = clampReadingSize(step);
      setPrefs((p) => ({ ...p, readingSize }));
      save('ui.readingSize', String(readingSize));
    },
    setTheme: (theme) => {
      setPrefs((p) => ({ ...p, theme }));
      save('ui.theme', theme);
    },
    setCjkPunctuation: (cjkPunctuation) => {
      setPrefs((p) => ({ ...p, cjkPunctuation }));
      save('ui.cjkPunctuation', cjkPunctuation ? 'on' : 'off');
    },
    setOutlineHidden: (outlineHidden) => {
      setPrefs((p) => ({ ...p, outlineHidden }));
      save('ui.outlineHidden', outlineHidden ? 'on' : 'off');
    },
    setOutlineWidth: (width, persist = true) => {
      const outlineWidth = clampOutlineWidth(width);
      setPrefs((p) => ({ ...p, outlineWidth }));
      if (persist) save('ui.outlineWidth', String(outlineWidth));
    },
    }),
    [save],
  );
  return [prefs, actions];
}
