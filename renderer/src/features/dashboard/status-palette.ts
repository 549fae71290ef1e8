// One colour and one pattern per status, used by the chart, its legend and the status pills,
// so a status looks the same everywhere. Colours are CSS variables (dashboard.css gives light,
// dark and print values); the hex here is the light value, handed to recharts and SVG as an
// explicit attribute so a chart still has its colours where the stylesheet is missing.
// Patterns keep the statuses apart when a page is printed in grayscale.
import { NO_STATUS, type StatusSeries } from './dashboard-model';

export type PatternKind = 'solid' | 'dots' | 'diagonal' | 'crosshatch' | 'horizontal' | 'vertical' | 'antidiagonal' | 'grid';

interface Swatch {
  /** CSS class suffix: `dashboard-fill-<name>` / `dashboard-ink-<name>`. */
  name: string;
  light: string;
  pattern: PatternKind;
}

/** Indexed by the status's position in the configured order (the defaults in this order). */
const STATUS_SWATCHES: readonly Swatch[] = [
  { name: 's0', light: '#8797ab', pattern: 'dots' }, // not started
  { name: 's1', light: '#d99a2b', pattern: 'diagonal' }, // in progress
  { name: 's2', light: '#2e7d55', pattern: 'solid' }, // done
  { name: 's3', light: '#7a5fb5', pattern: 'crosshatch' }, // watching
  { name: 's4', light: '#2a8fa3', pattern: 'horizontal' },
  { name: 's5', light: '#c0587a', pattern: 'vertical' },
  { name: 's6', light: '#7d6a3a', pattern: 'antidiagonal' },
  { name: 's7', light: '#4f5fa8', pattern: 'grid' },
];

const NONE_SWATCH: Swatch = { name: 'none', light: '#d8d4cb', pattern: 'solid' };

/** The reader's notes and highlights (the annotation chart). */
export const NOTES_SWATCH: Swatch = { name: 'notes', light: '#3a64a8', pattern: 'solid' };
export const HIGHLIGHTS_SWATCH: Swatch = { name: 'highlights', light: '#e0b43c', pattern: 'diagonal' };

export function statusSwatchOf(swatch: StatusSeries['swatch']): Swatch {
  if (swatch === NO_STATUS) return NONE_SWATCH;
  return STATUS_SWATCHES[swatch % STATUS_SWATCHES.length]!;
}

/** Every swatch the page may draw, for the shared <pattern> definitions. */
export const ALL_SWATCHES: readonly Swatch[] = [...STATUS_SWATCHES, NONE_SWATCH, NOTES_SWATCH, HIGHLIGHTS_SWATCH];

/** Id of a swatch's <pattern>; `prefix` is unique per dashboard on the page. */
export function patternId(prefix: string, swatch: Swatch): string {
  return `${prefix}-${swatch.name}`;
}

export function patternFill(prefix: string, swatch: Swatch): string {
  return `url(#${patternId(prefix, swatch)})`;
}
