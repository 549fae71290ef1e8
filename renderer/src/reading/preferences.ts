// The reader's display preferences as saved in settings (strings), parsed back with a safe
// default for anything missing or unknown (a bad value must never stop the app from opening).
import type { ReadingMode } from '../features/feature-props';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const READING_MODES: readonly ReadingMode[] = ['zh', 'en', 'both'];
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Reading sizes are steps 1…READING_SIZE_STEPS; the CSS maps each step to a font size. */
export const READING_SIZE_STEPS = 5;
export const DEFAULT_READING_SIZE = 3;

/** The outline sidebar's width in CSS pixels: dragged or stepped with the arrow keys, within these bounds. */
export const OUTLINE_WIDTH = { min: 200, max: 480, default: 288, step: 16 } as const;

export interface Preferences {
  readingMode: ReadingMode;
  readingSize: number;
  theme: ThemeChoice;
  /** Show , : ; ( ) typed between Chinese characters in their full-width form (display only). */
  cjkPunctuation: boolean;
  outlineHidden: boolean;
  outlineWidth: number;
}

export const DEFAULT_PREFERENCES: Preferences = {
  readingMode: 'zh',
  readingSize: DEFAULT_READING_SIZE,
  theme: 'system',
  cjkPunctuation: true,
  outlineHidden: false,
  outlineWidth: OUTLINE_WIDTH.default,
};

/** Saved as 'on' / 'off'; anything else is the default. */
export function parseSwitch(saved: string | null, fallback: boolean): boolean {
  return saved === 'on' ? true : saved === 'off' ? false : fallback;
}

export function parseOutlineWidth(saved: string | null): number {
  const n = saved === null ? NaN : Number(saved);
  return Number.isFinite(n) ? clampOutlineWidth(n) : OUTLINE_WIDTH.default;
}

export function clampOutlineWidth(width: number): number {
  return Math.round(Math.min(OUTLINE_WIDTH.max, Math.max(OUTLINE_WIDTH.min, width)));
}

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
