// Whole-number axis ticks: counts are never fractional, and 0…4 reads better than 0, 2, 4, 5.

/** About `intervals` equal whole steps from 0 to at least `max` (and at least `minTop`). */
export function countTicks(max: number, minTop: number, intervals = 4): number[] {
  const top = Math.max(max, minTop);
  const step = Math.max(1, Math.ceil(top / intervals));
  const count = Math.ceil(top / step);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}
