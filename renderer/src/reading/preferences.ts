// The reader's display preferences as saved in settings (strings), parsed back with a safe
// default for anything missing or unknown (a bad value must never stop the app from opening).
import type { ReadingMode } from '../features/feature-props';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const READING_MODES: readonly ReadingMode[] = ['zh', 'en', 'both'];
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Reading sizes are steps 1…READING_SIZE_STEPS; the CSS maps each step to a font size. */
export const READING_SIZE_STEPS = 5;
export const DEFAULT_READING_SIZE = 3;

export interface Preferences {
  readingMode: ReadingMode;
  readingSize: number;
  theme: ThemeChoice;
}

export const DEFAULT_PREFERENCES: Preferences = { readingMode: 'zh', readingSize: DEFAULT_READING_SIZE, theme: 'system' };

export function parseReadingMode(saved: string | null): ReadingMode {
  return READING_MODES.find((m) => m === saved) ?? DEFAULT_PREFERENCES.readingMode;
}

export function parseTheme(saved: string | null): ThemeChoice {
  return THEME_CHOICES.find((m) => m === saved) ?? DEFAULT_PREFERENCES.theme;
}

export function parseReadingSize(saved: string | null): number {
  const n = saved === null ? NaN : Number(saved);
  return Number.isInteger(n) ? clampReadingSize(n) : DEFAULT_READING_SIZE;
}

export function clampReadingSize(step: number): number {
  return Math.min(READING_SIZE_STEPS, Math.max(1, step));
}
